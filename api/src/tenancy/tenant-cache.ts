import type { TenantContext } from './tenant-context.js';

/**
 * A short-lived memory of host → tenant, so that catalog reads do not pay for two lookups each.
 * Only hits are remembered: a storefront created a moment ago is found at once, while one that
 * is suspended or loses its domain keeps being served for at most `ttlMs`.
 */
export class TenantCache {
  private readonly entries = new Map<string, { tenant: TenantContext; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The remembered tenant for `key`, if still fresh. */
  get(key: string): TenantContext | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.tenant;
  }

  /** Remembers `tenant` for `key` (no-op when caching is off). */
  set(key: string, tenant: TenantContext): void {
    if (this.ttlMs <= 0) return;
    // Oldest first out: Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { tenant, expiresAt: Date.now() + this.ttlMs });
  }
}
