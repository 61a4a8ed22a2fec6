import type { ChangeQueue, WishlistChange } from './wishlist-queue';

/**
 * The wishlist change queue in IndexedDB, opened the same way by pages and by the service worker
 * (IndexedDB is the storage both can reach). Each storefront is its own origin, so its own
 * database; entries are keyed by user and product.
 */

const DB_NAME = 'fanfare-wishlist';
const STORE = 'changes';

interface Row extends WishlistChange {
  key: string;
}

const keyOf = (change: Pick<WishlistChange, 'user' | 'productId'>): string => `${change.user}\n${change.productId}`;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(STORE, { keyPath: 'key' });
  };
  return request(req);
}

const toChange = ({ key: _key, ...change }: Row): WishlistChange => change;

/** The queue in `factory` (`indexedDB` of the window or of the worker). */
export function indexedDbQueue(factory: IDBFactory): ChangeQueue {
  let db: Promise<IDBDatabase> | undefined;
  const transaction = async (mode: IDBTransactionMode): Promise<{ tx: IDBTransaction; store: IDBObjectStore }> => {
    db ??= open(factory);
    const tx = (await db).transaction(STORE, mode);
    return { tx, store: tx.objectStore(STORE) };
  };
  return {
    async put(change) {
      const { tx, store } = await transaction('readwrite');
      store.put({ ...change, key: keyOf(change) } satisfies Row);
      await done(tx);
    },
    async all() {
      const { store } = await transaction('readonly');
      return ((await request(store.getAll())) as Row[]).map(toChange);
    },
    async remove(change) {
      // Read and delete in one transaction, so a change queued meanwhile is never lost.
      const { tx, store } = await transaction('readwrite');
      const key = keyOf(change);
      const current = (await request(store.get(key))) as Row | undefined;
      if (current?.changedAt === change.changedAt && current.inWishlist === change.inWishlist) store.delete(key);
      await done(tx);
    },
    async retoken(user, token) {
      const { tx, store } = await transaction('readwrite');
      const rows = (await request(store.getAll())) as Row[];
      for (const row of rows) if (row.user === user && row.token !== token) store.put({ ...row, token } satisfies Row);
      await done(tx);
    },
  };
}
