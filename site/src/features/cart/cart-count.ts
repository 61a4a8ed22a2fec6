import { browserCart } from './cart-store';

/**
 * Fills every `[data-cart-count="<tenant>"]` element with the number of lines in that tenant's
 * cart and keeps it current: the store is the one the cart islands share, so an add on this
 * page or in another tab shows at once.
 */
export function showCartCounts(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-cart-count]')) {
    const tenant = element.dataset.cartCount;
    if (tenant === undefined || tenant === '') continue;
    const store = browserCart(tenant);
    const show = (lines: readonly unknown[]): void => {
      element.textContent = String(lines.length);
    };
    show(store.snapshot);
    store.subscribe(show);
  }
}
