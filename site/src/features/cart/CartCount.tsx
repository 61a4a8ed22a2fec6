import { useCart } from './use-cart';

/** The header's cart link with its item count. */
export default function CartCount({ tenant, label }: { tenant: string; label: string }) {
  const { lines } = useCart(tenant);
  return (
    <a href="/cart/" data-testid="cart-link">
      {label} <span className="count" data-testid="cart-count">{lines.length}</span>
    </a>
  );
}
