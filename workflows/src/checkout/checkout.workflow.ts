import { checkoutSummary, DEFAULT_CHECKOUT_POLICY, type CheckoutInput, type CheckoutResult } from '@fanfare/contracts';
import { condition, log, patched } from '@temporalio/workflow';
import { Compensations } from '../kit/index.js';
import { payments, records } from './activities.js';
import { aftercare } from './aftercare.js';
import { completePayment } from './paid.js';
import { drainHandlers, setUpCheckout, takeEvent, type CheckoutState } from './state.js';
import {
  audit,
  auditEntry,
  customerKey,
  discountRedemption,
  FEWER_STEPS,
  reject,
  taxOf,
  tokenCapacityLines,
  transition,
} from './steps.js';

/** What the undos are told: how the checkout ended, and what the order's audit records about it. */
interface Ending {
  outcome: 'expired' | 'failed';
  data: Record<string, unknown>;
}

/**
 * One buyer's checkout: prices the cart, writes the order, creates the PaymentIntent (answering
 * the start update), waits for the payment result within the payment window, then on success
 * records the sale and starts the entitlements, and stays to handle refunds and disputes.
 * Each reservation on the way to payment registers its undo beside itself; they run newest
 * first when the order expires or fails.
 */
export async function checkoutWorkflow(input: CheckoutInput): Promise<CheckoutResult> {
  const state = setUpCheckout(input);
  state.process.describeAs(checkoutSummary(input));
  await run(state);
  // A start update waiting on a refused cart, or a refund in flight, finishes before the run does.
  await drainHandlers();
  const { orderStatus, invoiceNumber, refundedMinor } = state.process.status();
  return { orderId: input.orderId, orderStatus, invoiceNumber, refundedMinor };
}

async function run(state: CheckoutState): Promise<void> {
  const policy = { ...DEFAULT_CHECKOUT_POLICY, ...state.input.policy };
  const saga = new Compensations<Ending>();
  if (!(await priceAndReserve(state, saga))) return;
  const outcome = await awaitPayment(state, policy.paymentWindowSeconds, policy.maxPaymentAttempts);
  if (outcome !== 'paid') {
    await saga.compensate({ outcome, data: { paymentAttempts: state.process.status().paymentAttempts } });
    state.process.enter(outcome);
    log.info('Checkout ended without payment', { orderId: state.input.orderId, outcome });
    return;
  }
  saga.commit();
  await completePayment(state);
  await aftercare(state, policy.aftercareSeconds);
}

/** Prices the cart, writes the order, holds what is scarce and creates the PaymentIntent; false when refused. */
async function priceAndReserve(state: CheckoutState, saga: Compensations<Ending>): Promise<boolean> {
  const { input, process } = state;
  const { tenantId, orderId } = input;
  try {
    state.quote = await records.priceCheckout({
      tenantId,
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
  const { workflowId } = process;
  const order = { tenantId, orderId, workflowId, idempotencyKey: input.idempotencyKey, buyer: input.buyer };
  const created = {
    total: quote.total,
    currency: quote.currency,
    items: input.items,
    eulaVersion: input.eulaAccepted.version,
  };
  // Histories recorded before FEWER_STEPS replay the separate order, audit and status steps.
  const fewerSteps = patched(FEWER_STEPS);
  await saga.step(
    'order',
    () =>
      fewerSteps
        ? records.openOrder({
            ...order,
            country: input.country,
            quote,
            audit: auditEntry(state, 'order.created', created),
          })
        : records.createOrder({ ...order, country: input.country, quote }),
    (_, ending) => transition(state, ending.outcome, ending.data),
  );
  if (!fewerSteps) await audit(state, 'order.created', created);

  // Held before the buyer can pay, so a code with one use left cannot be paid for twice.
  if (quote.discountId != null) {
    const redemption = discountRedemption(state, quote.discountId);
    const at = new Date(Date.now()).toISOString();
    const held = await hold(state, saga, 'discount', async () => {
      await records.reserveDiscountRedemption({ ...redemption, customerKey: customerKey(state), at });
      return async () => void (await records.releaseDiscountRedemption(redemption));
    });
    if (!held) return false;
  }
  // Held before the buyer can pay, so the creator's last units cannot be sold twice.
  const lines = tokenCapacityLines(quote);
  if (lines.length > 0) {
    const held = await hold(state, saga, 'token-capacity', async () => {
      await records.reserveTokenCapacity({ tenantId, orderId, lines });
      return async () => void (await records.releaseTokenCapacity({ tenantId, orderId }));
    });
    if (!held) return false;
    state.capacityHeld = true;
  }

  process.enter('creating_payment');
  const intent = await saga.step(
    'payment-intent',
    () =>
      payments.createPaymentIntent({
        amountMinor: quote.total,
        currency: quote.currency,
        idempotencyKey: process.stepKey('payment-intent'),
        receiptEmail: input.buyer.email,
        metadata: { tenantId, orderId, workflowId },
      }),
    ({ paymentIntentId }) =>
      payments.cancelPaymentIntent({ paymentIntentId, idempotencyKey: process.stepKey('cancel-payment-intent') }),
  );
  state.paymentIntentId = intent.paymentIntentId;
  const { paymentIntentId, clientSecret } = intent;
  const amount = { amountMinor: quote.total, currency: quote.currency };
  if (fewerSteps) {
    const moved = { from: process.status().orderStatus, to: 'awaiting_payment', paymentIntentId };
    const entry = auditEntry(state, 'order.awaiting_payment', moved);
    await records.recordAwaitingPayment({ tenantId, orderId, paymentIntentId, ...amount, audit: entry });
    process.update({ orderStatus: 'awaiting_payment' });
  } else {
    await records.recordPaymentIntent({ tenantId, orderId, paymentIntentId, ...amount });
    await transition(state, 'awaiting_payment', { paymentIntentId });
  }
  const { subtotal, discount, total, currency } = quote;
  const totals = { subtotal, discount, tax: taxOf(quote), total, currency };
  const payment = { provider: 'stripe' as const, paymentIntentId, clientSecret };
  process.update({ started: { orderId, workflowId, status: 'awaiting_payment', totals, payment } });
  process.enter('awaiting_payment');
  return true;
}

/**
 * Holds something scarce (a discount use, token capacity) and registers its release. A refusal
 * (used up meanwhile) refuses the checkout: what was held before is given back, the order `failed`.
 */
async function hold(
  state: CheckoutState,
  saga: Compensations<Ending>,
  step: string,
  reserve: () => Promise<() => Promise<void>>,
): Promise<boolean> {
  try {
    saga.register(step, await reserve());
    return true;
  } catch (error) {
    reject(state, error);
    await saga.compensate({ outcome: 'failed', data: { reason: state.process.status().rejection?.type } });
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
  const isResult = (kind: string, paymentIntentId: string) =>
    (kind === 'payment_succeeded' || kind === 'payment_failed') && paymentIntentId === state.paymentIntentId;
  for (;;) {
    const remaining = deadline - Date.now();
    const arrived =
      remaining > 0 &&
      (await condition(() => state.events.some((e) => isResult(e.kind, e.paymentIntentId)), remaining));
    if (!arrived) return 'expired';
    const event = takeEvent(state, ['payment_succeeded', 'payment_failed']);
    if (event === undefined || event.paymentIntentId !== state.paymentIntentId) continue;
    if (event.kind === 'payment_succeeded') return 'paid';
    const attempt = state.process.status().paymentAttempts + 1;
    state.process.update({ paymentAttempts: attempt });
    await audit(state, 'payment.failed', { eventId: event.eventId, reason: event.reason, attempt });
    if (attempt >= maxAttempts) return 'failed';
  }
}
