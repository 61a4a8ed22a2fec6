import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Stripe from 'stripe';
import { completeTestPayment } from '../../checkout/complete-test-payment.js';
import { findCheckout } from '../../checkout/find-checkout.js';
import { CompletePaymentBody, CompletePaymentResponse } from '../../schemas/checkout.js';
import { errorResponses } from '../../schemas/error.js';

/**
 * `POST /v1/dev/checkout/complete-payment`: pays a checkout without Stripe's hosted page, through
 * the verified webhook route. Registered beside the development issuer, so it does not exist in
 * production.
 */
export const devCheckoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const delivery = {
    app,
    webhookUrl: `${app.prefix}/webhooks/stripe`,
    stripe: new Stripe(app.config.stripe.secretKey),
  };

  app.post(
    '/dev/checkout/complete-payment',
    {
      config: { tenant: true },
      schema: {
        tags: ['development'],
        summary: 'Pay an awaiting checkout with a signed test payment_intent.succeeded event (development only)',
        description:
          'Signs the event with the webhook secret and posts it to POST /v1/webhooks/stripe, so the same verification ' +
          "and idempotency run as for Stripe; answers that route's outcome. 409 checkout_not_payable unless the order awaits payment.",
        body: CompletePaymentBody,
        response: { 200: CompletePaymentResponse, ...errorResponses(404, 409, 415, 503) },
      },
    },
    async (request) => {
      const checkout = await findCheckout(
        app.temporal.client,
        request.tenantEm,
        request.tenant.id,
        request.body.idempotencyKey,
      );
      return { delivered: true as const, outcome: await completeTestPayment(delivery, checkout) };
    },
  );
};
