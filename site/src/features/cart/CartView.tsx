import { formatMoney } from '@fanfare/domain';
import { cartTotals } from './cart-store';
import { useCart } from './use-cart';
import { useCurrency } from '../locale/use-currency';
import { fill } from '../../lib/wording';

/** Props of `CartView`. */
export interface CartViewProps {
  tenant: string;
  locale: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base?: string;
  /** Currencies the buyer can choose to see prices in (the header's switcher). */
  currencies: string[];
  labels: { empty: string; remove: string; total: string; currencyNote: string };
}

/**
 * The cart page's lines, remove buttons and totals. Lines are in the currency the buyer will pay
 * (a list price); when the buyer chose to see estimates in another, the cart says why it differs.
 */
export default function CartView({ tenant, locale, base = '', currencies, labels }: CartViewProps) {
  const { lines, store } = useCart(tenant);
  const chosen = useCurrency(tenant, currencies, '');
  if (lines.length === 0) return <p data-testid="cart-empty">{labels.empty}</p>;
  const payable = lines.find((line) => line.currency !== chosen)?.currency;
  return (
    <div>
      <ul className="cart-lines" data-testid="cart-lines">
        {lines.map((line) => (
          <li key={line.productId}>
            <a href={`${base}/products/${line.slug}/`}>{line.title}</a>{' '}
            <span>{formatMoney({ amount: line.amount, currency: line.currency }, locale)}</span>{' '}
            <button type="button" className="link-button" onClick={() => store?.remove(line.productId)}>
              {labels.remove}
              <span className="visually-hidden"> {line.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen !== '' && payable !== undefined && (
        <p className="muted" data-testid="cart-currency-note">
          {fill(labels.currencyNote, { chosen, currency: payable })}
        </p>
      )}
      {cartTotals(lines).map((total) => (
        <p key={total.currency}>
          <strong>
            {labels.total}: {formatMoney(total, locale)}
          </strong>
        </p>
      ))}
    </div>
  );
}
