import { StoredState, type KeyValueStorage } from '../../lib/stored-state';
import { applyChange, type WishlistItem } from './wishlist-queue';

/** Where the shown wishlist persists; `localStorage` in the browser, a map in tests. */
export type WishlistStorage = KeyValueStorage;

/** The storage key of one buyer's wishlist in one storefront. */
export const wishlistKey = (tenant: string, user: string): string => `fanfare:wishlist:${tenant}:${user}`;

const isItem = (value: unknown): value is WishlistItem => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.productId === 'string' && typeof v.addedAt === 'string' && !Number.isNaN(Date.parse(v.addedAt));
};

/** Reads a wishlist, dropping anything malformed (storage is user-editable). */
function readWishlist(storage: WishlistStorage, tenant: string, user: string): WishlistItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(wishlistKey(tenant, user)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

/**
 * The wishlist as this browser last knew it, per storefront and buyer: shown at once (and
 * offline), changed optimistically, replaced by the server's list merged with pending changes.
 */
export class WishlistStore extends StoredState<WishlistItem[]> {
  constructor(
    storage: WishlistStorage,
    private readonly tenant: string,
    readonly user: string,
  ) {
    super(storage, wishlistKey(tenant, user), []);
    this.reload();
  }

  /** Whether `productId` is on the wishlist. */
  has(productId: string): boolean {
    return this.snapshot.some((item) => item.productId === productId);
  }

  /** Adds or removes a product as of `changedAt`. */
  apply(productId: string, inWishlist: boolean, changedAt: string): void {
    this.set(applyChange(this.snapshot, productId, inWishlist, changedAt));
  }

  /** Replaces the whole list (the server's, merged with what is still pending). */
  replace(items: WishlistItem[]): void {
    this.set(items);
  }

  protected read(): WishlistItem[] {
    return readWishlist(this.storage, this.tenant, this.user);
  }
}
