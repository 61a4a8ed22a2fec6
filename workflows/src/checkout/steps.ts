import {
  entitlementWorkflowId,
  FailureType,
  revokeEntitlementsSignal,
  type AuditEntry,
  type CheckoutQuote,
  type DiscountRedemptionKey,
  type RevocationReason,
  type TokenCapacityLine,
} from '@fanfare/contracts';
import type { LedgerLeg, LedgerSaleLine, OrderStatus } from '@fanfare/domain';
import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import { namedFailure } from '../kit/index.js';
import { records } from './activities.js';
import type { CheckoutState } from './state.js';

/** The order's next audit entry, for an activity that writes it with its own change; the sequence number keeps repeated actions apart. */
export function auditEntry(state: CheckoutState, action: string, data: Record<string, unknown>): AuditEntry {
  state.auditSeq += 1;
  return {
    tenantId: state.input.tenantId,
    actorType: 'workflow',
    actorId: state.process.workflowId,
    action,
    subjectType: 'order',
    subjectId: state.input.orderId,
    data,
    idempotencyKey: state.process.stepKey('audit', state.auditSeq, action),
  };
}

/** Appends one audit event for the order. */
export async function audit(state: CheckoutState, action: string, data: Record<string, unknown>): Promise<void> {
  await records.appendAuditEvent(auditEntry(state, action, data));
}

/** Moves the order row to `status` and records the transition in the audit trail. */
export async function transition(
  state: CheckoutState,
  status: OrderStatus,
  data: Record<string, unknown> = {},
): Promise<void> {
  const from = state.process.status().orderStatus;
  await records.setOrderStatus({ tenantId: state.input.tenantId, orderId: state.input.orderId, status });
  state.process.update({ orderStatus: status });
  await audit(state, `order.${status}`, { from, to: status, ...data });
}

/** Writes one balanced ledger transaction for the order, once per key. */
export async function ledger(state: CheckoutState, key: string, legs: LedgerLeg[]): Promise<void> {
  if (legs.length === 0 || state.quote === null) return;
  await records.recordLedgerEntries({
    tenantId: state.input.tenantId,
    orderId: state.input.orderId,
    currency: state.quote.currency,
    transactionKey: state.process.stepKey('ledger', key),
    legs,
  });
}

/**
 * Tells the order's entitlement workflow to revoke. It may already have finished (everything
 * expired); there is then nothing left to revoke, so the failure is logged, not raised.
 */
export async function revokeEntitlements(
  state: CheckoutState,
  reason: RevocationReason,
  productIds: string[] | null,
): Promise<void> {
  const handle = getExternalWorkflowHandle(entitlementWorkflowId(state.input.tenantId, state.input.orderId));
  try {
    await handle.signal(revokeEntitlementsSignal, productIds === null ? { reason } : { reason, productIds });
  } catch (error) {
    log.warn('Entitlement workflow could not be signalled', {
      orderId: state.input.orderId,
      reason,
      error: String(error),
    });
  }
}

/** The order's redemption of `discountCodeId`. */
export function discountRedemption(state: CheckoutState, discountCodeId: string): DiscountRedemptionKey {
  return { tenantId: state.input.tenantId, orderId: state.input.orderId, discountCodeId };
}

/** Who a per-customer discount limit counts: the member's user id, or a guest's email. */
export function customerKey(state: CheckoutState): string {
  return state.input.buyer.userId ?? state.input.buyer.email.toLowerCase();
}

/** The units each token pack of the quote holds (`tokenAmount × quantity`), one line per product. */
export function tokenCapacityLines(quote: CheckoutQuote): TokenCapacityLine[] {
  const units = new Map<string, number>();
  for (const line of quote.lines) {
    if (line.tokenAmount !== undefined && line.tokenAmount > 0)
      units.set(line.productId, (units.get(line.productId) ?? 0) + line.tokenAmount * line.quantity);
  }
  return [...units].map(([productId, total]) => ({ productId, units: total }));
}

/** The quote's lines as the domain's ledger needs them (net of tax, per creator). */
export function saleLines(quote: CheckoutQuote): LedgerSaleLine[] {
  return quote.lines.map((line) => ({
    creatorId: line.creatorId,
    totalMinor: line.total,
    taxMinor: line.tax.reduce((sum, tax) => sum + tax.amount, 0),
  }));
}

/** The quote's tax in minor units: summed from its lines, as the engine's per-rate total is. */
export function taxOf(quote: CheckoutQuote): number {
  return saleLines(quote).reduce((sum, line) => sum + line.taxMinor, 0);
}

/** Records why the cart was refused (a named, non-retryable activity failure) for the start update. */
export function reject(state: CheckoutState, error: unknown): false {
  const failure = namedFailure(error);
  if (failure === undefined) throw error;
  // A discount or capacity refusal names the domain's reason in its first detail (`discount_exhausted`, …).
  const named = failure.type === FailureType.discountCodeInvalid || failure.type === FailureType.capacityExhausted;
  const detail: unknown = named ? failure.details?.[0] : undefined;
  const code =
    typeof detail === 'object' && detail !== null && typeof (detail as { code?: unknown }).code === 'string'
      ? (detail as { code: string }).code
      : undefined;
  state.process.update({ rejection: { type: code ?? failure.type ?? 'CheckoutRejected', message: failure.message } });
  state.process.enter('rejected');
  return false;
}

/**
 * The `patched()` id of issuing invoice and credit-note documents from checkout. Kept: the committed
 * checkout history (workflows/test/histories/checkout.json) was recorded before it and replays without.
 */
export const INVOICE_DOCUMENTS = 'checkout-invoice-documents';

/**
 * The `patched()` id of writing the order with its audit entry, and the PaymentIntent with the move to
 * `awaiting_payment` and its audit entry, as one step each (issue #19: 7 local activities before the
 * buyer's answer become 4); marking it paid also writes its audit entry and reads the tenant's fee
 * (2 fewer after payment). Kept: the committed checkout history was recorded with the separate steps.
 */
export const FEWER_STEPS = 'checkout-fewer-steps';
