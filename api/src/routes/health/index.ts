import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkDatabase, checkTemporal } from '../../health/dependency-checks.js';
import { HealthResponse } from '../../schemas/health.js';
import { errorResponses } from '../../schemas/error.js';

/** `GET /v1/health`: for load balancers and operators; no tenant, no token. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Whether the API can reach PostgreSQL and Temporal',
        response: { 200: HealthResponse, 503: HealthResponse, ...errorResponses() },
      },
    },
    async (_request, reply) => {
      const [db, temporal] = await Promise.all([checkDatabase(app.orm), checkTemporal(app.temporal)]);
      const healthy = db.status === 'up' && temporal.status === 'up';
      return reply.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'degraded', checks: { db, temporal } });
    },
  );
};
