import { checkHandle, type TenantHost, tenantHostOf } from '@fanfare/domain';

/** Inputs of {@link tenantKeyOf}. */
export interface TenantKeyInput {
  host: string | undefined;
  /** The `X-Tenant` header, honoured only when `development` is true. */
  xTenant: string | undefined;
  platformDomain: string;
  /** `X-Tenant` is a development convenience (curl without a Host), never honoured elsewhere. */
  development: boolean;
  /** Production refuses `<handle>.localhost`; the rule itself is the domain's `tenantHostOf`. */
  production: boolean;
}

/**
 * Which storefront a request is for: in development `X-Tenant: <handle>` first, otherwise the
 * domain's Host rule (the storefront edge applies the same one). Undefined when the request
 * cannot name a tenant at all.
 */
export function tenantKeyOf(input: TenantKeyInput): TenantHost | undefined {
  if (input.development && input.xTenant !== undefined) {
    const handle = input.xTenant.trim().toLowerCase();
    return checkHandle(handle) === undefined ? { kind: 'handle', handle } : undefined;
  }
  return tenantHostOf(input.host ?? '', { platformDomain: input.platformDomain, production: input.production });
}
