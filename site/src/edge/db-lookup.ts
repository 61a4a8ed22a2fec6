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

/** Whether the storefront `handle` exists and is active (not suspended), for hosts that name it directly. */
export function dbActiveHandle(orm: MikroORM): (handle: string) => Promise<boolean> {
  return async (handle) => {
    const tenant = await orm.em.fork().getRepository(Tenant).findByHandle(handle);
    return tenant !== null && tenant.status === 'active';
  };
}
