import { forPlatform, Tenant, type TenantRepository, type EntityManager } from '@fanfare/db';
import type { TenantHost } from '@fanfare/domain';
import { tenantContextOf, type TenantContext } from './tenant-context.js';

/**
 * Finds the open storefront a key names. Which custom domains route (ownership proven, not
 * removed) is the repository's rule; suspended tenants are not found here, since their
 * storefront is closed to buyers.
 */
export async function findTenant(
  em: EntityManager,
  key: TenantHost,
  platformDomain: string,
): Promise<TenantContext | undefined> {
  // Resolving a host is cross-tenant by nature: the domain row says which tenant we are in.
  const tenants = forPlatform(em).getRepository(Tenant) as TenantRepository;
  const tenant =
    key.kind === 'handle'
      ? await tenants.findByHandle(key.handle)
      : await tenants.findByHost(key.hostname, platformDomain);
  return tenant === null || tenant.status !== 'active' ? undefined : tenantContextOf(tenant);
}
