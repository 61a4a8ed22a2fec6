import { describe, expect, it } from 'vitest';
import {
  changeRequest,
  mergeWishlist,
  replayQueue,
  verdictOf,
  type ChangeQueue,
  type Send,
  type WishlistChange,
} from '../src/features/wishlist/wishlist-queue.js';
import { WishlistStore, wishlistKey } from '../src/features/wishlist/wishlist-store.js';

/** The queue's contract over a map, as the IndexedDB store keeps it (one entry per user and product). */
class MemoryQueue implements ChangeQueue {
  readonly rows = new Map<string, WishlistChange>();
  async put(change: WishlistChange): Promise<void> {
    this.rows.set(`${change.user}\n${change.productId}`, change);
  }
  async all(): Promise<WishlistChange[]> {
    return [...this.rows.values()];
  }
  async remove(change: WishlistChange): Promise<void> {
    const key = `${change.user}\n${change.productId}`;
    const current = this.rows.get(key);
    if (current?.changedAt === change.changedAt && current.inWishlist === change.inWishlist) this.rows.delete(key);
  }
  async retoken(user: string, token: string): Promise<void> {
    for (const [key, row] of this.rows) if (row.user === user) this.rows.set(key, { ...row, token });
  }
}

const change = (
  productId: string,
  inWishlist: boolean,
  changedAt: string,
  user = 'ana@example.com',
): WishlistChange => ({ user, productId, inWishlist, changedAt, token: 'tok-1' });

/** A scripted API: answers each product with the given status, or fails like a lost connection. */
function scriptedApi(answers: Record<string, number | 'network-error'>): {
  send: Send;
  sent: { url: string; init: RequestInit }[];
} {
  const sent: { url: string; init: RequestInit }[] = [];
  const send: Send = async (url, init) => {
    sent.push({ url, init });
    const productId = decodeURIComponent(new URL(url, 'http://store.test').pathname.split('/').pop() ?? '');
    const answer = answers[productId] ?? 200;
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return { status: answer };
  };
  return { send, sent };
}

describe('wishlist change queue (in-memory queue, scripted API answers)', () => {
  it('keeps only the newest change per user and product', async () => {
    const queue = new MemoryQueue();
    await queue.put(change('p1', true, '2026-11-22T10:00:00.000Z'));
    await queue.put(change('p1', false, '2026-11-22T10:00:05.000Z'));
    await queue.put(change('p1', true, '2026-11-22T10:00:01.000Z', 'ben@example.com'));
    expect(await queue.all()).toHaveLength(2);
    expect((await queue.all()).find((c) => c.user === 'ana@example.com')?.inWishlist).toBe(false);
  });

  it('sends adds as PUT with changedAt in the body and removals as DELETE with changedAt in the query', () => {
    const add = changeRequest(change('p/1', true, '2026-11-22T10:00:00.000Z'));
    expect(add.url).toBe('/v1/me/wishlist/p%2F1');
    expect(add.init).toMatchObject({ method: 'PUT', body: JSON.stringify({ changedAt: '2026-11-22T10:00:00.000Z' }) });
    expect(add.init.headers).toMatchObject({ authorization: 'Bearer tok-1', 'content-type': 'application/json' });
    const remove = changeRequest(change('p1', false, '2026-11-22T10:00:00.000Z'));
    expect(remove.url).toBe('/v1/me/wishlist/p1?changedAt=2026-11-22T10%3A00%3A00.000Z');
    expect(remove.init).toMatchObject({ method: 'DELETE' });
    expect(remove.init.body).toBeUndefined();
  });

  it('decides per status: 2xx delivered, 401/403 wait for sign-in, 408/429/5xx retry, other 4xx dropped', () => {
    expect([200, 204].map(verdictOf)).toEqual(['delivered', 'delivered']);
    expect([401, 403].map(verdictOf)).toEqual(['await-sign-in', 'await-sign-in']);
    expect([408, 425, 429, 500, 503].map(verdictOf)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 404, 409, 422].map(verdictOf)).toEqual(['drop', 'drop', 'drop', 'drop']);
  });

  it('replays oldest first and removes only what was delivered or can never be', async () => {
    const queue = new MemoryQueue();
    await queue.put(change('later', true, '2026-11-22T10:00:02.000Z'));
    await queue.put(change('gone', true, '2026-11-22T10:00:01.000Z'));
    await queue.put(change('busy', false, '2026-11-22T10:00:03.000Z'));
    await queue.put(change('expired', true, '2026-11-22T10:00:00.000Z'));
    const logged: string[] = [];
    const api = scriptedApi({ gone: 404, busy: 503, expired: 401 });
    const result = await replayQueue(queue, api.send, (message) => logged.push(message));
    expect(result).toEqual({ delivered: 1, dropped: 1, awaitingSignIn: 1, retry: 1 });
    expect(api.sent.map((s) => s.url.split('?')[0])).toEqual([
      '/v1/me/wishlist/expired',
      '/v1/me/wishlist/gone',
      '/v1/me/wishlist/later',
      '/v1/me/wishlist/busy',
    ]);
    expect((await queue.all()).map((c) => c.productId).sort()).toEqual(['busy', 'expired']);
    expect(logged).toEqual(['wishlist change of gone dropped: the API answered 404']);
  });

  it('stops at a network failure and keeps everything not yet delivered', async () => {
    const queue = new MemoryQueue();
    await queue.put(change('a', true, '2026-11-22T10:00:00.000Z'));
    await queue.put(change('b', true, '2026-11-22T10:00:01.000Z'));
    await queue.put(change('c', true, '2026-11-22T10:00:02.000Z'));
    const api = scriptedApi({ b: 'network-error' });
    expect(await replayQueue(queue, api.send)).toEqual({ delivered: 1, dropped: 0, awaitingSignIn: 0, retry: 2 });
    expect(api.sent).toHaveLength(2);
    expect((await queue.all()).map((c) => c.productId).sort()).toEqual(['b', 'c']);
  });

  it('does not remove a change that a newer one replaced while the older was in flight', async () => {
    const queue = new MemoryQueue();
    await queue.put(change('p1', true, '2026-11-22T10:00:00.000Z'));
    const send: Send = async () => {
      await queue.put(change('p1', false, '2026-11-22T10:00:09.000Z'));
      return { status: 200 };
    };
    await replayQueue(queue, send);
    expect(await queue.all()).toEqual([change('p1', false, '2026-11-22T10:00:09.000Z')]);
  });

  it('gives waiting changes the new token once the buyer signs in again', async () => {
    const queue = new MemoryQueue();
    await queue.put(change('p1', true, '2026-11-22T10:00:00.000Z'));
    await queue.put(change('p2', true, '2026-11-22T10:00:00.000Z', 'ben@example.com'));
    await queue.retoken('ana@example.com', 'tok-2');
    expect((await queue.all()).map((c) => `${c.productId}:${c.token}`).sort()).toEqual(['p1:tok-2', 'p2:tok-1']);
  });
});

describe('wishlist merge and local copy', () => {
  const server = [
    { productId: 'kept', addedAt: '2026-11-20T09:00:00Z' },
    { productId: 'removed-here', addedAt: '2026-11-20T09:00:00+00:00' },
    { productId: 're-added-elsewhere', addedAt: '2026-11-22T12:00:00Z' },
  ];

  it('puts pending changes of this buyer over the server list, newest first', () => {
    const pending = [
      change('added-offline', true, '2026-11-22T10:00:00.000Z'),
      change('removed-here', false, '2026-11-21T10:00:00.000Z'),
      // Removed here before another device added it again: the later add stands.
      change('re-added-elsewhere', false, '2026-11-22T11:00:00.000Z'),
      change('someone-else', true, '2026-11-22T10:00:00.000Z', 'ben@example.com'),
    ];
    expect(mergeWishlist(server, pending, 'ana@example.com').map((i) => i.productId)).toEqual([
      're-added-elsewhere',
      'added-offline',
      'kept',
    ]);
  });

  it('keeps the server entry (and its date) for a pending add of something already there', () => {
    const merged = mergeWishlist(server, [change('kept', true, '2026-11-22T10:00:00.000Z')], 'ana@example.com');
    expect(merged.find((i) => i.productId === 'kept')?.addedAt).toBe('2026-11-20T09:00:00Z');
  });

  it('persists per storefront and buyer, drops malformed storage, and notifies subscribers', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const store = new WishlistStore(storage, 'aurora', 'ana@example.com');
    const seen: number[] = [];
    store.subscribe((items) => seen.push(items.length));
    store.apply('p1', true, '2026-11-22T10:00:00.000Z');
    store.apply('p2', true, '2026-11-22T10:00:01.000Z');
    store.apply('p1', false, '2026-11-22T10:00:02.000Z');
    expect(seen).toEqual([1, 2, 1]);
    expect(new WishlistStore(storage, 'aurora', 'ana@example.com').snapshot.map((i) => i.productId)).toEqual(['p2']);
    expect(new WishlistStore(storage, 'inkwell', 'ana@example.com').snapshot).toEqual([]);
    expect(new WishlistStore(storage, 'aurora', 'ben@example.com').snapshot).toEqual([]);
    map.set(
      wishlistKey('aurora', 'ana@example.com'),
      JSON.stringify([
        { productId: 'ok', addedAt: '2026-11-22T10:00:00Z' },
        { productId: 3 },
        { productId: 'x', addedAt: 'soon' },
      ]),
    );
    expect(new WishlistStore(storage, 'aurora', 'ana@example.com').snapshot.map((i) => i.productId)).toEqual(['ok']);
  });
});
