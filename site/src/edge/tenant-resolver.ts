import { checkHandle, handleFromHost, normalizeHost } from '@fanfare/domain';

/** Finds the storefront handle a Host header names, or undefined. */
export type TenantResolver = (host: string) => Promise<string | undefined>;

/** A handle-looking string that may safely name a folder under `dist/`. */
export function isSafeHandle(handle: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(handle);
}

/**
 * Maps `<handle>.localhost` and `<handle>.<platformDomain>` by name, and hands every other host
 * (custom domains) to `lookup` (the database's `TenantRepository.findByHost`). A handle named
 * directly is still asked of `isServed`, so a suspended storefront's files, which stay on disk,
 * are not served under its platform host either. Answers only handles that are safe folder names.
 */
export function tenantResolver(
  platformDomain: string,
  lookup: (host: string) => Promise<string | undefined>,
  isServed: (handle: string) => Promise<boolean> = async () => true,
): TenantResolver {
  return async (host) => {
    const name = normalizeHost(host);
    if (name === '') return undefined;
    const direct = handleFromHost(name, [platformDomain, 'localhost']);
    const handle = direct ?? (await lookup(name));
    if (handle === undefined || !isSafeHandle(handle) || checkHandle(handle) !== undefined) return undefined;
    return direct === undefined || (await isServed(handle)) ? handle : undefined;
  };
}

/** Caches `resolve` answers (also misses) for `ttlMs`, so each request does not hit the database. */
export function cachedResolver(resolve: TenantResolver, ttlMs = 30_000, now: () => number = Date.now): TenantResolver {
  const cache = new Map<string, { handle: string | undefined; until: number }>();
  return async (host) => {
    const key = normalizeHost(host);
    const hit = cache.get(key);
    if (hit !== undefined && hit.until > now()) return hit.handle;
    const handle = await resolve(key);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { handle, until: now() + ttlMs });
    return handle;
  };
}
