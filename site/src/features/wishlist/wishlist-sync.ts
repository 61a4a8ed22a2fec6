import { apiFetch } from '../../lib/api-fetch';
import { sharedInPage } from '../../lib/stored-state';
import { indexedDbQueue } from './wishlist-db';
import { WISHLIST_SYNC_TAG, mergeWishlist, replayQueue, type ChangeQueue, type WishlistItem } from './wishlist-queue';
import { WishlistStore, wishlistKey } from './wishlist-store';

/** The signed-in buyer, as far as the wishlist needs one (the account island's `SessionStore`). */
export interface BuyerSession {
  token(): string | null;
  /** The account's email; null when signed out. */
  email(): string | null;
}

// Background Sync is not in TypeScript's DOM library (it is a WICG draft, Chromium only).
interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** One buyer's wishlist in this browser: the shown list, its queue and the delivery of changes. */
export class BrowserWishlist {
  readonly store: WishlistStore;
  private replaying: Promise<void> = Promise.resolve();

  constructor(
    tenant: string,
    readonly user: string,
    private readonly session: BuyerSession,
    private readonly queue: ChangeQueue,
  ) {
    this.store = sharedInPage(wishlistKey(tenant, user), () => new WishlistStore(window.localStorage, tenant, user));
  }

  /** Adds or removes `productId`: shown at once, queued durably, sent now when possible. */
  async toggle(productId: string, inWishlist: boolean): Promise<void> {
    const token = this.session.token();
    if (token === null || this.session.email() !== this.user) return;
    const changedAt = new Date().toISOString();
    this.store.apply(productId, inWishlist, changedAt);
    await this.queue.put({ user: this.user, productId, inWishlist, changedAt, token });
    if (navigator.onLine) await this.deliver();
    else await registerSync();
  }

  /**
   * Sends what is queued, then shows the server's list merged with what is still pending.
   * Called on load, on `online` and after a change; runs one at a time, so a change queued
   * while a replay was reading the queue is sent by the next one.
   */
  deliver(): Promise<void> {
    const next = this.replaying
      .then(() => this.replay())
      .catch((error: unknown) => console.warn('wishlist sync failed', error));
    this.replaying = next;
    return next;
  }

  private async replay(): Promise<void> {
    const token = this.session.token();
    if (token === null) return;
    // Changes refused with 401 wait for this: the buyer signed in again.
    await this.queue.retoken(this.user, token);
    const result = await replayQueue(
      this.queue,
      (url, init) => fetch(url, init),
      (message) => console.warn(message),
    );
    if (result.retry > 0) {
      await registerSync();
      return;
    }
    const answer = await apiFetch<{ items: WishlistItem[] }>('/v1/me/wishlist', { token });
    if (!answer.ok) return;
    this.store.replace(mergeWishlist(answer.body.items, await this.queue.all(), this.user));
  }
}

/**
 * Asks the service worker to replay the queue when the browser is back online. Without
 * Background Sync (Firefox, Safari) the page's `online` listener does it instead.
 */
async function registerSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as SyncRegistration | undefined;
  await registration?.sync?.register(WISHLIST_SYNC_TAG).catch(() => undefined);
}

const wishlists = new Map<string, BrowserWishlist>();

/**
 * The page's shared wishlist of the signed-in buyer (one per page, whatever the island count),
 * or undefined when signed out. The first call replays the queue, and every `online` event
 * does again: Chromium's Background Sync follows the machine's network, not the page's, so the
 * page does not rely on it alone.
 */
export function browserWishlist(tenant: string, session: BuyerSession): BrowserWishlist | undefined {
  const user = session.email();
  if (user === null || session.token() === null) return undefined;
  const key = wishlistKey(tenant, user);
  let wishlist = wishlists.get(key);
  if (wishlist === undefined) {
    const created = new BrowserWishlist(tenant, user, session, indexedDbQueue(indexedDB));
    wishlist = created;
    wishlists.set(key, created);
    window.addEventListener('online', () => void created.deliver());
    if (navigator.onLine) void created.deliver();
  }
  return wishlist;
}
