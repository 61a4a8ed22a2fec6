import fp from 'fastify-plugin';
import { forTenant, type EntityManager } from '@fanfare/db';
import { AnswerCache, tenantHostKey } from '@fanfare/domain';
import type { FanfareConfig } from '@fanfare/config';
import { ApiError } from '../../errors/api-error.js';
import { tenantKeyOf } from '../../tenancy/tenant-key.js';
import { findTenant } from '../../tenancy/tenant-lookup.js';
import type { TenantContext } from '../../tenancy/tenant-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `true` for storefront routes: the Host header must name an open tenant. `'optional'` for
     * routes that use a storefront when the Host names one and work without it otherwise.
     */
    tenant?: boolean | 'optional';
  }
  interface FastifyRequest {
    /** The storefront of a tenant route; unset on platform routes (see `optionalTenant`). */
    tenant: TenantContext;
    /** An EntityManager that sees only this tenant's rows; set on tenant routes only. */
    tenantEm: EntityManager;
  }
}

/** Options of {@link tenantPlugin}. */
export interface TenantPluginOptions {
  config: FanfareConfig;
  /** How long a resolved host is remembered, and a host that names no storefront; 0 turns either off. */
  cacheTtl: { hitTtlMs: number; missTtlMs: number };
}

/**
 * Resolves the storefront from the Host header on routes that declare `config: { tenant: true }`
 * and hands them `request.tenant` and a tenant-filtered `request.tenantEm`. Platform routes
 * (health, docs, dev issuer) never look.
 */
export const tenantPlugin = fp<TenantPluginOptions>(
  async (app, { config, cacheTtl }) => {
    const cache = new AnswerCache<TenantContext>(cacheTtl, Date.now);
    const development = config.env === 'development';
    const production = config.env === 'production';
    app.decorateRequest('tenant', undefined as unknown as TenantContext);
    app.decorateRequest('tenantEm', undefined as unknown as EntityManager);
    app.addHook('onRequest', async (request) => {
      const need = request.routeOptions.config.tenant;
      if (need === undefined || need === false) return;
      const xTenant = request.headers['x-tenant'];
      const key = tenantKeyOf({
        host: request.host,
        xTenant: typeof xTenant === 'string' ? xTenant : undefined,
        platformDomain: config.platformDomain,
        development,
        production,
      });
      if (key === undefined && need === 'optional') return;
      if (key === undefined) throw new ApiError(404, 'tenant_not_found', 'This host does not name a storefront');
      const cacheKey = tenantHostKey(key);
      const remembered = cache.get(cacheKey);
      const tenant =
        remembered === undefined ? await findTenant(request.em, key, config.platformDomain) : remembered.value;
      if (remembered === undefined) cache.set(cacheKey, tenant);
      if (tenant === undefined) throw new ApiError(404, 'tenant_not_found', 'No open storefront answers at this host');
      request.tenant = tenant;
      request.tenantEm = forTenant(request.em, tenant.id);
    });
  },
  { name: 'fanfare-tenant', dependencies: ['fanfare-orm'] },
);
