/**
 * A bounded memory of lookup answers, hits and misses alike, each kept for its own time. Pure:
 * the caller passes the clock, so domain stays free of time.
 */

/** How long answers live and how many are kept. */
export interface AnswerCacheTtl {
  hitTtlMs: number;
  missTtlMs: number;
  maxEntries?: number;
}

/** A remembered answer: `value` undefined is a remembered miss. */
export interface CachedAnswer<T> {
  value: T | undefined;
}

/**
 * Remembers `key → value | undefined` for `hitTtlMs` (a value) or `missTtlMs` (undefined); a
 * ttl of 0 turns that side off. The oldest entry leaves first when the cache is full.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { value: T | undefined; until: number }>();

  constructor(
    private readonly ttl: AnswerCacheTtl,
    private readonly now: () => number,
  ) {}

  /** The remembered answer for `key` while fresh, else undefined (ask again). */
  get(key: string): CachedAnswer<T> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value };
  }

  /** Remembers `value` (undefined: a miss) for `key`. */
  set(key: string, value: T | undefined): void {
    const ttl = value === undefined ? this.ttl.missTtlMs : this.ttl.hitTtlMs;
    if (ttl <= 0) return;
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= (this.ttl.maxEntries ?? 10_000)) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + ttl });
  }
}
