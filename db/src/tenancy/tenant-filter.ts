import type { Dictionary } from '@mikro-orm/core';
import { p } from '@mikro-orm/core';

/** Name of the default filter that confines tenant-owned entities to one tenant. */
export const TENANT_FILTER = 'tenant';

/**
 * Parameters of the tenant filter: one tenant, or the explicit, greppable opt-out that
 * `forPlatform` sets for cross-tenant work.
 */
export type TenantFilterParams = { tenantId: string } | { allTenants: true };

/** Thrown when a tenant-owned entity is queried through an EntityManager that names no tenant. */
export class MissingTenantScopeError extends Error {
  constructor(entityName: string | undefined) {
    super(
      `Query on tenant-owned ${entityName ?? 'entity'} without a tenant scope: use forTenant(em, tenantId) or forPlatform(em)`,
    );
    this.name = 'MissingTenantScopeError';
  }
}

function tenantCondition(args: Dictionary | undefined, entityName?: string): Dictionary {
  if (args !== undefined && args.allTenants === true) return {};
  if (args === undefined || typeof args.tenantId !== 'string' || args.tenantId === '') {
    throw new MissingTenantScopeError(entityName);
  }
  return { tenantId: args.tenantId };
}

/**
 * The `tenant` filter, on by default for every tenant-owned entity. Its condition takes
 * arguments, so MikroORM itself refuses a query with no params ("No arguments provided for
 * filter 'tenant'"); params without a tenant id fail here too, so no query ever silently
 * returns every tenant's rows.
 */
export const tenantFilters = {
  [TENANT_FILTER]: {
    name: TENANT_FILTER,
    default: true,
    cond: (
      args: Dictionary,
      _type: 'read' | 'update' | 'delete',
      _em: unknown,
      _options?: unknown,
      entityName?: string,
    ) => tenantCondition(args, entityName),
  },
};

/** The tenant params an EntityManager was scoped with, if any. */
export function tenantIdOf(em: { getFilterParams(name: string): unknown }): string | undefined {
  const params = em.getFilterParams(TENANT_FILTER) as Partial<{ tenantId: string }> | undefined;
  return typeof params?.tenantId === 'string' ? params.tenantId : undefined;
}

/**
 * The `tenantId` column of a tenant-owned entity: indexed, and filled from the tenant scope of
 * the EntityManager that creates the entity when the caller does not set it.
 */
export const tenantIdColumn = () =>
  p
    .uuid()
    .index()
    .onCreate((entity: Dictionary, em) => {
      const tenantId = (entity.tenantId as string | undefined) ?? tenantIdOf(em);
      if (tenantId === undefined) throw new MissingTenantScopeError(entity.constructor.name);
      return tenantId;
    });
