import { formatMoney } from '@fanfare/domain';
import { cartTotals } from './cart-store';
import { useCart } from './use-cart';

/** Props of `CartView`. */
export interface CartViewProps {
  tenant: string;
  locale: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base?: string;
  labels: { empty: string; remove: string; total: string; checkout: string };
}

/** The cart page: lines, remove buttons and totals; checkout is wired when the checkout island lands. */
export default function CartView({ tenant, locale, base = '', labels }: CartViewProps) {
  const { lines, store } = useCart(tenant);
  if (lines.length === 0) return <p data-testid="cart-empty">{labels.empty}</p>;
  return (
    <div>
      <ul className="cart-lines" data-testid="cart-lines">
        {lines.map((line) => (
          <li key={line.productId}>
            <a href={`${base}/products/${line.slug}/`}>{line.title}</a>{' '}
            <span>{formatMoney({ amount: line.amount, currency: line.currency }, locale)}</span>{' '}
            <button type="button" className="link-button" onClick={() => store?.remove(line.productId)}>
              {labels.remove}<span className="visually-hidden"> {line.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {cartTotals(lines).map((total) => (
        <p key={total.currency}>
          <strong>{labels.total}: {formatMoney(total, locale)}</strong>
        </p>
      ))}
    </div>
  );
}
