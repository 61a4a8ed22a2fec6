import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StorefrontResponse } from '../../schemas/storefront.js';
import { errorResponses } from '../../schemas/error.js';

/** `GET /v1/storefront`: the public profile of the storefront the Host names. */
export const storefrontRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/storefront',
    {
      config: { tenant: true },
      schema: {
        tags: ['storefront'],
        summary: "The current storefront's public profile",
        response: { 200: StorefrontResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { handle, name, theme, defaultCurrency, defaultLocale } = request.tenant;
      return { handle, name, theme, defaultCurrency, defaultLocale };
    },
  );
};
