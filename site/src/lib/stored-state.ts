/** Where a store persists; `localStorage` in the browser, a map in tests. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

type Listener<T> = (value: T) => void;

/**
 * A value kept in storage under one key and shared by the islands of a page: every change is
 * persisted and told to subscribers, and `reload` re-reads storage after another tab wrote it.
 * Subclasses say how to read the stored text safely (storage is user-editable).
 */
export abstract class StoredState<T, S extends KeyValueStorage = KeyValueStorage> {
  private current: T;
  private readonly listeners = new Set<Listener<T>>();

  protected constructor(
    protected readonly storage: S,
    /** The storage key; one store per key and page (see `sharedInPage`). */
    readonly key: string,
    empty: T,
  ) {
    this.current = empty;
  }

  /** What storage holds now, or the empty value when it holds nothing usable. */
  protected abstract read(): T;

  /** The current value. */
  get snapshot(): T {
    return this.current;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads storage (another tab changed it). */
  reload(): void {
    this.current = this.read();
    this.notify();
  }

  /** Keeps `value`, persists it and tells the subscribers. */
  protected set(value: T): void {
    this.current = value;
    this.write(value);
    this.notify();
  }

  /** Persists `value` (as JSON unless a subclass stores it otherwise). */
  protected write(value: T): void {
    this.storage.setItem(this.key, JSON.stringify(value));
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}

const shared = new Map<string, { reload(): void }>();

/**
 * The page's one store for `key` (created on first use, whatever the island count), reloaded
 * whenever another tab writes that key (the `storage` event).
 */
export function sharedInPage<Store extends { reload(): void }>(key: string, create: () => Store): Store {
  const existing = shared.get(key) as Store | undefined;
  if (existing !== undefined) return existing;
  const store = create();
  window.addEventListener('storage', (event) => {
    if (event.key === key) store.reload();
  });
  shared.set(key, store);
  return store;
}
