import type { PaymentEvent, RefundOutcome, RefundRequest } from '@fanfare/contracts';
import { reversalLegs } from '@fanfare/domain';
import { condition, patched } from '@temporalio/workflow';
import { withCompensation } from '../kit/index.js';
import { payments, records } from './activities.js';
import { paymentOf, takeEvent, type CheckoutState } from './state.js';
import { INVOICE_DOCUMENTS, ledger, revokeEntitlements, transition } from './steps.js';

/** Listens for refunds and disputes until the aftercare period ends. */
export async function aftercare(state: CheckoutState, aftercareSeconds: number): Promise<void> {
  state.process.enter('paid');
  const deadline = Date.now() + aftercareSeconds * 1000;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || !(await condition(() => state.events.length > 0, remaining))) break;
    const event = takeEvent(state, ['charge_refunded', 'dispute_created', 'dispute_closed']);
    if (event === undefined)
      state.events.shift(); // a late payment result: already decided
    else await afterPaymentEvent(state, event);
  }
  state.process.enter('closed');
}

/** An operator's refund: Stripe first (idempotent), then ledger, order, audit and entitlements. */
export async function refund(state: CheckoutState, request: RefundRequest): Promise<RefundOutcome> {
  // The sale's legs are what a refund reverses; a refund right after payment waits for them.
  await condition(() => state.sale.length > 0);
  const { quote, paymentIntentId } = paymentOf(state);
  const { total } = quote;
  const amount = request.amountMinor ?? total - state.takenMinor - state.inFlightMinor;
  const { refundId } = await withCompensation(async (saga) => {
    // In flight while Stripe decides, so a `charge.refunded` arriving meanwhile is not counted twice;
    // a refund Stripe refuses gives it back, or every later refund and webhook would be off by it.
    state.inFlightMinor += amount;
    saga.register('refund-in-flight', () => {
      state.inFlightMinor -= amount;
    });
    return payments.createRefund({
      paymentIntentId,
      amountMinor: amount,
      idempotencyKey: state.process.stepKey('refund', request.requestId),
      metadata: { tenantId: state.input.tenantId, orderId: state.input.orderId },
    });
  });
  state.inFlightMinor -= amount;
  await takeBack(state, amount, `refund/${request.requestId}`, {
    refundId,
    requestedBy: request.requestedBy,
    reason: request.reason,
  });
  const full = state.takenMinor >= total;
  if (full || request.productIds !== null) await revokeEntitlements(state, 'refund', full ? null : request.productIds);
  const { orderStatus, refundedMinor } = state.process.status();
  return { refundId, amountMinor: amount, orderStatus, refundedMinor };
}

/** Records `amount` more as refunded: reversing ledger legs, the order's new status, the audit. */
async function takeBack(
  state: CheckoutState,
  amount: number,
  key: string,
  data: Record<string, unknown>,
): Promise<void> {
  const { total } = paymentOf(state).quote;
  const before = state.takenMinor;
  state.takenMinor += amount;
  const refundedMinor = state.process.status().refundedMinor + amount;
  state.process.update({ refundedMinor });
  await ledger(state, key, reversalLegs(state.sale, total, before, state.takenMinor, 'refund'));
  if (patched(INVOICE_DOCUMENTS)) {
    const scope =
      before === 0 && state.takenMinor >= total ? { kind: 'full' as const } : { kind: 'amount' as const, amount };
    await records.issueCreditNote({
      tenantId: state.input.tenantId,
      orderId: state.input.orderId,
      creditKey: state.process.stepKey(key),
      scope,
      reason: 'refund',
      issuedAt: new Date(Date.now()).toISOString(),
    });
  }
  const disputed = [...state.disputes.values()].includes('open');
  await transition(state, disputed ? 'disputed' : state.takenMinor >= total ? 'refunded' : 'partially_refunded', {
    amountMinor: amount,
    refundedMinor,
    ...data,
  });
}

/** Refunds made outside Fanfare (the Stripe dashboard) and disputes, from webhooks. */
async function afterPaymentEvent(
  state: CheckoutState,
  event: Exclude<PaymentEvent, { kind: 'payment_succeeded' | 'payment_failed' }>,
): Promise<void> {
  if (event.paymentIntentId !== state.paymentIntentId) return;
  if (event.kind === 'charge_refunded') {
    // Cumulative: our own refunds (done or in flight) are already counted, so only the excess is new.
    const known = state.process.status().refundedMinor + state.inFlightMinor;
    const { total } = paymentOf(state).quote;
    const extra = Math.min(event.amountRefundedMinor, total) - known;
    if (extra > 0) {
      await takeBack(state, extra, `refund/${event.eventId}`, { eventId: event.eventId, source: 'stripe' });
      if (state.takenMinor >= total) await revokeEntitlements(state, 'refund', null);
    }
    return;
  }
  const known = state.disputes.get(event.disputeId);
  if (event.kind === 'dispute_created' || known === undefined) await openDispute(state, event.disputeId, event.eventId);
  if (event.kind === 'dispute_closed' && state.disputes.get(event.disputeId) === 'open')
    await closeDispute(state, event.disputeId, event.won);
}

async function openDispute(state: CheckoutState, disputeId: string, eventId: string): Promise<void> {
  if (state.disputes.has(disputeId)) return;
  state.disputes.set(disputeId, 'open');
  // A chargeback takes the whole charge: what is not refunded yet is held back from the creator.
  const { total } = paymentOf(state).quote;
  await ledger(
    state,
    `dispute/${disputeId}/opened`,
    reversalLegs(state.sale, total, state.takenMinor, total, 'reversal'),
  );
  await transition(state, 'disputed', { disputeId, eventId });
  await revokeEntitlements(state, 'chargeback', null);
}

async function closeDispute(state: CheckoutState, disputeId: string, won: boolean): Promise<void> {
  state.disputes.set(disputeId, won ? 'won' : 'lost');
  const { total } = paymentOf(state).quote;
  if (won) {
    const refunded = state.process.status().refundedMinor;
    await ledger(state, `dispute/${disputeId}/won`, reversalLegs(state.sale, total, total, refunded, 'reversal'));
    state.takenMinor = refunded;
    await transition(state, refunded > 0 ? 'partially_refunded' : 'paid', { disputeId, won });
  } else {
    state.takenMinor = total;
    await transition(state, 'refunded', { disputeId, won, chargeback: true });
  }
}
