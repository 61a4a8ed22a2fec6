import type { StorefrontLookup } from '../../src/edge/tenant-resolver.js';

/**
 * A lookup over a fixed list, for edge tests that need no API: the open storefronts by handle
 * and the custom domains each answers. The real lookup (`apiStorefrontLookup`) runs in the
 * built-storefront tests against the API.
 */
export function knownStorefronts(handles: readonly string[], domains: Record<string, string> = {}): StorefrontLookup {
  return async (key) =>
    key.kind === 'handle' ? (handles.includes(key.handle) ? key.handle : undefined) : domains[key.hostname];
}
