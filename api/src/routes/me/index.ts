import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '@fanfare/domain';
import { requirePrincipal } from '../../auth/require-principal.js';
import { findCaller } from '../../users/find-caller.js';
import { userView } from '../../users/user-view.js';
import { MeResponse } from '../../schemas/me.js';
import { errorResponses } from '../../schemas/error.js';

/** `GET /v1/me`: who the token says the caller is. */
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['account'],
        summary: 'The signed-in user and the roles their token grants',
        security: [{ bearerAuth: [] }],
        response: { 200: MeResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const user = await findCaller(request.em, principal);
      return { subject: principal.subject, roles: principal.roles, user: user === null ? null : userView(user) };
    },
  );
};
