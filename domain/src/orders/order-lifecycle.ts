/**
 * The order lifecycle: every status an order can be in and the moves between them. The database
 * enum and check constraint, the API schema, the checkout contract and the storefront's status
 * poll all derive from these constants, so a new status is added here once.
 */

/** Where an order is in checkout, refund and dispute. */
export const ORDER_STATUSES = [
  'pending',
  'awaiting_payment',
  'paid',
  'expired',
  'failed',
  'refunded',
  'partially_refunded',
  'disputed',
] as const;

/** One state of an order. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The moves an order may make, as the checkout workflow makes them. Checkout refuses a cart
 * after writing the order (pending → failed) or hands it to the buyer (pending →
 * awaiting_payment); the payment window ends in paid, expired or failed. After payment a refund
 * may be partial more than once; a dispute may open on any paid order, even a fully refunded one
 * (Stripe lets a buyer dispute a refunded charge), and is won (back to paid or partially
 * refunded) or lost (refunded). Refunds that land while a dispute is open leave it disputed.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['awaiting_payment', 'failed'],
  awaiting_payment: ['paid', 'failed', 'expired'],
  paid: ['partially_refunded', 'refunded', 'disputed'],
  partially_refunded: ['partially_refunded', 'refunded', 'disputed'],
  disputed: ['paid', 'partially_refunded', 'refunded'],
  refunded: ['disputed'],
  expired: [],
  failed: [],
};

/** True when an order in `from` may move to `to` (staying where it is always may). */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return from === to || ORDER_TRANSITIONS[from].includes(to);
}

/** Statuses an order never leaves: it ended without payment. */
export function isFinalOrderStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

/** True for a word that names an order status (input from outside: a query string, a row). */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}
