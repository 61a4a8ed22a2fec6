/**
 * The one rule for which storefront a Host header names, shared by the API (every storefront
 * route) and the storefront edge (which folder it serves), so the two can never disagree.
 */
import { checkHandle, handleFromHost, normalizeHost } from './hostnames.js';

/** How a host names its storefront: by handle, or by a custom domain to look up. */
export type TenantHost = { kind: 'handle'; handle: string } | { kind: 'domain'; hostname: string };

/** Where the rule runs: the platform's domain, and whether this is a production deployment. */
export interface TenantHostSetting {
  platformDomain: string;
  /**
   * In production `<handle>.localhost` names nothing: a browser never sends it to a public
   * server, so a request carrying it is forged. Everywhere else (development, tests, the demo
   * stack) it is how a laptop reaches a storefront without DNS.
   */
  production: boolean;
}

/** The platform's own hosts, loopback names and bare addresses: never a storefront's custom domain. */
function isPlatformHost(host: string, platformDomain: string): boolean {
  return (
    host === '' ||
    host === platformDomain ||
    host.endsWith(`.${platformDomain}`) ||
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.startsWith('[') ||
    /^\d+(\.\d+){3}$/.test(host)
  );
}

/**
 * Which storefront `host` names: `<handle>.<platformDomain>`, outside production also
 * `<handle>.localhost`, else any other name as a custom domain to look up. Undefined when the
 * host cannot name a storefront at all (the platform's own hosts, IP addresses, a handle that
 * breaks the handle rules).
 */
export function tenantHostOf(host: string, setting: TenantHostSetting): TenantHost | undefined {
  const name = normalizeHost(host);
  const suffixes = setting.production ? [setting.platformDomain] : [setting.platformDomain, 'localhost'];
  const handle = handleFromHost(name, suffixes);
  if (handle !== undefined) return checkHandle(handle) === undefined ? { kind: 'handle', handle } : undefined;
  return isPlatformHost(name, setting.platformDomain) ? undefined : { kind: 'domain', hostname: name };
}

/** A stable key for caching what a host resolved to: two hosts naming the same storefront share it. */
export function tenantHostKey(key: TenantHost): string {
  return key.kind === 'handle' ? `handle:${key.handle}` : `domain:${key.hostname}`;
}

/**
 * How long a Host → tenant answer may be reused. A hit for ten seconds: a suspended storefront
 * or a removed domain stops being served within that. A miss for two: a storefront created a
 * moment ago is found almost at once, while a flood of requests for unknown hosts (scanners,
 * a misconfigured DNS record) costs one lookup per host every two seconds, not one per request.
 */
export const TENANT_HOST_CACHE = { hitTtlMs: 10_000, missTtlMs: 2_000 } as const;
