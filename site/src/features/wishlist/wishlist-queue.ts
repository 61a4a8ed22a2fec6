/**
 * The wishlist's durable change queue, shared by the page islands and the service worker (which
 * replays it on Background Sync). Changes are last-writer-wins by `changedAt` on the API, so a
 * change sent twice, or late, does no harm; only the newest change per product is kept.
 */

/** The Background Sync tag the page registers and the worker answers. */
export const WISHLIST_SYNC_TAG = 'wishlist-sync';

/** One pending change of one buyer's wishlist. */
export interface WishlistChange {
  /** Who made it (the account's email): queues of buyers sharing a browser never mix. */
  user: string;
  productId: string;
  inWishlist: boolean;
  /** ISO date-time of the buyer's action: the API keeps the newest. */
  changedAt: string;
  /** The bearer token at the time, so the worker can send it without a page. */
  token: string;
}

/** A product on the wishlist, as `GET /v1/me/wishlist` lists it. */
export interface WishlistItem {
  productId: string;
  addedAt: string;
}

/** Where changes wait: IndexedDB in the browser (`wishlist-db.ts`), a map in tests. */
export interface ChangeQueue {
  /** Stores `change`, replacing any older change of the same user and product. */
  put(change: WishlistChange): Promise<void>;
  /** Every pending change. */
  all(): Promise<WishlistChange[]>;
  /** Removes `change` unless a newer change of the same user and product replaced it meanwhile. */
  remove(change: WishlistChange): Promise<void>;
  /** Gives the pending changes of `user` a new token (the buyer signed in again). */
  retoken(user: string, token: string): Promise<void>;
}

/** The HTTP request that delivers `change` to the API. */
export function changeRequest(change: WishlistChange): { url: string; init: RequestInit } {
  const base = `/v1/me/wishlist/${encodeURIComponent(change.productId)}`;
  const headers = { authorization: `Bearer ${change.token}` };
  return change.inWishlist
    ? {
        url: base,
        init: {
          method: 'PUT',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ changedAt: change.changedAt }),
        },
      }
    : { url: `${base}?changedAt=${encodeURIComponent(change.changedAt)}`, init: { method: 'DELETE', headers } };
}

/** What to do with a change after the API answered `status`. */
export type Verdict = 'delivered' | 'drop' | 'await-sign-in' | 'retry';

/**
 * 2xx: delivered. 401/403: kept until the buyer signs in again (a new token). 408, 425, 429 and
 * 5xx: kept and retried. Any other 4xx (404: the product is gone from this storefront, 400: a
 * change the API will never accept) would fail forever, so it is dropped.
 */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 401 || status === 403) return 'await-sign-in';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return status >= 400 ? 'drop' : 'retry';
}

/** How a replay went. */
export interface ReplayResult {
  delivered: number;
  dropped: number;
  awaitingSignIn: number;
  /** Changes to try again later (network down, server error): the caller schedules a retry. */
  retry: number;
}

/** Sends one request; rejects on a network failure. `fetch` in the browser and the worker. */
export type Send = (url: string, init: RequestInit) => Promise<{ status: number }>;

/**
 * Sends every pending change, oldest first, and removes those the API took (or will never
 * take). A network failure stops the run: the rest would fail the same way.
 */
export async function replayQueue(
  queue: ChangeQueue,
  send: Send,
  log: (message: string) => void = () => {},
): Promise<ReplayResult> {
  const result: ReplayResult = { delivered: 0, dropped: 0, awaitingSignIn: 0, retry: 0 };
  const pending = (await queue.all()).sort((a, b) => time(a.changedAt) - time(b.changedAt));
  for (const [index, change] of pending.entries()) {
    const { url, init } = changeRequest(change);
    let status: number;
    try {
      status = (await send(url, init)).status;
    } catch {
      result.retry += pending.length - index;
      break;
    }
    const verdict = verdictOf(status);
    if (verdict === 'delivered' || verdict === 'drop') await queue.remove(change);
    if (verdict === 'delivered') result.delivered += 1;
    else if (verdict === 'drop') {
      result.dropped += 1;
      log(`wishlist change of ${change.productId} dropped: the API answered ${status}`);
    } else if (verdict === 'await-sign-in') result.awaitingSignIn += 1;
    else result.retry += 1;
  }
  return result;
}

/**
 * The wishlist to show: the server's list with the buyer's pending changes on top. A pending
 * removal older than the server's entry lost to a later add elsewhere, so it does not hide it.
 * Newest first.
 */
export function mergeWishlist(
  server: readonly WishlistItem[],
  pending: readonly WishlistChange[],
  user: string,
): WishlistItem[] {
  const items = new Map(server.map((item) => [item.productId, item]));
  for (const change of pending) {
    if (change.user !== user) continue;
    const current = items.get(change.productId);
    if (change.inWishlist) {
      if (current === undefined)
        items.set(change.productId, { productId: change.productId, addedAt: change.changedAt });
    } else if (current !== undefined && time(current.addedAt) <= time(change.changedAt)) {
      items.delete(change.productId);
    }
  }
  return [...items.values()].sort(
    (a, b) => time(b.addedAt) - time(a.addedAt) || a.productId.localeCompare(b.productId),
  );
}

// The API and the browser may write the same instant differently (`+00:00`, no milliseconds).
const time = (iso: string): number => Date.parse(iso);

/** `items` after the buyer added (`inWishlist`) or removed `productId` at `changedAt`. */
export function applyChange(
  items: readonly WishlistItem[],
  productId: string,
  inWishlist: boolean,
  changedAt: string,
): WishlistItem[] {
  const rest = items.filter((item) => item.productId !== productId);
  return inWishlist ? [{ productId, addedAt: changedAt }, ...rest] : rest;
}
