import {
  type AnswerCache,
  type TenantHost,
  type TenantHostSetting,
  tenantHostKey,
  tenantHostOf,
} from '@fanfare/domain';

/** Finds the storefront handle a Host header names, or undefined. */
export type TenantResolver = (host: string) => Promise<string | undefined>;

/**
 * Asks who serves a host the domain's rule accepted: the handle of an open storefront, or
 * undefined (unknown, suspended, an unverified domain). In the running edge this is the API
 * (`apiStorefrontLookup`), which owns the database; the edge never reads it.
 */
export type StorefrontLookup = (key: TenantHost) => Promise<string | undefined>;

/** A handle-looking string that may safely name a folder under `dist/`. */
function isSafeHandle(handle: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(handle);
}

/**
 * Maps a Host to the folder to serve by the domain's Host → tenant rule (`tenantHostOf`, the
 * one the API applies), then asks `lookup` whether that storefront is open, so a suspended
 * storefront's files, which stay on disk, are not served under any host. Answers are kept in
 * `cache` (hits and misses, for the domain's times) when one is given. Answers only handles that
 * are safe folder names, and under a platform host only the handle it names.
 */
export function tenantResolver(
  setting: TenantHostSetting,
  lookup: StorefrontLookup,
  cache?: AnswerCache<string>,
): TenantResolver {
  return async (host) => {
    const key = tenantHostOf(host, setting);
    if (key === undefined) return undefined;
    const cacheKey = tenantHostKey(key);
    const remembered = cache?.get(cacheKey);
    const handle = remembered === undefined ? await lookup(key) : remembered.value;
    if (remembered === undefined) cache?.set(cacheKey, handle);
    if (handle === undefined || !isSafeHandle(handle)) return undefined;
    return key.kind === 'handle' && key.handle !== handle ? undefined : handle;
  };
}
