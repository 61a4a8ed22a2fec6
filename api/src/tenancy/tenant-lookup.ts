import { Domain, forPlatform, Tenant, type EntityManager } from '@fanfare/db';
import type { TenantKey } from './tenant-key.js';
import { tenantContextOf, type TenantContext } from './tenant-context.js';

// A custom domain routes to its storefront once ownership is proven; the certificate may still
// be on its way, and a failed or removed domain routes nowhere.
const ROUTABLE_DOMAIN_STATUSES = ['issuing_certificate', 'active'] as const;

/**
 * Finds the open storefront a key names. Suspended tenants are not found: their storefront is
 * closed to buyers.
 */
export async function findTenant(em: EntityManager, key: TenantKey): Promise<TenantContext | undefined> {
  // Resolving a host is cross-tenant by nature: the domain row says which tenant we are in.
  const platform = forPlatform(em);
  let tenant: Tenant | null;
  if (key.kind === 'handle') {
    tenant = await platform.findOne(Tenant, { handle: key.handle, status: 'active' });
  } else {
    const domain = await platform.findOne(Domain, {
      hostname: key.hostname,
      status: { $in: [...ROUTABLE_DOMAIN_STATUSES] },
      verifiedAt: { $ne: null },
    });
    tenant = domain === null ? null : await platform.findOne(Tenant, { id: domain.tenantId, status: 'active' });
  }
  return tenant === null ? undefined : tenantContextOf(tenant);
}
