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
 * The moves an order may make. A refund may be partial more than once; a dispute may be won
 * (back to paid or partially refunded) or lost (refunded).
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['awaiting_payment', 'failed', 'expired'],
  awaiting_payment: ['paid', 'failed', 'expired'],
  paid: ['partially_refunded', 'refunded', 'disputed'],
  partially_refunded: ['partially_refunded', 'refunded', 'disputed'],
  disputed: ['paid', 'partially_refunded', 'refunded'],
  refunded: [],
  expired: [],
  failed: [],
};

/** True when an order in `from` may move to `to` (staying where it is always may). */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return from === to || ORDER_TRANSITIONS[from].includes(to);
}

/** Statuses an order never leaves. */
export function isFinalOrderStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}
