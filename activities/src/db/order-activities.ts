import { LockMode } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import {
  forPlatform,
  forTenant,
  LedgerEntry,
  nextInvoiceSequence,
  Order,
  OrderLine,
  Payment,
  recordLedgerTransaction,
  Tenant,
  type EntityManager,
} from '@fanfare/db';
import { FailureType, type CreateOrderInput, type OrderActivities } from '@fanfare/contracts';
import { canMoveOrder, type OrderStatus } from '@fanfare/domain';
import type { DbActivityDeps } from './asset-activities.js';
import { addAuditEvent } from './audit-activities.js';
import { isUuid, uuidFromKey } from './deterministic-uuid.js';
import { priceCheckout } from './pricing.js';

function orderNotFound(tenantId: string, orderId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `Order ${orderId} does not exist for tenant ${tenantId}`,
    FailureType.orderNotFound,
  );
}

function scoped(root: EntityManager, tenantId: string, orderId: string): EntityManager {
  if (!isUuid(tenantId) || !isUuid(orderId)) throw orderNotFound(tenantId, orderId);
  return forTenant(root, tenantId);
}

// Payment rows follow the order through the states Stripe has no word for.
const PAYMENT_STATUS_FOR: Partial<Record<OrderStatus, Payment['status']>> = {
  expired: 'canceled',
  failed: 'failed',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
  disputed: 'disputed',
  paid: 'succeeded',
};

/** Adds the order and its lines (`pending`) to `em`'s unit of work. */
function addOrder(em: EntityManager, input: CreateOrderInput): void {
  const { quote } = input;
  const order = em.create(Order, {
    id: input.orderId,
    buyerUserId: input.buyer.userId,
    buyerEmail: input.buyer.email,
    currency: quote.currency,
    subtotalMinor: quote.subtotal,
    discountMinor: quote.discount,
    taxMinor: quote.tax.reduce((sum, t) => sum + t.amount, 0),
    totalMinor: quote.total,
    // Kept for tax audits: which rule chose the country from which evidence.
    taxEvidence:
      quote.taxDecision === undefined ? null : { ...quote.taxDecision, evidence: { ...quote.taxDecision.evidence } },
    country: input.country,
    idempotencyKey: input.idempotencyKey,
    workflowId: input.workflowId,
  });
  for (const line of quote.lines) {
    em.create(OrderLine, {
      order,
      productId: line.productId,
      quantity: line.quantity,
      unitAmountMinor: line.unitAmount,
      discountMinor: line.discount,
      taxMinor: line.tax.reduce((sum, t) => sum + t.amount, 0),
      totalMinor: line.total,
    });
  }
}

/** The tenant's platform fee in basis points; an unknown tenant is a non-retryable invalid input. */
async function feeBps(em: EntityManager, tenantId: string): Promise<number> {
  const tenant = isUuid(tenantId) ? await forPlatform(em).findOne(Tenant, { id: tenantId }) : null;
  if (tenant === null)
    throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} does not exist`, FailureType.invalidInput);
  return tenant.platformFeeBps;
}

/** What order activities need: the database, and the seller of record that prices are taxed for. */
export type OrderActivityDeps = DbActivityDeps & { seller: { country: string } };

/**
 * Activities over orders, payments, invoice numbers and the ledger. Every write is keyed by
 * something the workflow chose (order id, PaymentIntent id, transaction key), so a retry after
 * a lost acknowledgement finds the first write instead of making a second.
 */
export function createOrderActivities(deps: OrderActivityDeps): OrderActivities {
  return {
    priceCheckout: (input) => priceCheckout(deps.em, input, deps.seller.country),

    async createOrder(input) {
      const em = scoped(deps.em, input.tenantId, input.orderId);
      if ((await em.count(Order, { id: input.orderId })) > 0) return;
      addOrder(em, input);
      await em.flush();
    },

    async openOrder({ audit, ...input }) {
      const em = scoped(deps.em, input.tenantId, input.orderId);
      // One flush is one transaction: the order, its lines and its audit entry land together or not at all.
      if ((await em.count(Order, { id: input.orderId })) > 0) return;
      addOrder(em, input);
      addAuditEvent(em, audit);
      await em.flush();
    },

    async recordAwaitingPayment({ audit, ...input }) {
      const em = scoped(deps.em, input.tenantId, input.orderId);
      await em.transactional(async (tx) => {
        const order = await tx.findOne(Order, { id: input.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (order === null) throw orderNotFound(input.tenantId, input.orderId);
        // A retry after a lost acknowledgement finds the payment recorded and the order already moved.
        if ((await tx.count(Payment, { providerPaymentId: input.paymentIntentId })) > 0) return;
        const from = order.status as OrderStatus;
        if (!canMoveOrder(from, 'awaiting_payment')) {
          throw ApplicationFailure.nonRetryable(
            `Order ${input.orderId} cannot move from ${from} to awaiting_payment`,
            FailureType.orderTransitionRefused,
            { from, to: 'awaiting_payment' },
          );
        }
        tx.create(Payment, {
          orderId: input.orderId,
          providerPaymentId: input.paymentIntentId,
          status: 'requires_payment_method',
          amountMinor: input.amountMinor,
          currency: input.currency,
        });
        order.status = 'awaiting_payment';
        addAuditEvent(tx, audit);
      });
    },

    async recordPaymentIntent(input) {
      const em = scoped(deps.em, input.tenantId, input.orderId);
      if ((await em.count(Payment, { providerPaymentId: input.paymentIntentId })) > 0) return;
      em.create(Payment, {
        orderId: input.orderId,
        providerPaymentId: input.paymentIntentId,
        status: 'requires_payment_method',
        amountMinor: input.amountMinor,
        currency: input.currency,
      });
      await em.flush();
    },

    async setOrderStatus({ tenantId, orderId, status }) {
      const em = scoped(deps.em, tenantId, orderId);
      await em.transactional(async (tx) => {
        // Locked, so two moves of one order are judged one after the other against the lifecycle.
        const order = await tx.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (order === null) throw orderNotFound(tenantId, orderId);
        const from = order.status as OrderStatus;
        if (!canMoveOrder(from, status)) {
          throw ApplicationFailure.nonRetryable(
            `Order ${orderId} cannot move from ${from} to ${status}`,
            FailureType.orderTransitionRefused,
            { from, to: status },
          );
        }
        order.status = status;
        const paymentStatus = PAYMENT_STATUS_FOR[status];
        if (paymentStatus !== undefined) await tx.nativeUpdate(Payment, { orderId }, { status: paymentStatus });
      });
    },

    async markOrderPaid(input) {
      const em = scoped(deps.em, input.tenantId, input.orderId);
      return em.transactional(async (tx) => {
        // Locked, so a concurrent retry waits and then sees the number the first one gave.
        const order = await tx.findOne(Order, { id: input.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (order === null) throw orderNotFound(input.tenantId, input.orderId);
        const platformFeeBps = await feeBps(tx, input.tenantId);
        if (order.invoiceNumber != null) return { invoiceNumber: order.invoiceNumber, platformFeeBps };
        const paidAt = new Date(input.paidAt);
        // The tenant's one invoice sequence (credit notes share it), in this transaction.
        const invoiceNumber = (await nextInvoiceSequence(tx, input.tenantId, paidAt.getUTCFullYear())).number;
        order.invoiceNumber = invoiceNumber;
        order.status = 'paid';
        order.paidAt = paidAt;
        await tx.nativeUpdate(
          Payment,
          { orderId: input.orderId, providerPaymentId: input.paymentIntentId },
          { status: 'succeeded', feeMinor: input.feeMinor },
        );
        if (input.audit !== undefined)
          addAuditEvent(tx, { ...input.audit, data: { ...input.audit.data, invoiceNumber } });
        return { invoiceNumber, platformFeeBps };
      });
    },

    tenantFeeBps: ({ tenantId }) => feeBps(deps.em, tenantId),

    async recordLedgerEntries(input) {
      const em = scoped(deps.em, input.tenantId, input.orderId);
      const transactionId = uuidFromKey(input.transactionKey);
      if ((await em.count(LedgerEntry, { transactionId })) > 0) return;
      await em.transactional(async (tx) => {
        recordLedgerTransaction(
          tx,
          input.legs.map((leg) => ({ ...leg, currency: input.currency, orderId: input.orderId })),
          transactionId,
        );
      });
    },
  };
}
