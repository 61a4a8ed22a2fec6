import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { OrderStatus } from '@fanfare/domain';
import type { CheckoutItem } from './ports/checkout-port.js';
import { defineProcess, processSummary } from './processes.js';
import { FANFARE_TASK_QUEUE } from './task-queues.js';

/** The task queue checkout runs on. */
export const CHECKOUT_TASK_QUEUE = FANFARE_TASK_QUEUE;

/** The workflow type name, for clients that start it by name. */
export const CHECKOUT_WORKFLOW_TYPE = 'checkoutWorkflow';

/** The checkout process as the registry knows it: where it runs and the activities it calls. */
export const CHECKOUT_PROCESS = defineProcess({
  title: 'Checkout',
  workflowType: CHECKOUT_WORKFLOW_TYPE,
  taskQueue: CHECKOUT_TASK_QUEUE,
  activities: ['orders', 'audit', 'discounts', 'capacity', 'invoices', 'payments'],
});

/** Time limits of one checkout, from configuration, so tests can run them short. */
export interface CheckoutPolicy {
  /** How long the order waits for the payment result before it expires. */
  paymentWindowSeconds: number;
  /** How long after payment the checkout keeps listening for refunds and disputes. */
  aftercareSeconds: number;
  /** Failed payment attempts tolerated before the order fails (the buyer may retry until then). */
  maxPaymentAttempts: number;
}

/** Defaults matching the product: 30 minutes to pay, 180 days of aftercare, three attempts. */
export const DEFAULT_CHECKOUT_POLICY: CheckoutPolicy = {
  paymentWindowSeconds: 1800,
  aftercareSeconds: 180 * 86_400,
  maxPaymentAttempts: 3,
};

/** Starts one checkout for one buyer's cart in one storefront. */
export interface CheckoutInput {
  tenantId: string;
  /** The storefront's handle (`aurora`), for the execution summary in Temporal UI only. */
  tenantHandle?: string;
  /** Chosen by the caller; a repeated request with the same key gets the first order's id back. */
  orderId: string;
  idempotencyKey: string;
  buyer: { userId: string | null; email: string };
  items: CheckoutItem[];
  currency: string | null;
  /** ISO 3166-1 alpha-2, for tax. */
  country: string;
  /** State or province; tax in the US and Canada needs it. */
  region: string | null;
  discountCode: string | null;
  /** Country of the buyer's IP, as the edge geolocated it: tax-location evidence beside `country`. */
  ipCountry?: string | null;
  /** The EULA version the buyer accepted, and when. */
  eulaAccepted: { version: string; acceptedAt: string };
  policy?: Partial<CheckoutPolicy>;
}

/** The order's amounts, in minor units. */
export interface CheckoutTotals {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  currency: string;
}

/** What `POST /v1/checkout` answers: what the browser needs to pay. */
export interface CheckoutStarted {
  orderId: string;
  workflowId: string;
  status: OrderStatus;
  totals: CheckoutTotals;
  payment: { provider: 'stripe'; paymentIntentId: string; clientSecret: string };
}

/** Where a checkout stands, in business words. */
export type CheckoutStep =
  | 'pricing'
  | 'creating_payment'
  | 'awaiting_payment'
  | 'paid'
  | 'expired'
  | 'failed'
  | 'rejected'
  | 'closed';

/** The answer to the `status` query. */
export interface CheckoutStatus {
  step: CheckoutStep;
  orderStatus: OrderStatus;
  waitingFor: string | null;
  started: CheckoutStarted | null;
  invoiceNumber: string | null;
  refundedMinor: number;
  paymentAttempts: number;
  /** Why the cart was refused, when it was (the money engine's code: `unknown_product`, `discount_exhausted`, …). */
  rejection: { type: string; message: string } | null;
}

/** How the workflow ended. */
export interface CheckoutResult {
  orderId: string;
  orderStatus: OrderStatus;
  invoiceNumber: string | null;
  refundedMinor: number;
}

/** A payment event from the processor, already verified and reduced to what checkout needs. */
export type PaymentEvent =
  | { kind: 'payment_succeeded'; eventId: string; paymentIntentId: string }
  | { kind: 'payment_failed'; eventId: string; paymentIntentId: string; reason: string }
  /** `amountRefundedMinor` is the charge's cumulative refunded amount, so order does not matter. */
  | { kind: 'charge_refunded'; eventId: string; paymentIntentId: string; amountRefundedMinor: number }
  | { kind: 'dispute_created'; eventId: string; paymentIntentId: string; disputeId: string }
  | { kind: 'dispute_closed'; eventId: string; paymentIntentId: string; disputeId: string; won: boolean };

/** A refund asked for by an operator. `amountMinor` null means everything still refundable. */
export interface RefundRequest {
  requestId: string;
  amountMinor: number | null;
  /** Products whose entitlements go; all of them on a full refund. */
  productIds: string[] | null;
  reason: string;
  requestedBy: string;
}

/** What a refund did. */
export interface RefundOutcome {
  refundId: string;
  amountMinor: number;
  orderStatus: OrderStatus;
  refundedMinor: number;
}

/** Starts (or finds) the checkout and waits until the PaymentIntent exists. */
export const startCheckoutUpdate = defineUpdate<CheckoutStarted, [], 'startCheckout'>('startCheckout');
/** Delivers one verified processor event. Duplicates (same `eventId`) are ignored. */
export const paymentEventSignal = defineSignal<[PaymentEvent], 'paymentEvent'>('paymentEvent');
/** Refunds all or part of a paid order; refused by its validator when the order cannot take it. */
export const requestRefundUpdate = defineUpdate<RefundOutcome, [RefundRequest], 'requestRefund'>('requestRefund');
/** Asks a checkout where it stands. */
export const checkoutStatusQuery = defineQuery<CheckoutStatus, [], 'status'>('status');

/**
 * The workflow id of a checkout: the tenant and the buyer's idempotency key, so a repeated
 * request reaches the same workflow (and so the same order and PaymentIntent).
 */
export function checkoutWorkflowId(tenantId: string, idempotencyKey: string): string {
  return `checkout:${tenantId}:${idempotencyKey}`;
}

/**
 * The execution summary of a checkout: "Checkout · aurora · 2 items" when it starts, and
 * "Checkout · aurora · 2026-000001 · €1.19" once the order is paid (invoice number, total).
 */
export function checkoutSummary(
  input: Pick<CheckoutInput, 'tenantId' | 'tenantHandle' | 'items'>,
  paid?: { invoiceNumber: string | null; total: string },
): string {
  const tenant = input.tenantHandle ?? input.tenantId;
  if (paid !== undefined) return processSummary(CHECKOUT_PROCESS, tenant, paid.invoiceNumber, paid.total);
  const units = input.items.reduce((sum, item) => sum + item.quantity, 0);
  return processSummary(CHECKOUT_PROCESS, tenant, `${units} item${units === 1 ? '' : 's'}`);
}
