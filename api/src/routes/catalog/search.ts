import { performance } from 'node:perf_hooks';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { searchProducts } from '@fanfare/db';
import { ApiError } from '../../errors/api-error.js';
import { CatalogSearchQuery, CatalogSearchResponse, SEARCH_TEXT_MAX } from '../../schemas/catalog.js';
import { errorResponses } from '../../schemas/error.js';

/** `GET /v1/catalog/search`: full-text search of the storefront's buyable products, for autocomplete. */
export const catalogSearchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/catalog/search',
    {
      config: { tenant: true },
      schema: {
        tags: ['catalog'],
        summary: 'Search buyable products by title, work and creator name; the last word matches as a prefix',
        querystring: CatalogSearchQuery,
        response: { 200: CatalogSearchResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { limit, mediaType } = request.query;
      const text = request.query.q.trim();
      if (text.length === 0) {
        throw new ApiError(
          400,
          'validation_failed',
          `Invalid querystring: "q" must have 1 to ${SEARCH_TEXT_MAX} characters besides spaces`,
          { location: 'querystring', field: 'q' },
        );
      }
      const started = performance.now();
      const hits = await searchProducts(request.tenantEm, { tenantId: request.tenant.id, text, limit, mediaType });
      const tookMs = Math.round((performance.now() - started) * 10) / 10;
      return { hits: hits.map((hit) => ({ ...hit, coverUrl: null })), query: text, tookMs };
    },
  );
};
