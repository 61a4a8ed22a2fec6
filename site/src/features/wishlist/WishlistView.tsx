import { useWishlist } from './use-wishlist';

/** A product as the wishlist page lists it. */
interface WishlistProduct {
  id: string;
  href: string;
  title: string;
  creator: string;
  price: string | null;
}

/** Props of `WishlistView`. */
export interface WishlistViewProps {
  tenant: string;
  /** Every product of the storefront, to show the wishlisted ones by id. */
  products: WishlistProduct[];
  signInHref: string;
  labels: { empty: string; remove: string; signIn: string; gone: string };
}

/**
 * The buyer's wishlist, newest first, from this browser's copy (so it shows at once and
 * offline), refreshed from the API when online. A product no longer in the catalog export is
 * listed as gone until removed.
 */
export default function WishlistView({ tenant, products, signInHref, labels }: WishlistViewProps) {
  const { ready, wishlist, items } = useWishlist(tenant);
  if (!ready) return null;
  if (wishlist === undefined)
    return (
      <p data-testid="wishlist-sign-in">
        <a href={signInHref}>{labels.signIn}</a>
      </p>
    );
  if (items.length === 0) return <p data-testid="wishlist-empty">{labels.empty}</p>;
  const byId = new Map(products.map((product) => [product.id, product]));
  return (
    <ul className="wishlist" data-testid="wishlist-items">
      {items.map(({ productId }) => {
        const product = byId.get(productId);
        return (
          <li key={productId} data-product-id={productId}>
            {product === undefined ? (
              <span className="muted">{labels.gone}</span>
            ) : (
              <>
                <a href={product.href}>{product.title}</a> <span className="muted">{product.creator}</span>{' '}
                {product.price !== null && <span>{product.price}</span>}
              </>
            )}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void wishlist.toggle(productId, false)}
              aria-label={`${labels.remove}: ${product?.title ?? labels.gone}`}
            >
              {labels.remove}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
