import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../auth/require-principal.js';
import { forbidden } from '../../errors/api-error.js';
import { findCaller } from '../../users/find-caller.js';
import { createDraftWork } from '../../works/create-work.js';
import { CreateWorkBody, WorkView } from '../../schemas/works.js';
import { errorResponses } from '../../schemas/error.js';

/** `POST /v1/creator/works`: a creator starts a new work, as a draft, in the current storefront. */
export const creatorWorkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/creator/works',
    {
      config: { tenant: true, roles: ['creator', 'admin'] },
      schema: {
        tags: ['creator'],
        summary: 'Create a draft work for your creator profile in this storefront',
        security: [{ bearerAuth: [] }],
        body: CreateWorkBody,
        response: { 201: WorkView, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = await findCaller(request.em, requirePrincipal(request));
      if (user === null) throw forbidden('Your account has no creator profile in this storefront');
      return reply.status(201).send(await createDraftWork(request.tenantEm, user.id, request.body));
    },
  );
};
