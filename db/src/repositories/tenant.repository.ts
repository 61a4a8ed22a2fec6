import { EntityRepository } from '@mikro-orm/postgresql';
import { handleFromHost, normalizeHost } from '@fanfare/domain';
import type { Tenant } from '../entities/tenant.entity.js';
import { Domain } from '../entities/domain.entity.js';
import { TENANT_FILTER } from '../tenancy/tenant-filter.js';

/** Queries on tenants that go beyond a lookup by id. */
export class TenantRepository extends EntityRepository<Tenant> {
  /**
   * The tenant a request's Host header names: `<handle>.<platformDomain>`, `<handle>.localhost`
   * (development), or a custom domain whose ownership is proven (verified, or active) and not
   * removed. Returns suspended tenants too, so the caller can say "suspended" rather than
   * "not found". Null when no tenant answers to the host.
   */
  async findByHost(host: string, platformDomain: string): Promise<Tenant | null> {
    const name = normalizeHost(host);
    if (name === '') return null;
    const handle = handleFromHost(name, [platformDomain, 'localhost']);
    if (handle !== undefined) return this.findOne({ handle });
    // Host resolution is cross-tenant by nature, so this one query opts out of the tenant filter.
    const domain = await this.em.findOne(
      Domain,
      {
        hostname: name,
        $or: [{ status: 'active' }, { verifiedAt: { $ne: null }, status: { $nin: ['removed', 'failed'] } }],
      },
      { filters: { [TENANT_FILTER]: { allTenants: true } } },
    );
    return domain === null ? null : this.findOne({ id: domain.tenantId });
  }

  /** The tenant with this storefront handle. */
  findByHandle(handle: string): Promise<Tenant | null> {
    return this.findOne({ handle: handle.toLowerCase() });
  }
}
