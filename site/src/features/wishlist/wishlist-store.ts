import { applyChange, type WishlistItem } from './wishlist-queue';

/** Where the shown wishlist persists; `localStorage` in the browser, a map in tests. */
export interface WishlistStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The storage key of one buyer's wishlist in one storefront. */
export const wishlistKey = (tenant: string, user: string): string => `fanfare:wishlist:${tenant}:${user}`;

const isItem = (value: unknown): value is WishlistItem => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.productId === 'string' && typeof v.addedAt === 'string' && !Number.isNaN(Date.parse(v.addedAt));
};

/** Reads a wishlist, dropping anything malformed (storage is user-editable). */
export function readWishlist(storage: WishlistStorage, tenant: string, user: string): WishlistItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(wishlistKey(tenant, user)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

type Listener = (items: WishlistItem[]) => void;

/**
 * The wishlist as this browser last knew it, per storefront and buyer: shown at once (and
 * offline), changed optimistically, replaced by the server's list merged with pending changes.
 */
export class WishlistStore {
  private items: WishlistItem[];
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: WishlistStorage,
    private readonly tenant: string,
    readonly user: string,
  ) {
    this.items = readWishlist(storage, tenant, user);
  }

  /** Current items, newest first. */
  get snapshot(): WishlistItem[] {
    return this.items;
  }

  /** Whether `productId` is on the wishlist. */
  has(productId: string): boolean {
    return this.items.some((item) => item.productId === productId);
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds or removes a product as of `changedAt`. */
  apply(productId: string, inWishlist: boolean, changedAt: string): void {
    this.set(applyChange(this.items, productId, inWishlist, changedAt));
  }

  /** Replaces the whole list (the server's, merged with what is still pending). */
  replace(items: WishlistItem[]): void {
    this.set(items);
  }

  /** Re-reads storage (another tab changed it). */
  reload(): void {
    this.items = readWishlist(this.storage, this.tenant, this.user);
    for (const listener of this.listeners) listener(this.items);
  }

  private set(items: WishlistItem[]): void {
    this.items = items;
    this.storage.setItem(wishlistKey(this.tenant, this.user), JSON.stringify(items));
    for (const listener of this.listeners) listener(items);
  }
}
