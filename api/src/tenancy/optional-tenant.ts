import type { FastifyRequest } from 'fastify';
import type { TenantContext } from './tenant-context.js';

/** The storefront of a route declared `tenant: 'optional'`, when the Host named one. */
export function optionalTenant(request: FastifyRequest): TenantContext | undefined {
  return (request.tenant as TenantContext | undefined) ?? undefined;
}
