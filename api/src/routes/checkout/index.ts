import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiError } from '../../errors/api-error.js';
import { startCheckout } from '../../checkout/start-checkout.js';
import { findCheckout } from '../../checkout/find-checkout.js';
import { viewerCountry } from '../../pricing/viewer-country.js';
import { findCaller } from '../../users/find-caller.js';
import { CheckoutBody, CheckoutResponse, CheckoutStatusQuery, CheckoutStatusResponse } from '../../schemas/checkout.js';
import { errorResponses } from '../../schemas/error.js';

/** `POST /v1/checkout`: prices the cart and answers with what the browser needs to pay; `GET /v1/checkout/status`. */
export const checkoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/checkout',
    {
      config: { tenant: true, optionalAuth: true },
      schema: {
        tags: ['checkout'],
        summary:
          'Start (or resume, by idempotency key) a checkout; answers with the Stripe PaymentIntent client secret',
        body: CheckoutBody,
        response: { 200: CheckoutResponse, ...errorResponses(401, 404, 415, 422, 503) },
      },
    },
    async (request) => {
      const { body, tenant } = request;
      const user = request.principal === null ? null : await findCaller(request.em, request.principal);
      const email = user?.email ?? request.principal?.email ?? body.email;
      if (email === undefined)
        throw new ApiError(400, 'email_required', 'Sign in or give an email address to check out as a guest');
      const { checkout } = app.config;
      return startCheckout(app.temporal.client, {
        tenantId: tenant.id,
        tenantHandle: tenant.handle,
        idempotencyKey: body.idempotencyKey,
        buyer: { userId: user?.id ?? null, email: email.toLowerCase() },
        items: body.items,
        currency: body.currency ?? null,
        country: body.country,
        region: body.region ?? null,
        discountCode: body.discountCode ?? null,
        ipCountry: viewerCountry(request.headers, app.config.api.trustProxy),
        eulaAccepted: { version: body.eulaAccepted.version, acceptedAt: new Date().toISOString() },
        policy: {
          paymentWindowSeconds: checkout.paymentWindowSeconds,
          aftercareSeconds: checkout.aftercareDays * 86_400,
        },
      });
    },
  );

  app.get(
    '/checkout/status',
    {
      config: { tenant: true },
      schema: {
        tags: ['checkout'],
        summary: 'Where a checkout stands, by its idempotency key (the random key is the proof; no sign-in)',
        querystring: CheckoutStatusQuery,
        response: { 200: CheckoutStatusResponse, ...errorResponses(404, 503) },
      },
    },
    async (request) => {
      const { orderStatus, order } = await findCheckout(
        app.temporal.client,
        request.tenantEm,
        request.tenant.id,
        request.query.idempotencyKey,
      );
      return {
        orderId: order.id,
        status: orderStatus,
        totals: {
          subtotal: order.subtotalMinor,
          discount: order.discountMinor,
          tax: order.taxMinor,
          total: order.totalMinor,
          currency: order.currency,
        },
        invoiceNumber: order.invoiceNumber ?? null,
        paidAt: order.paidAt?.toISOString() ?? null,
      };
    },
  );
};
