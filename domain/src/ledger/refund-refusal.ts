import type { OrderStatus } from '../orders/order-lifecycle.js';

/** Why a refund of `amountMinor` (null: the rest) cannot be taken, or null when it can. */
export function refundRefusal(
  orderStatus: OrderStatus,
  totalMinor: number,
  takenMinor: number,
  amountMinor: number | null,
): string | null {
  if (orderStatus !== 'paid' && orderStatus !== 'partially_refunded')
    return `An order that is ${orderStatus} cannot be refunded`;
  const left = totalMinor - takenMinor;
  if (left <= 0) return 'Nothing is left to refund';
  if (amountMinor !== null && (!Number.isSafeInteger(amountMinor) || amountMinor <= 0))
    return 'A refund must be a positive whole number of minor units';
  if (amountMinor !== null && amountMinor > left) return `Only ${left} minor units are left to refund`;
  return null;
}
