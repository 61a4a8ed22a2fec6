import {
  CHECKOUT_PROCESS,
  checkoutStatusQuery,
  OrderIdAttribute,
  paymentEventSignal,
  startCheckoutUpdate,
  TenantIdAttribute,
  type CheckoutInput,
  type CheckoutQuote,
  type CheckoutStatus,
  type CheckoutStep,
  type PaymentEvent,
} from '@fanfare/contracts';
import type { LedgerLeg } from '@fanfare/domain';
import { allHandlersFinished, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { openProcess, type ProcessRun } from '../kit/index.js';

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
  /** The kit's view of the run: the `status` query, ProcessStatus, summary and step keys. */
  process: ProcessRun<CheckoutStatus>;
  /** Verified processor events not yet acted on, in arrival order. */
  events: PaymentEvent[];
  seenEventIds: Set<string>;
  quote: CheckoutQuote | null;
  paymentIntentId: string | null;
  sale: LedgerLeg[];
  /** Refunded plus held by an open dispute, in minor units. */
  takenMinor: number;
  /** Refunds asked of Stripe and not yet answered; a refused one is given back by its compensation. */
  inFlightMinor: number;
  disputes: Map<string, 'open' | 'won' | 'lost'>;
  /** Numbers audit events so each transition has a key of its own. */
  auditSeq: number;
  /** True once token capacity is held for the order: confirm it when paid. */
  capacityHeld: boolean;
}

/**
 * Opens the process and registers the start update and the payment-event signal. The update
 * returns once the PaymentIntent exists (or refuses with the reason the cart was rejected).
 */
export function setUpCheckout(input: CheckoutInput): CheckoutState {
  const events: PaymentEvent[] = [];
  const seenEventIds = new Set<string>();
  const process = openProcess<CheckoutStatus>({
    definition: CHECKOUT_PROCESS,
    query: checkoutStatusQuery,
    initial: {
      step: 'pricing',
      orderStatus: 'pending',
      started: null,
      invoiceNumber: null,
      refundedMinor: 0,
      paymentAttempts: 0,
      rejection: null,
    },
    waitingFor: ({ step }) => WAITING_FOR[step],
    keys: [
      { key: TenantIdAttribute, value: input.tenantId },
      { key: OrderIdAttribute, value: input.orderId },
    ],
    handlers: (run) => {
      setHandler(startCheckoutUpdate, async () => {
        await condition(() => run.status().started !== null || run.status().rejection !== null);
        const { started, rejection, orderStatus } = run.status();
        if (started !== null) return { ...started, status: orderStatus };
        throw ApplicationFailure.nonRetryable(
          rejection?.message ?? 'Checkout refused',
          rejection?.type ?? 'CheckoutRejected',
        );
      });
      setHandler(paymentEventSignal, (event) => {
        // Stripe retries deliveries and the api may signal twice; one event acts once.
        if (seenEventIds.has(event.eventId)) return;
        seenEventIds.add(event.eventId);
        events.push(event);
      });
    },
  });
  return {
    input,
    process,
    events,
    seenEventIds,
    quote: null,
    paymentIntentId: null,
    sale: [],
    takenMinor: 0,
    inFlightMinor: 0,
    disputes: new Map(),
    auditSeq: 0,
    capacityHeld: false,
  };
}

/**
 * The quote and PaymentIntent of a run that has created its payment, for the steps that only run
 * after that. A run without them here is a bug, not a business answer: the plain error fails the
 * workflow task, which Temporal retries until a fixed worker picks it up.
 */
export function paymentOf(state: CheckoutState): { quote: CheckoutQuote; paymentIntentId: string } {
  const { quote, paymentIntentId } = state;
  if (quote === null || paymentIntentId === null)
    throw new Error(`Checkout ${state.input.orderId} reached a paid step before its payment was created`);
  return { quote, paymentIntentId };
}

/** Removes and returns the first queued event of one of `kinds`. */
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
