import { request as httpRequest } from 'node:http';
import { AnswerCache, TENANT_HOST_CACHE, type TenantHost, type TenantHostSetting } from '@fanfare/domain';
import { type StorefrontLookup, type TenantResolver, tenantResolver } from './tenant-resolver.js';

/**
 * Resolves a host through the API's public `GET /v1/storefront`, sent with that Host: the API
 * applies the same domain rule and owns the database (open storefronts, verified custom
 * domains). 200 gives the handle, 404 a miss; anything else throws, so a hiccup of the API is
 * not remembered as "no such storefront".
 */
function apiStorefrontLookup(upstream: URL, platformDomain: string): StorefrontLookup {
  return (key: TenantHost) =>
    new Promise((resolve, reject) => {
      const host = key.kind === 'handle' ? `${key.handle}.${platformDomain}` : key.hostname;
      const asking = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port || 80,
          method: 'GET',
          path: '/v1/storefront',
          headers: { host, accept: 'application/json' },
          timeout: 5_000,
        },
        (answer) => {
          let body = '';
          answer.setEncoding('utf8');
          answer.on('data', (chunk: string) => {
            body += chunk;
          });
          answer.on('end', () => {
            if (answer.statusCode === 404) return resolve(undefined);
            if (answer.statusCode !== 200)
              return reject(new Error(`GET /v1/storefront for ${host} answered ${answer.statusCode}`));
            const parsed: unknown = JSON.parse(body);
            const handle = (parsed as { handle?: unknown }).handle;
            resolve(typeof handle === 'string' ? handle : undefined);
          });
        },
      );
      asking.on('timeout', () => asking.destroy(new Error(`GET /v1/storefront for ${host} timed out`)));
      asking.on('error', reject);
      asking.end();
    });
}

/**
 * The edge's resolver as it runs: the domain's Host rule, the API's answer, and the domain's
 * cache times. Besides sparing the API, the cache keeps the edge's lookups (all from one
 * address) far below the API's per-client rate limit however many files a page loads.
 */
export function apiTenantResolver(setting: TenantHostSetting, apiUpstream: string): TenantResolver {
  return tenantResolver(
    setting,
    apiStorefrontLookup(new URL(apiUpstream), setting.platformDomain),
    new AnswerCache<string>(TENANT_HOST_CACHE, Date.now),
  );
}
