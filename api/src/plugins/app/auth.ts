import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@fanfare/domain';
import type { FanfareConfig } from '@fanfare/config';
import { ApiError, forbidden } from '../../errors/api-error.js';
import { DevIssuer } from '../../auth/dev-issuer.js';
import { createTokenVerifier } from '../../auth/token-verifier.js';
import type { Principal } from '../../auth/principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call the route; absent means the route is public. */
    roles?: readonly Role[];
    /** On a public route: verify a bearer token when one is sent (guest checkout or signed-in buyer). */
    optionalAuth?: boolean;
  }
  interface FastifyInstance {
    /** The local token issuer, present only when `AUTH_DEV_ISSUER` is on. */
    devIssuer: DevIssuer | undefined;
  }
  interface FastifyRequest {
    /** The verified caller on routes that declare `roles`; null on public routes. */
    principal: Principal | null;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined)
    throw new ApiError(401, 'invalid_token', 'Send the token as "Authorization: Bearer <token>"');
  return match[1];
}

/**
 * Bearer-token authentication and role checks. A route opts in by declaring
 * `config: { roles: [...] }`; the check runs before the body is read, so strangers cannot make
 * the API parse large payloads.
 */
export const authPlugin = fp<{ config: FanfareConfig }>(
  async (app, { config }) => {
    const devIssuer = config.auth.devIssuer
      ? await DevIssuer.open({
          dataDir: config.dataDir,
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          ttlSeconds: config.auth.devTokenTtlSeconds,
        })
      : undefined;
    const verify = createTokenVerifier({
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      jwksUrl: config.auth.jwksUrl,
      devIssuer,
    });
    app.decorate('devIssuer', devIssuer);
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const allowed = request.routeOptions.config.roles;
      if (allowed === undefined) {
        const token = request.routeOptions.config.optionalAuth === true ? bearerToken(request) : undefined;
        if (token !== undefined) request.principal = await verify(token);
        return;
      }
      const token = bearerToken(request);
      if (token === undefined) throw new ApiError(401, 'unauthenticated', 'Sign in: this route needs a bearer token');
      const principal = await verify(token);
      if (!principal.roles.some((role) => allowed.includes(role))) {
        throw forbidden(`This action needs one of the roles: ${allowed.join(', ')}`);
      }
      request.principal = principal;
    });
  },
  { name: 'fanfare-auth', dependencies: ['fanfare-config'] },
);
