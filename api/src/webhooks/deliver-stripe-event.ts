import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { forPlatform, forTenant, Order, Payment, StripeEvent, type EntityManager } from '@fanfare/db';
import { paymentEventSignal } from '@fanfare/contracts';
import type Stripe from 'stripe';
import { paymentEventOf, type RoutedStripeEvent } from './payment-event.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What happened to one delivery. */
export type DeliveryOutcome = 'signalled' | 'duplicate' | 'ignored';

/** The order an event concerns: by the PaymentIntent metadata, else by the stored payment. */
async function findOrder(em: EntityManager, routed: RoutedStripeEvent): Promise<Order | null> {
  if (routed.tenantId !== null && routed.orderId !== null && UUID.test(routed.tenantId) && UUID.test(routed.orderId)) {
    const order = await forTenant(em, routed.tenantId).findOne(Order, { id: routed.orderId });
    if (order !== null) return order;
  }
  const payments = await forPlatform(em).find(
    Payment,
    { providerPaymentId: routed.event.paymentIntentId },
    { limit: 2 },
  );
  const [payment] = payments;
  if (payment === undefined || payments.length !== 1) return null;
  return forTenant(em, payment.tenantId).findOne(Order, { id: payment.orderId });
}

/**
 * Hands a verified event to its checkout once. The event id is recorded only after the signal
 * went out, so a crash between the two makes Stripe redeliver and the workflow (which also
 * remembers event ids) drop the repeat: nothing is lost and nothing acts twice.
 */
export async function deliverStripeEvent(
  em: EntityManager,
  client: Client,
  event: Stripe.Event,
): Promise<DeliveryOutcome> {
  const platform = forPlatform(em);
  if ((await platform.count(StripeEvent, { id: event.id })) > 0) return 'duplicate';
  const routed = paymentEventOf(event);
  const order = routed === null ? null : await findOrder(em, routed);
  let outcome: DeliveryOutcome = 'ignored';
  if (routed !== null && order !== null) {
    try {
      await client.workflow.getHandle(order.workflowId).signal(paymentEventSignal, routed.event);
      outcome = 'signalled';
    } catch (error) {
      // The checkout has closed (aftercare over): nothing is listening any more.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  platform.create(StripeEvent, { id: event.id, type: event.type, tenantId: order?.tenantId ?? null });
  try {
    await platform.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return 'duplicate';
  }
  return outcome;
}
