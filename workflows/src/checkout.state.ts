import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  checkoutStatusQuery,
  paymentEventSignal,
  startCheckoutUpdate,
  type CheckoutInput,
  type CheckoutStatus,
  type CheckoutStep,
  type PaymentEvent,
} from './checkout.contract.js';
import type { CheckoutLedgerLeg, CheckoutOrderStatus, CheckoutQuote } from './ports/checkout-port.js';
import { OrderIdAttribute, ProcessStatusAttribute, TenantIdAttribute } from './search-attributes.js';

const WAITING_FOR: Record<CheckoutStep, string | null> = {
  pricing: 'the price list to price the cart',
  creating_payment: 'Stripe to create the PaymentIntent',
  awaiting_payment: 'the payment result from Stripe (webhook)',
  paid: 'refunds and disputes until aftercare ends',
  expired: null,
  failed: null,
  rejected: null,
  closed: null,
};

/** Everything a checkout run remembers between steps; lives in workflow memory only. */
export interface CheckoutState {
  input: CheckoutInput;
  workflowId: string;
  status: CheckoutStatus;
  /** Verified processor events not yet acted on, in arrival order. */
  events: PaymentEvent[];
  seenEventIds: Set<string>;
  quote: CheckoutQuote | null;
  paymentIntentId: string | null;
  sale: CheckoutLedgerLeg[];
  /** Refunded plus held by an open dispute, in minor units. */
  takenMinor: number;
  /** Refunds accepted but not yet confirmed by Stripe. */
  inFlightMinor: number;
  disputes: Map<string, 'open' | 'won' | 'lost'>;
  /** Numbers audit events so each transition has a key of its own. */
  auditSeq: number;
  /** True once token capacity is held for the order (behind the `token-capacity` patch): confirm it when paid. */
  capacityHeld: boolean;
}

/** Moves the status to `step` and tells Temporal UI. */
export function enter(state: CheckoutState, step: CheckoutStep, orderStatus?: CheckoutOrderStatus): void {
  state.status = {
    ...state.status,
    step,
    waitingFor: WAITING_FOR[step],
    orderStatus: orderStatus ?? state.status.orderStatus,
  };
  upsertSearchAttributes([{ key: ProcessStatusAttribute, value: step }]);
}

/**
 * Creates the state and registers the query, the start update and the payment-event signal.
 * The update returns once the PaymentIntent exists (or refuses with the reason the cart was rejected).
 */
export function setUpCheckout(input: CheckoutInput, workflowId: string): CheckoutState {
  const state: CheckoutState = {
    input,
    workflowId,
    status: {
      step: 'pricing',
      orderStatus: 'pending',
      waitingFor: WAITING_FOR.pricing,
      started: null,
      invoiceNumber: null,
      refundedMinor: 0,
      paymentAttempts: 0,
      rejection: null,
    },
    events: [],
    seenEventIds: new Set(),
    quote: null,
    paymentIntentId: null,
    sale: [],
    takenMinor: 0,
    inFlightMinor: 0,
    disputes: new Map(),
    auditSeq: 0,
    capacityHeld: false,
  };
  setHandler(checkoutStatusQuery, () => state.status);
  setHandler(startCheckoutUpdate, async () => {
    await condition(() => state.status.started !== null || state.status.rejection !== null);
    const { started, rejection } = state.status;
    if (started !== null) return { ...started, status: state.status.orderStatus };
    throw ApplicationFailure.nonRetryable(
      rejection?.message ?? 'Checkout refused',
      rejection?.type ?? 'CheckoutRejected',
    );
  });
  setHandler(paymentEventSignal, (event) => {
    // Stripe retries deliveries and the api may signal twice; one event acts once.
    if (state.seenEventIds.has(event.eventId)) return;
    state.seenEventIds.add(event.eventId);
    state.events.push(event);
  });
  upsertSearchAttributes([
    { key: TenantIdAttribute, value: input.tenantId },
    { key: OrderIdAttribute, value: input.orderId },
    { key: ProcessStatusAttribute, value: 'pricing' },
  ]);
  return state;
}

/** Removes and returns the first queued event that `pick` accepts. */
export function takeEvent<K extends PaymentEvent['kind']>(
  state: CheckoutState,
  kinds: readonly K[],
): Extract<PaymentEvent, { kind: K }> | undefined {
  const index = state.events.findIndex((event) => (kinds as readonly string[]).includes(event.kind));
  if (index < 0) return undefined;
  return state.events.splice(index, 1)[0] as Extract<PaymentEvent, { kind: K }>;
}

/** Waits until every update handler (a refund in flight) has finished, so none is cut off. */
export async function drainHandlers(): Promise<void> {
  await condition(allHandlersFinished);
}
