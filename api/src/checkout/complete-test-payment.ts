import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import type { DeliveryOutcome } from '../webhooks/deliver-stripe-event.js';
import { ApiError } from '../errors/api-error.js';
import type { FoundCheckout } from './find-checkout.js';

/**
 * A `payment_intent.succeeded` event for the checkout's PaymentIntent, as Stripe would send it,
 * with the metadata the webhook route finds the order by. The event id comes from the order, so
 * asking twice before the checkout has taken the first one is answered `duplicate`.
 */
function paymentSucceededEvent(order: FoundCheckout['order'], paymentIntentId: string): string {
  return JSON.stringify({
    id: `evt_dev_${order.id.replaceAll('-', '')}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: null,
    data: {
      object: {
        id: paymentIntentId,
        object: 'payment_intent',
        amount: order.totalMinor,
        amount_received: order.totalMinor,
        currency: order.currency.toLowerCase(),
        status: 'succeeded',
        metadata: { tenantId: order.tenantId, orderId: order.id, workflowId: order.workflowId },
      },
    },
  });
}

/** How the development payment reaches the webhook route. */
export interface TestPaymentDelivery {
  app: FastifyInstance;
  /** The webhook route's path, prefix included. */
  webhookUrl: string;
  /** Signs only; never calls Stripe. */
  stripe: Stripe;
}

/**
 * Pays an awaiting checkout the way Stripe would report it: signs the event with the configured
 * webhook secret and posts it to the app's own webhook route, so signature verification,
 * event-id idempotency and the checkout signal all run as they do for Stripe. Development only.
 */
export async function completeTestPayment(
  { app, webhookUrl, stripe }: TestPaymentDelivery,
  checkout: FoundCheckout,
): Promise<DeliveryOutcome> {
  const { paymentIntentId, orderStatus } = checkout;
  if (orderStatus !== 'awaiting_payment' || paymentIntentId === null) {
    throw new ApiError(
      409,
      'checkout_not_payable',
      `This checkout is ${orderStatus.replaceAll('_', ' ')}, not awaiting payment`,
      {
        status: orderStatus,
      },
    );
  }
  const payload = paymentSucceededEvent(checkout.order, paymentIntentId);
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: app.config.stripe.webhookSecret });
  const response = await app.inject({
    method: 'POST',
    url: webhookUrl,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload,
  });
  if (response.statusCode === 503)
    throw new ApiError(503, 'service_unavailable', 'Temporal is unavailable; retry shortly');
  if (response.statusCode !== 200)
    throw new Error(`The webhook route refused the development payment: ${response.statusCode} ${response.body}`);
  return response.json<{ outcome: DeliveryOutcome }>().outcome;
}
