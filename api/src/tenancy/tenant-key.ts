import { checkHandle, handleFromHost, normalizeHost } from '@fanfare/domain';

/** How a request names its storefront: by handle, or by a custom domain to look up. */
export type TenantKey = { kind: 'handle'; handle: string } | { kind: 'domain'; hostname: string };

/** Inputs of {@link tenantKeyOf}. */
export interface TenantKeyInput {
  host: string | undefined;
  /** The `X-Tenant` header, honoured only when `development` is true. */
  xTenant: string | undefined;
  platformDomain: string;
  /** Turns on the conveniences that must never reach production: `X-Tenant` and `<handle>.localhost`. */
  development: boolean;
}

/** The platform's own hosts and bare addresses: never a storefront's custom domain. */
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
 * Reads which storefront a request is for from its Host header (`<handle>.<platformDomain>`, in
 * development also `<handle>.localhost` and `X-Tenant: <handle>`), or a custom domain to look
 * up. Undefined when the request cannot name a tenant at all.
 */
export function tenantKeyOf(input: TenantKeyInput): TenantKey | undefined {
  if (input.development && input.xTenant !== undefined) {
    const handle = input.xTenant.trim().toLowerCase();
    return checkHandle(handle) === undefined ? { kind: 'handle', handle } : undefined;
  }
  const host = normalizeHost(input.host ?? '');
  const suffixes = input.development ? [input.platformDomain, 'localhost'] : [input.platformDomain];
  const handle = handleFromHost(host, suffixes);
  if (handle !== undefined) return checkHandle(handle) === undefined ? { kind: 'handle', handle } : undefined;
  return isPlatformHost(host, input.platformDomain) ? undefined : { kind: 'domain', hostname: host };
}
