import { Tenant, type MikroORM } from '@fanfare/db';

/**
 * The handle of the active storefront a custom domain (or platform host) belongs to, through
 * `TenantRepository.findByHost`: verified and active custom domains only, never suspended tenants.
 */
export function dbTenantLookup(orm: MikroORM, platformDomain: string): (host: string) => Promise<string | undefined> {
  return async (host) => {
    const tenant = await orm.em.fork().getRepository(Tenant).findByHost(host, platformDomain);
    return tenant !== null && tenant.status === 'active' ? tenant.handle : undefined;
  };
}
