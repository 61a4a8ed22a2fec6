import type { CartLine } from './cart-store';
import { useCart } from './use-cart';

/** Props of `AddToCart`. */
export interface AddToCartProps {
  tenant: string;
  line: Omit<CartLine, 'quantity'>;
  labels: { add: string; inCart: string };
}

/** The add-to-cart button of a product page. */
export default function AddToCart({ tenant, line, labels }: AddToCartProps) {
  const { lines, store, ready } = useCart(tenant);
  const inCart = lines.some((l) => l.productId === line.productId);
  return (
    <button type="button" className="button" disabled={!ready || inCart} aria-pressed={inCart} onClick={() => store?.add(line)} data-testid="add-to-cart">
      {inCart ? labels.inCart : labels.add}
    </button>
  );
}
