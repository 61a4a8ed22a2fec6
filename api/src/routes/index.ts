import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { healthRoutes } from './health/index.js';

/** Every `/v1` route, grouped by resource. */
export const routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(healthRoutes);
};
