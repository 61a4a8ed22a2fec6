import type { Tenant, TenantTheme } from '@fanfare/db';

/**
 * The storefront a request is for: a plain snapshot rather than a managed entity, so it can be
 * cached across requests without dragging one request's identity map into another.
 */
export interface TenantContext {
  readonly id: string;
  readonly handle: string;
  readonly name: string;
  readonly defaultCurrency: string;
  readonly defaultLocale: string;
  readonly theme: TenantTheme;
}

/** The snapshot of a loaded tenant. */
export function tenantContextOf(tenant: Tenant): TenantContext {
  return {
    id: tenant.id,
    handle: tenant.handle,
    name: tenant.name,
    defaultCurrency: tenant.defaultCurrency,
    defaultLocale: tenant.defaultLocale,
    theme: tenant.theme,
  };
}
