import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Stripe from 'stripe';
import { ApiError } from '../../errors/api-error.js';
import { deliverStripeEvent } from '../../webhooks/deliver-stripe-event.js';
import { WebhookAck } from '../../schemas/checkout.js';
import { errorResponses } from '../../schemas/error.js';

/**
 * `POST /v1/webhooks/stripe`: verifies `Stripe-Signature` over the exact bytes Stripe sent, then
 * signals the order's checkout. Every verified event is answered 200 (duplicates and events
 * Fanfare ignores included) so Stripe stops retrying; only a Temporal outage answers 503.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The signature covers the raw body, so this scope keeps JSON bodies as bytes.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const stripe = new Stripe(app.config.stripe.secretKey);
  const secret = app.config.stripe.webhookSecret;

  app.post(
    '/webhooks/stripe',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Stripe events (payment results, refunds, disputes), signed by Stripe',
        response: { 200: WebhookAck, ...errorResponses(415, 503) },
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      if (typeof signature !== 'string' || signature === '')
        throw new ApiError(400, 'webhook_signature_invalid', 'Missing Stripe-Signature header');
      if (!Buffer.isBuffer(request.body))
        throw new ApiError(400, 'webhook_payload_invalid', 'Send the event as application/json');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(request.body, signature, secret);
      } catch (error) {
        const signatureProblem = error instanceof Stripe.errors.StripeSignatureVerificationError;
        throw new ApiError(
          400,
          signatureProblem ? 'webhook_signature_invalid' : 'webhook_payload_invalid',
          signatureProblem ? 'The Stripe-Signature does not match the payload' : 'The event is not valid JSON',
        );
      }
      if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.data?.object !== 'object') {
        throw new ApiError(400, 'webhook_payload_invalid', 'The event lacks id, type or data.object');
      }
      // Temporal unreachable is a 503 (`toApiError`), which Stripe retries.
      return { received: true as const, outcome: await deliverStripeEvent(request.em, app.temporal.client, event) };
    },
  );
};
