import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { Order, Payment, type EntityManager } from '@fanfare/db';
import { checkoutWorkflowId } from '@fanfare/contracts';
import { notFound } from '../errors/api-error.js';

/** A describe answers from the Temporal server alone; an outage should not hang a polling page. */
const DESCRIBE_DEADLINE_MS = 2_000;

/** A checkout of the caller's storefront: its order row and where it stands. */
export interface FoundCheckout {
  /** The order's status as the workflow last recorded it. */
  orderStatus: Order['status'];
  /** The PaymentIntent the buyer pays, once the workflow has created it. */
  paymentIntentId: string | null;
  order: Order;
}

/**
 * The checkout started in `tenantId` with `idempotencyKey`, read from its order row. The
 * workflow writes the row (and the PaymentIntent's) before it changes its own status, so the row
 * already holds the truth, and reading it never waits on a worker: a status query sent the
 * moment `POST /v1/checkout` answered could wait for the workflow's next task and time out.
 * Without a row, Temporal is asked (server-side only) whether the checkout exists, so that an
 * outage is a 503 rather than a misleading 404; a checkout still pricing, one refused, an
 * unknown key and another storefront's key are all 404.
 */
export async function findCheckout(
  client: Client,
  tenantEm: EntityManager,
  tenantId: string,
  idempotencyKey: string,
): Promise<FoundCheckout> {
  const order = await tenantEm.findOne(Order, { idempotencyKey });
  if (order === null) {
    await assertTemporalReachable(client, checkoutWorkflowId(tenantId, idempotencyKey));
    throw notFound('Checkout');
  }
  const payment = await tenantEm.findOne(Payment, { orderId: order.id }, { orderBy: { createdAt: 'desc' } });
  return { orderStatus: order.status, paymentIntentId: payment?.providerPaymentId ?? null, order };
}

async function assertTemporalReachable(client: Client, workflowId: string): Promise<void> {
  try {
    await client.connection.withDeadline(Date.now() + DESCRIBE_DEADLINE_MS, () =>
      client.workflow.getHandle(workflowId).describe(),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return;
    throw error;
  }
}
