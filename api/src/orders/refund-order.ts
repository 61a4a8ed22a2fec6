import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { Order, type EntityManager } from '@fanfare/db';
import { requestRefundUpdate } from '@fanfare/contracts';
import { ApiError, notFound } from '../errors/api-error.js';

/** What the refund route was asked. */
export interface RefundAsk {
  amount?: number;
  productIds?: string[];
  reason: string;
  idempotencyKey: string;
}

/**
 * Asks the order's checkout for a refund through its `requestRefund` update, which validates
 * against the order's state (paid, enough left) before anything reaches Stripe. The idempotency
 * key names the Stripe refund, so a repeated request cannot refund twice.
 */
export async function refundOrder(
  em: EntityManager,
  client: Client,
  orderId: string,
  ask: RefundAsk,
  requestedBy: string,
) {
  const order = await em.findOne(Order, { id: orderId });
  if (order === null) throw notFound('Order');
  try {
    const outcome = await client.workflow.getHandle(order.workflowId).executeUpdate(requestRefundUpdate, {
      args: [
        {
          requestId: ask.idempotencyKey,
          amountMinor: ask.amount ?? null,
          productIds: ask.productIds ?? null,
          reason: ask.reason,
          requestedBy,
        },
      ],
      updateId: `refund:${ask.idempotencyKey}`,
    });
    return {
      refundId: outcome.refundId,
      amount: outcome.amountMinor,
      orderStatus: outcome.orderStatus,
      refunded: outcome.refundedMinor,
    };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError)
      throw new ApiError(409, 'refund_refused', error.cause?.message ?? 'The order cannot take this refund', {
        orderStatus: order.status,
      });
    if (error instanceof WorkflowNotFoundError)
      throw new ApiError(409, 'refund_refused', 'The order is no longer refundable here (aftercare has ended)', {
        orderStatus: order.status,
      });
    throw error;
  }
}
