import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { signInForDevelopment } from '../../auth/dev-sign-in.js';
import type { DevIssuer } from '../../auth/dev-issuer.js';
import { optionalTenant } from '../../tenancy/optional-tenant.js';
import { userView } from '../../users/user-view.js';
import { DevTokenBody, DevTokenResponse, JwksResponse } from '../../schemas/dev.js';
import { errorResponses } from '../../schemas/error.js';

/**
 * The local issuer's JWKS and token endpoint. Registered only when `AUTH_DEV_ISSUER` is on, so
 * in production these paths do not exist at all.
 */
export const devIssuerRoutes: FastifyPluginAsyncTypebox<{ issuer: DevIssuer }> = async (app, { issuer }) => {
  app.get(
    '/dev/jwks.json',
    {
      schema: {
        tags: ['development'],
        summary: "The development issuer's public keys",
        response: { 200: JwksResponse, ...errorResponses() },
      },
    },
    async () => issuer.jwks(),
  );

  app.post(
    '/dev/token',
    {
      config: { tenant: 'optional' },
      schema: {
        tags: ['development'],
        summary: 'Sign in as anyone, in any role (development only)',
        description:
          'Creates the user on first use and adds the role. A creator token requested at a storefront host ' +
          'also gets a creator profile in that storefront.',
        body: DevTokenBody,
        response: { 200: DevTokenResponse, ...errorResponses(404, 413, 415) },
      },
    },
    async (request) => {
      const { user, creator } = await signInForDevelopment(request.em, {
        email: request.body.email,
        role: request.body.role,
        displayName: request.body.displayName,
        tenantId: optionalTenant(request)?.id,
      });
      const { token, expiresAt } = await issuer.sign({
        subject: user.id,
        email: user.email,
        roles: [request.body.role],
      });
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        user: userView(user),
        creator: creator === null ? null : { id: creator.id, slug: creator.slug },
      };
    },
  );
};
