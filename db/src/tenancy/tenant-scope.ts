import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from './tenant-filter.js';

// Forks keep the caller's transaction, so `forTenant(tx, id)` inside `em.transactional(...)`
// writes in that transaction rather than beside it.

/**
 * A fresh fork of `em` that sees only `tenantId`'s rows of every tenant-owned entity, and stamps
 * that tenant on the tenant-owned entities it creates.
 */
export function forTenant(em: EntityManager, tenantId: string): EntityManager {
  if (tenantId.trim() === '') throw new Error('forTenant needs a tenant id');
  const fork = em.fork({ clear: true, keepTransactionContext: true });
  fork.setFilterParams(TENANT_FILTER, { tenantId });
  return fork;
}

/**
 * A fresh fork of `em` with the tenant filter explicitly off, for work that is cross-tenant by
 * nature: resolving a Host header to its tenant, operators' consoles, platform-wide jobs.
 * Entities created through it must be given their `tenantId`.
 */
export function forPlatform(em: EntityManager): EntityManager {
  const fork = em.fork({ clear: true, keepTransactionContext: true });
  fork.setFilterParams(TENANT_FILTER, { allTenants: true });
  return fork;
}
