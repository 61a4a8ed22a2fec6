import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';
import type { Principal } from './principal.js';

/**
 * The verified caller of a route that declares `roles`. Throws a 401 if a route forgot to
 * declare them, rather than treating the caller as anonymous.
 */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null)
    throw new ApiError(401, 'unauthenticated', 'Sign in: this route needs a bearer token');
  return request.principal;
}
