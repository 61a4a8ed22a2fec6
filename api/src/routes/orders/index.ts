import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayAccess, operatorRolesFor, ROLES } from '@fanfare/domain';
import { accessCallerOf } from '../../auth/access-caller.js';
import { requirePrincipal } from '../../auth/require-principal.js';
import { notFound } from '../../errors/api-error.js';
import { loadOrderView } from '../../orders/order-view.js';
import { refundOrder } from '../../orders/refund-order.js';
import { OrderParams, OrderView, RefundBody, RefundResponse } from '../../schemas/checkout.js';
import { errorResponses } from '../../schemas/error.js';

/** `GET /v1/orders/:id` and `POST /v1/orders/:id/refunds`. */
export const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/orders/:id',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['orders'],
        summary: 'One order: buyers see their own, operators any in this storefront',
        security: [{ bearerAuth: [] }],
        params: OrderParams,
        response: { 200: OrderView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const order = await loadOrderView(request.tenantEm, request.params.id);
      if (order === null) throw notFound('Order');
      const { caller } = await accessCallerOf(request.em, principal);
      // Someone else's order is reported as missing, so ids cannot be probed.
      if (!mayAccess(caller, 'order', 'read', order)) throw notFound('Order');
      return order;
    },
  );

  app.post(
    '/orders/:id/refunds',
    {
      config: { tenant: true, roles: operatorRolesFor('order', 'refund') },
      schema: {
        tags: ['orders'],
        summary: 'Refund all (no amount) or part of a paid order; revokes entitlements on a full refund',
        security: [{ bearerAuth: [] }],
        params: OrderParams,
        body: RefundBody,
        response: { 200: RefundResponse, ...errorResponses(401, 403, 404, 409, 415, 503) },
      },
    },
    async (request) =>
      refundOrder(
        request.tenantEm,
        app.temporal.client,
        request.params.id,
        request.body,
        requirePrincipal(request).subject,
      ),
  );
};
