import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { MissingTenantScopeError, TENANT_FILTER, type TenantFilterParams } from './tenant-filter.js';

/** Thrown when a tenant-scoped EntityManager tries to write another tenant's row. */
export class CrossTenantWriteError extends Error {
  constructor(entityName: string, scopeTenantId: string, rowTenantId: unknown) {
    super(
      `${entityName} of tenant ${String(rowTenantId)} cannot be written through a fork scoped to tenant ${scopeTenantId}`,
    );
    this.name = 'CrossTenantWriteError';
  }
}

/**
 * The filter only guards reads. This subscriber guards writes the same way: every insert,
 * update or delete of a tenant-owned entity needs a scope, and a tenant scope may only touch its
 * own tenant's rows (an explicit `tenantId` of another tenant is refused, not silently stored).
 */
export class TenantWriteGuard implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const params =
      em.getFilterParams<Partial<TenantFilterParams & { tenantId: string; allTenants: true }>>(TENANT_FILTER);
    for (const changeSet of uow.getChangeSets()) {
      if (!('tenantId' in changeSet.meta.properties)) continue;
      if (params === undefined) throw new MissingTenantScopeError(changeSet.meta.className);
      if (params.allTenants === true) continue;
      const rowTenantId: unknown = (changeSet.entity as { tenantId?: unknown }).tenantId;
      const before: unknown = changeSet.originalEntity?.tenantId;
      if (rowTenantId !== params.tenantId || (before !== undefined && before !== params.tenantId)) {
        throw new CrossTenantWriteError(changeSet.meta.className, String(params.tenantId), rowTenantId);
      }
    }
  }
}
