import {
  checkoutSummary,
  ENTITLEMENT_WORKFLOW_TYPE,
  entitlementWorkflowId,
  requestRefundUpdate,
  type EntitlementInput,
} from '@fanfare/contracts';
import { estimateProcessorFee, formatMoney, money, refundRefusal, saleLegs } from '@fanfare/domain';
import { ParentClosePolicy, patched, setHandler, startChild } from '@temporalio/workflow';
import { records } from './activities.js';
import { refund } from './aftercare.js';
import { paymentOf, type CheckoutState } from './state.js';
import { audit, auditEntry, discountRedemption, FEWER_STEPS, INVOICE_DOCUMENTS, ledger, saleLines } from './steps.js';

/**
 * Marks the order paid (with its invoice number), records the sale in the ledger and starts the
 * entitlement workflow, which outlives the checkout (ABANDON) because ownership does.
 */
export async function completePayment(state: CheckoutState): Promise<void> {
  const { input } = state;
  const { quote, paymentIntentId } = paymentOf(state);
  // Registered before the order row says paid, so a refund asked for as soon as the api shows
  // `paid` finds the handler; the validator refuses until the workflow knows it is paid too.
  setHandler(requestRefundUpdate, (request) => refund(state, request), {
    validator: (request) => {
      const { step, orderStatus } = state.process.status();
      const refusal =
        step === 'closed'
          ? 'Aftercare has ended for this order'
          : refundRefusal(orderStatus, quote.total, state.takenMinor + state.inFlightMinor, request.amountMinor);
      if (refusal !== null) throw new Error(refusal);
    },
  });
  const feeMinor = estimateProcessorFee(quote.total);
  const paidAt = new Date(Date.now()).toISOString();
  // Histories recorded before FEWER_STEPS replay the separate audit and fee steps.
  const fewerSteps = patched(FEWER_STEPS);
  const paidEntry = {
    from: 'awaiting_payment',
    to: 'paid',
    paymentIntentId,
    total: quote.total,
  };
  const { invoiceNumber, platformFeeBps } = await records.markOrderPaid({
    tenantId: input.tenantId,
    orderId: input.orderId,
    paymentIntentId,
    feeMinor,
    paidAt,
    ...(fewerSteps ? { audit: auditEntry(state, 'order.paid', paidEntry) } : {}),
  });
  state.process.update({ orderStatus: 'paid', invoiceNumber });
  const total = formatMoney(money(quote.total, quote.currency), 'en-US');
  state.process.describeAs(checkoutSummary(input, { invoiceNumber, total }));
  // Checkouts recorded before invoice documents existed replay without issuing one.
  if (patched(INVOICE_DOCUMENTS)) {
    await records.issueInvoiceForOrder({
      tenantId: input.tenantId,
      orderId: input.orderId,
      quote,
      buyer: { ...input.buyer, country: input.country },
      issuedAt: paidAt,
    });
  }
  if (!fewerSteps) await audit(state, 'order.paid', { ...paidEntry, invoiceNumber });
  const feeBps = fewerSteps ? platformFeeBps : await records.tenantFeeBps({ tenantId: input.tenantId });
  state.sale = saleLegs(saleLines(quote), feeBps, feeMinor);
  await ledger(state, 'sale', state.sale);
  if (quote.discountId != null) await records.confirmDiscountRedemption(discountRedemption(state, quote.discountId));
  if (state.capacityHeld) await records.confirmTokenCapacity({ tenantId: input.tenantId, orderId: input.orderId });
  const entitlement: EntitlementInput = {
    tenantId: input.tenantId,
    orderId: input.orderId,
    buyer: input.buyer,
    eulaVersion: input.eulaAccepted.version,
    eulaAcceptedAt: input.eulaAccepted.acceptedAt,
  };
  // The child inherits this run's task queue (FANFARE_TASK_QUEUE in production).
  await startChild(ENTITLEMENT_WORKFLOW_TYPE, {
    workflowId: entitlementWorkflowId(input.tenantId, input.orderId),
    args: [entitlement],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  await audit(state, 'entitlements.requested', { workflowId: entitlementWorkflowId(input.tenantId, input.orderId) });
}
