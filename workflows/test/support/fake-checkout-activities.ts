import type { LedgerLeg, OrderStatus } from '@fanfare/domain';
import type {
  AuditActivities,
  AuditEntry,
  CapacityActivities,
  CheckoutQuote,
  DiscountActivities,
  EntitlementActivities,
  InvoiceActivities,
  OrderActivities,
  PaymentActivities,
} from '@fanfare/contracts';

/** Every activity a checkout (and the entitlement child it starts) calls, as one typed object. */
export type CheckoutActivities = OrderActivities &
  PaymentActivities &
  AuditActivities &
  EntitlementActivities &
  DiscountActivities &
  CapacityActivities &
  InvoiceActivities;

/** What the fakes were asked to do, for assertions. */
export interface CheckoutCalls {
  paymentIntents: string[];
  cancelled: string[];
  refunds: Array<{ amountMinor: number; idempotencyKey: string }>;
  statuses: OrderStatus[];
  paid: string[];
  ledger: Array<{ key: string; legs: LedgerLeg[] }>;
  audit: AuditEntry[];
  revoked: string[];
  discounts: string[];
  /** `reserve <productId>:<units>,…`, `confirm`, `release`. */
  capacity: string[];
  documents: string[];
}

const LINE_TAX = [{ name: 'Sales tax', rate: '8', amount: 80 }];

/** A two-line cart from two creators, priced tax-exclusive in USD. */
export const QUOTE: CheckoutQuote = {
  currency: 'USD',
  lines: [
    {
      productId: '00000000-0000-4000-8000-000000000001',
      creatorId: 'c1',
      unitAmount: 1000,
      quantity: 1,
      discount: 0,
      tax: LINE_TAX,
      total: 1080,
    },
    {
      productId: '00000000-0000-4000-8000-000000000002',
      creatorId: 'c2',
      unitAmount: 500,
      quantity: 2,
      discount: 0,
      tax: LINE_TAX,
      total: 1080,
    },
  ],
  subtotal: 2000,
  discount: 0,
  tax: [{ name: 'Sales tax', rate: '8', amount: 160 }],
  total: 2160,
  taxInclusive: false,
  reverseCharge: false,
  notes: [],
  discountId: null,
};

/** In-memory fakes: `overrides` steer a branch, every call is recorded. */
export function fakeCheckoutActivities(overrides: Partial<CheckoutActivities> = {}): {
  activities: CheckoutActivities;
  calls: CheckoutCalls;
} {
  const calls: CheckoutCalls = {
    paymentIntents: [],
    cancelled: [],
    refunds: [],
    statuses: [],
    paid: [],
    ledger: [],
    audit: [],
    revoked: [],
    discounts: [],
    capacity: [],
    documents: [],
  };
  let refundSeq = 0;
  const defaults: CheckoutActivities = {
    priceCheckout: async () => QUOTE,
    createOrder: async () => undefined,
    openOrder: async ({ audit }) => void calls.audit.push(audit),
    recordAwaitingPayment: async ({ audit }) => {
      calls.statuses.push('awaiting_payment');
      calls.audit.push(audit);
    },
    recordPaymentIntent: async () => undefined,
    setOrderStatus: async ({ status }) => void calls.statuses.push(status),
    markOrderPaid: async ({ orderId, audit }) => {
      calls.paid.push(orderId);
      if (audit !== undefined) calls.audit.push({ ...audit, data: { ...audit.data, invoiceNumber: '2026-000001' } });
      return { invoiceNumber: '2026-000001', platformFeeBps: 1000 };
    },
    tenantFeeBps: async () => 1000,
    reserveDiscountRedemption: async ({ discountCodeId }) => {
      calls.discounts.push(`reserve ${discountCodeId}`);
      return { redemptionId: 'r', status: 'reserved' };
    },
    releaseDiscountRedemption: async ({ discountCodeId }) => {
      calls.discounts.push(`release ${discountCodeId}`);
      return { redemptionId: 'r', status: 'released' };
    },
    confirmDiscountRedemption: async ({ discountCodeId }) => {
      calls.discounts.push(`confirm ${discountCodeId}`);
      return { redemptionId: 'r', status: 'confirmed' };
    },
    reserveTokenCapacity: async ({ lines }) => {
      calls.capacity.push(`reserve ${lines.map((line) => `${line.productId}:${line.units}`).join(',')}`);
      return lines.map((line) => ({ ...line, status: 'reserved' as const }));
    },
    confirmTokenCapacity: async () => {
      calls.capacity.push('confirm');
      return [];
    },
    releaseTokenCapacity: async () => {
      calls.capacity.push('release');
      return [];
    },
    recordLedgerEntries: async ({ transactionKey, legs }) => void calls.ledger.push({ key: transactionKey, legs }),
    appendAuditEvent: async (entry) => void calls.audit.push(entry),
    createPaymentIntent: async ({ idempotencyKey }) => {
      calls.paymentIntents.push(idempotencyKey);
      return { paymentIntentId: 'pi_fake', clientSecret: 'pi_fake_secret_x' };
    },
    cancelPaymentIntent: async ({ paymentIntentId }) => void calls.cancelled.push(paymentIntentId),
    createRefund: async ({ amountMinor, idempotencyKey }) => {
      calls.refunds.push({ amountMinor, idempotencyKey });
      refundSeq += 1;
      return { refundId: `re_${refundSeq}` };
    },
    issueInvoiceForOrder: async ({ quote }) => {
      calls.documents.push(`invoice ${quote.total}`);
      return {
        invoiceId: 'inv',
        kind: 'invoice',
        number: '2026-000001',
        currency: quote.currency,
        totalMinor: quote.total,
      };
    },
    issueCreditNote: async ({ scope }) => {
      calls.documents.push(`credit ${scope.kind === 'amount' ? scope.amount : scope.kind}`);
      return { invoiceId: 'cn', kind: 'credit_note', number: '2026-000002', currency: 'USD', totalMinor: 0 };
    },
    grantOrderEntitlements: async () =>
      QUOTE.lines.map((line) => ({
        entitlementId: `ent-${line.productId}`,
        productId: line.productId,
        status: 'active' as const,
        expiresAt: null,
      })),
    revokeEntitlements: async ({ entitlementIds }) => {
      calls.revoked.push(...entitlementIds);
      return entitlementIds;
    },
    expireEntitlements: async () => [],
  };
  return { activities: { ...defaults, ...overrides }, calls };
}
