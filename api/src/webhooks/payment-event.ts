import type Stripe from 'stripe';
import type { PaymentEvent } from '@fanfare/contracts';

/** A Stripe event reduced to what checkout acts on, with the hints that find its order. */
export interface RoutedStripeEvent {
  event: PaymentEvent;
  /** From the PaymentIntent's metadata when the object carries it. */
  tenantId: string | null;
  orderId: string | null;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

function hints(metadata: Stripe.Metadata | null | undefined): { tenantId: string | null; orderId: string | null } {
  return { tenantId: metadata?.tenantId ?? null, orderId: metadata?.orderId ?? null };
}

/**
 * The checkout signal for a verified Stripe event, or null for a type checkout does not act on
 * (or an object with no PaymentIntent to tie it to an order).
 */
export function paymentEventOf(event: Stripe.Event): RoutedStripeEvent | null {
  const eventId = event.id;
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return { event: { kind: 'payment_succeeded', eventId, paymentIntentId: intent.id }, ...hints(intent.metadata) };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const reason = intent.last_payment_error?.code ?? intent.last_payment_error?.message ?? 'payment_failed';
      return {
        event: { kind: 'payment_failed', eventId, paymentIntentId: intent.id, reason },
        ...hints(intent.metadata),
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentIntentId = idOf(charge.payment_intent);
      if (paymentIntentId === null) return null;
      return {
        event: { kind: 'charge_refunded', eventId, paymentIntentId, amountRefundedMinor: charge.amount_refunded },
        ...hints(charge.metadata),
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const dispute = event.data.object;
      const paymentIntentId = idOf(dispute.payment_intent);
      if (paymentIntentId === null) return null;
      const routed = hints(dispute.metadata);
      if (event.type === 'charge.dispute.created')
        return { event: { kind: 'dispute_created', eventId, paymentIntentId, disputeId: dispute.id }, ...routed };
      return {
        event: {
          kind: 'dispute_closed',
          eventId,
          paymentIntentId,
          disputeId: dispute.id,
          won: dispute.status === 'won',
        },
        ...routed,
      };
    }
    default:
      return null;
  }
}
