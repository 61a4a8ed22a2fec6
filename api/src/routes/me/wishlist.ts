import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ROLES } from '@fanfare/domain';
import { listWishlist, Product, recordWishlistChange } from '@fanfare/db';
import { requirePrincipal } from '../../auth/require-principal.js';
import { ApiError, forbidden, notFound } from '../../errors/api-error.js';
import { findCaller } from '../../users/find-caller.js';
import {
  WishlistChangeResponse,
  WishlistDeleteQuery,
  WishlistParams,
  WishlistPutBody,
  WishlistResponse,
} from '../../schemas/wishlist.js';
import { errorResponses } from '../../schemas/error.js';

/** How far ahead of the server a device clock may be; a change further ahead would win every later one. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

async function callerId(request: FastifyRequest): Promise<string> {
  const user = await findCaller(request.em, requirePrincipal(request));
  if (user === null) throw forbidden('Your account has no wishlist here yet');
  return user.id;
}

/**
 * Records one add or remove. Adding needs a product on sale in this storefront; removing only
 * one of this storefront, so a product taken off sale can still leave the list.
 */
async function change(request: FastifyRequest, productId: string, inWishlist: boolean, changedAtText: string) {
  const changedAt = new Date(changedAtText);
  if (changedAt.getTime() > Date.now() + MAX_CLOCK_SKEW_MS) {
    throw new ApiError(
      400,
      'validation_failed',
      'changedAt is more than 5 minutes in the future; check the device clock',
      { field: 'changedAt', maxClockSkewSeconds: MAX_CLOCK_SKEW_MS / 1000 },
    );
  }
  const userId = await callerId(request);
  const product = await request.tenantEm.findOne(
    Product,
    inWishlist ? { id: productId, status: 'active' } : { id: productId },
    { fields: ['id'] },
  );
  if (product === null) throw notFound('Product');
  const applied = await recordWishlistChange(request.em, {
    tenantId: request.tenant.id,
    userId,
    productId,
    inWishlist,
    changedAt,
  });
  return { productId, inWishlist, changedAt: changedAt.toISOString(), applied };
}

/**
 * The signed-in buyer's wishlist in this storefront. Changes carry the time the buyer made them
 * and the newest wins, so a device replaying queued offline changes late, out of order or twice
 * never undoes a newer change.
 */
export const wishlistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/wishlist',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['account'],
        summary: 'Products on your wishlist in this storefront, most recently added first',
        security: [{ bearerAuth: [] }],
        response: { 200: WishlistResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const items = await listWishlist(request.em, request.tenant.id, await callerId(request));
      return { items: items.map((item) => ({ productId: item.productId, addedAt: item.addedAt.toISOString() })) };
    },
  );

  app.put(
    '/me/wishlist/:productId',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['account'],
        security: [{ bearerAuth: [] }],
        summary: 'Add a product to your wishlist (last writer wins by changedAt)',
        params: WishlistParams,
        body: WishlistPutBody,
        response: { 200: WishlistChangeResponse, ...errorResponses(401, 403, 404, 415) },
      },
    },
    async (request) => change(request, request.params.productId, true, request.body.changedAt),
  );

  app.delete(
    '/me/wishlist/:productId',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['account'],
        security: [{ bearerAuth: [] }],
        summary: 'Remove a product from your wishlist (last writer wins by changedAt)',
        params: WishlistParams,
        querystring: WishlistDeleteQuery,
        response: { 200: WishlistChangeResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => change(request, request.params.productId, false, request.query.changedAt),
  );
};
