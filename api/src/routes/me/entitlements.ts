import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '@fanfare/domain';
import { requirePrincipal } from '../../auth/require-principal.js';
import { findCaller } from '../../users/find-caller.js';
import { listLibrary } from '../../library/list-entitlements.js';
import { LibraryResponse } from '../../schemas/library.js';
import { errorResponses } from '../../schemas/error.js';

/** `GET /v1/me/entitlements`: the signed-in buyer's library in this storefront. */
export const libraryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/entitlements',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['account'],
        summary: 'What you own in this storefront, with the files you can download',
        security: [{ bearerAuth: [] }],
        response: { 200: LibraryResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const user = await findCaller(request.em, requirePrincipal(request));
      if (user === null) return { entitlements: [] };
      return { entitlements: await listLibrary(request.tenantEm, { userId: user.id, email: user.email }) };
    },
  );
};
