import { ActivityFailure, ApplicationFailure, condition, log, patched, workflowInfo } from '@temporalio/workflow';
import { payments, records } from './checkout.activities.js';
import { FailureType } from './failure-types.js';
import type { TokenCapacityLine } from './ports/capacity-port.js';
import { aftercare, completePayment } from './checkout.aftercare.js';
import { DEFAULT_CHECKOUT_POLICY, type CheckoutInput, type CheckoutResult } from './checkout.contract.js';
import { drainHandlers, enter, setUpCheckout, takeEvent, type CheckoutState } from './checkout.state.js';
import {
  audit,
  customerKey,
  discountRedemption,
  tokenCapacityLines,
  TOKEN_CAPACITY,
  transition,
} from './checkout.steps.js';

/** One way to undo a reservation made on the way to payment. */
type Compensation =
  | { undo: 'cancelPaymentIntent'; paymentIntentId: string }
  | { undo: 'releaseOrder' }
  | { undo: 'releaseDiscount'; discountId: string }
  | { undo: 'releaseTokenCapacity' };

/**
 * One buyer's checkout: prices the cart, writes the order, creates the PaymentIntent (answering
 * the start update), waits for the payment result within the payment window, then on success
 * records the sale and starts the entitlements, and stays to handle refunds and disputes.
 * Anything reserved before payment is undone, newest first, when the order expires or fails.
 */
export async function checkoutWorkflow(input: CheckoutInput): Promise<CheckoutResult> {
  const state = setUpCheckout(input, workflowInfo().workflowId);
  await run(state);
  // A start update waiting on a refused cart, or a refund in flight, finishes before the run does.
  await drainHandlers();
  return {
    orderId: input.orderId,
    orderStatus: state.status.orderStatus,
    invoiceNumber: state.status.invoiceNumber,
    refundedMinor: state.status.refundedMinor,
  };
}

async function run(state: CheckoutState): Promise<void> {
  const policy = { ...DEFAULT_CHECKOUT_POLICY, ...state.input.policy };
  const compensations: Compensation[] = [];
  if (!(await priceAndReserve(state, compensations))) return;
  const outcome = await awaitPayment(state, policy.paymentWindowSeconds, policy.maxPaymentAttempts);
  if (outcome !== 'paid') return compensate(state, compensations, outcome);
  await completePayment(state);
  await aftercare(state, policy.aftercareSeconds);
}

/** Prices the cart, writes the order and creates the PaymentIntent; false when the cart is refused. */
async function priceAndReserve(state: CheckoutState, compensations: Compensation[]): Promise<boolean> {
  const { input, workflowId } = state;
  try {
    state.quote = await records.priceCheckout({
      tenantId: input.tenantId,
      items: input.items,
      currency: input.currency,
      country: input.country,
      region: input.region,
      discountCode: input.discountCode,
      customerKey: customerKey(state),
      ipCountry: input.ipCountry ?? null,
    });
  } catch (error) {
    return reject(state, error);
  }
  const quote = state.quote;
  await records.createOrder({
    tenantId: input.tenantId,
    orderId: input.orderId,
    workflowId,
    idempotencyKey: input.idempotencyKey,
    buyer: input.buyer,
    country: input.country,
    quote,
  });
  compensations.push({ undo: 'releaseOrder' });
  await audit(state, 'order.created', {
    total: quote.total,
    currency: quote.currency,
    items: input.items,
    eulaVersion: input.eulaAccepted.version,
  });
  if (quote.discountId != null) {
    // Held before the buyer can pay, so a code with one use left cannot be paid for twice.
    if (!(await reserveDiscount(state, quote.discountId))) return false;
    compensations.push({ undo: 'releaseDiscount', discountId: quote.discountId });
  }
  const capacityLines = tokenCapacityLines(quote);
  // Checkouts recorded before token capacity existed replay without reserving it.
  if (capacityLines.length > 0 && patched(TOKEN_CAPACITY)) {
    // Held before the buyer can pay, so the creator's last units cannot be sold twice.
    if (!(await reserveTokenCapacity(state, compensations, capacityLines))) return false;
    compensations.push({ undo: 'releaseTokenCapacity' });
    state.capacityHeld = true;
  }

  enter(state, 'creating_payment');
  const intent = await payments.createPaymentIntent({
    amountMinor: quote.total,
    currency: quote.currency,
    idempotencyKey: `${workflowId}/payment-intent`,
    receiptEmail: input.buyer.email,
    metadata: { tenantId: input.tenantId, orderId: input.orderId, workflowId },
  });
  state.paymentIntentId = intent.paymentIntentId;
  compensations.push({ undo: 'cancelPaymentIntent', paymentIntentId: intent.paymentIntentId });
  await records.recordPaymentIntent({
    tenantId: input.tenantId,
    orderId: input.orderId,
    paymentIntentId: intent.paymentIntentId,
    amountMinor: quote.total,
    currency: quote.currency,
  });
  await transition(state, 'awaiting_payment', { paymentIntentId: intent.paymentIntentId });
  state.status = {
    ...state.status,
    started: {
      orderId: input.orderId,
      workflowId,
      status: 'awaiting_payment',
      totals: {
        subtotal: quote.subtotal,
        discount: quote.discount,
        tax: quote.tax,
        total: quote.total,
        currency: quote.currency,
      },
      payment: { provider: 'stripe', paymentIntentId: intent.paymentIntentId, clientSecret: intent.clientSecret },
    },
  };
  enter(state, 'awaiting_payment');
  return true;
}

/** Records why the cart was refused (a non-retryable activity failure) for the start update. */
function reject(state: CheckoutState, error: unknown): false {
  // A local activity's failure may arrive unwrapped; a remote one inside an ActivityFailure.
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (!(cause instanceof ApplicationFailure) || cause.nonRetryable !== true) throw error;
  // A discount or capacity refusal names the domain's reason in its first detail (`discount_exhausted`, `capacity_exhausted`, …).
  const named = cause.type === FailureType.discountCodeInvalid || cause.type === FailureType.capacityExhausted;
  const detail: unknown = named ? cause.details?.[0] : undefined;
  const code =
    typeof detail === 'object' && detail !== null && typeof (detail as { code?: unknown }).code === 'string'
      ? (detail as { code: string }).code
      : undefined;
  state.status = {
    ...state.status,
    rejection: { type: code ?? cause.type ?? 'CheckoutRejected', message: cause.message },
  };
  enter(state, 'rejected');
  return false;
}

/** Holds the discount redemption; a code used up meanwhile refuses the checkout (order `failed`). */
async function reserveDiscount(state: CheckoutState, discountId: string): Promise<boolean> {
  try {
    await records.reserveDiscountRedemption({
      ...discountRedemption(state, discountId),
      customerKey: customerKey(state),
      at: new Date(Date.now()).toISOString(),
    });
    return true;
  } catch (error) {
    reject(state, error);
    await transition(state, 'failed', { reason: state.status.rejection?.type });
    return false;
  }
}

/**
 * Holds the token packs' capacity; capacity sold meanwhile refuses the checkout (order `failed`)
 * after giving back what was already held for it (the discount redemption).
 */
async function reserveTokenCapacity(
  state: CheckoutState,
  compensations: Compensation[],
  lines: TokenCapacityLine[],
): Promise<boolean> {
  const { tenantId, orderId } = state.input;
  try {
    await records.reserveTokenCapacity({ tenantId, orderId, lines });
    return true;
  } catch (error) {
    reject(state, error);
    for (const entry of [...compensations].reverse()) {
      if (entry.undo === 'releaseDiscount')
        await records.releaseDiscountRedemption(discountRedemption(state, entry.discountId));
    }
    await transition(state, 'failed', { reason: state.status.rejection?.type });
    return false;
  }
}

/** Waits for the payment result; failed attempts are counted and the buyer may retry until the limit. */
async function awaitPayment(
  state: CheckoutState,
  windowSeconds: number,
  maxAttempts: number,
): Promise<'paid' | 'expired' | 'failed'> {
  const deadline = Date.now() + windowSeconds * 1000;
  for (;;) {
    const remaining = deadline - Date.now();
    const arrived = remaining > 0 && (await condition(() => state.events.some(isPaymentResult(state)), remaining));
    if (!arrived) return 'expired';
    const event = takeEvent(state, ['payment_succeeded', 'payment_failed']);
    if (event === undefined || event.paymentIntentId !== state.paymentIntentId) continue;
    if (event.kind === 'payment_succeeded') return 'paid';
    state.status = { ...state.status, paymentAttempts: state.status.paymentAttempts + 1 };
    await audit(state, 'payment.failed', {
      eventId: event.eventId,
      reason: event.reason,
      attempt: state.status.paymentAttempts,
    });
    if (state.status.paymentAttempts >= maxAttempts) return 'failed';
  }
}

function isPaymentResult(state: CheckoutState) {
  return (event: CheckoutState['events'][number]): boolean =>
    (event.kind === 'payment_succeeded' || event.kind === 'payment_failed') &&
    event.paymentIntentId === state.paymentIntentId;
}

/** Undoes the reservations, newest first, and leaves the order `expired` or `failed`. */
async function compensate(
  state: CheckoutState,
  compensations: Compensation[],
  outcome: 'expired' | 'failed',
): Promise<void> {
  for (const entry of [...compensations].reverse()) {
    if (entry.undo === 'cancelPaymentIntent') {
      await payments.cancelPaymentIntent({
        paymentIntentId: entry.paymentIntentId,
        idempotencyKey: `${state.workflowId}/cancel-payment-intent`,
      });
    } else if (entry.undo === 'releaseDiscount') {
      await records.releaseDiscountRedemption(discountRedemption(state, entry.discountId));
    } else if (entry.undo === 'releaseTokenCapacity') {
      await records.releaseTokenCapacity({ tenantId: state.input.tenantId, orderId: state.input.orderId });
    } else {
      await transition(state, outcome, { paymentAttempts: state.status.paymentAttempts });
    }
  }
  enter(state, outcome);
  log.info('Checkout ended without payment', { orderId: state.input.orderId, outcome });
}
