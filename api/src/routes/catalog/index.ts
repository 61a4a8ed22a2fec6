import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Product } from '@fanfare/db';
import { notFound } from '../../errors/api-error.js';
import { decodeCursor } from '../../catalog/catalog-cursor.js';
import { listCatalogProducts } from '../../catalog/list-products.js';
import { productViews } from '../../catalog/product-views.js';
import { ProductListQuery, ProductListResponse, ProductSlugParams, ProductView } from '../../schemas/catalog.js';
import { errorResponses } from '../../schemas/error.js';

/** The public catalog of the storefront the Host names: active products and their prices. */
export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/catalog/products',
    {
      config: { tenant: true },
      schema: {
        tags: ['catalog'],
        summary: 'Buyable products, newest first, a page at a time',
        querystring: ProductListQuery,
        response: { 200: ProductListResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { limit, cursor, mediaType } = request.query;
      return listCatalogProducts(request.tenantEm, {
        limit,
        after: cursor === undefined ? undefined : decodeCursor(cursor),
        mediaType,
      });
    },
  );

  app.get(
    '/catalog/products/:slug',
    {
      config: { tenant: true },
      schema: {
        tags: ['catalog'],
        summary: 'One buyable product by its slug',
        params: ProductSlugParams,
        response: { 200: ProductView, ...errorResponses(404) },
      },
    },
    async (request) => {
      const product = await request.tenantEm.findOne(Product, { slug: request.params.slug, status: 'active' });
      if (product === null) throw notFound('Product');
      const [view] = await productViews(request.tenantEm, [product]);
      return view;
    },
  );
};
