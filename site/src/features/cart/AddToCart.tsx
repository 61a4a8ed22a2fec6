import type { CartLine } from './cart-store';
import { useCart } from './use-cart';
import { useCurrency } from '../locale/use-currency';

/** Props of `AddToCart`. */
export interface AddToCartProps {
  tenant: string;
  /** The line in the page's default currency. */
  line: Omit<CartLine, 'quantity'>;
  /** The amount in each currency the buyer can switch to: the line is added in the chosen one. */
  prices?: Record<string, number>;
  labels: { add: string; inCart: string };
}

/** The add-to-cart button of a product page. */
export default function AddToCart({ tenant, line, prices = {}, labels }: AddToCartProps) {
  const { lines, store, ready } = useCart(tenant);
  const currency = useCurrency(tenant, Object.keys(prices), line.currency);
  const amount = prices[currency];
  const chosen = amount === undefined ? line : { ...line, currency, amount };
  const inCart = lines.some((l) => l.productId === line.productId);
  return (
    <button
      type="button"
      className="button"
      disabled={!ready || inCart}
      aria-pressed={inCart}
      onClick={() => store?.add(chosen)}
      data-testid="add-to-cart"
    >
      {inCart ? labels.inCart : labels.add}
    </button>
  );
}
