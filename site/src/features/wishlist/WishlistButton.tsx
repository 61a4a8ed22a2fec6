import { useWishlist } from './use-wishlist';

/** Props of `WishlistButton`. */
export interface WishlistButtonProps {
  tenant: string;
  productId: string;
  /** Where a signed-out buyer signs in. */
  signInHref: string;
  labels: { add: string; added: string; signIn: string };
}

/** The wishlist toggle of a product page; a sign-in link for a signed-out buyer. */
export default function WishlistButton({ tenant, productId, signInHref, labels }: WishlistButtonProps) {
  const { ready, wishlist, items } = useWishlist(tenant);
  if (ready && wishlist === undefined) {
    return (
      <a href={signInHref} data-testid="wishlist-sign-in">
        {labels.signIn}
      </a>
    );
  }
  const inWishlist = items.some((item) => item.productId === productId);
  return (
    <button
      type="button"
      className="button"
      disabled={!ready}
      aria-pressed={inWishlist}
      data-testid="wishlist-toggle"
      onClick={() => void wishlist?.toggle(productId, !inWishlist)}
    >
      {inWishlist ? labels.added : labels.add}
    </button>
  );
}
