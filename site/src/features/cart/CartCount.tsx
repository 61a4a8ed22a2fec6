import { useCart } from './use-cart';

/** The header's cart link with its item count. */
export default function CartCount({ tenant, label, base = '' }: { tenant: string; label: string; /** Locale prefix of the page's links (`/fr-fr`). */ base?: string }) {
  const { lines } = useCart(tenant);
  return (
    <a href={`${base}/cart/`} data-testid="cart-link">
      {label} <span className="count" data-testid="cart-count">{lines.length}</span>
    </a>
  );
}
