import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { Order, type EntityManager } from '@fanfare/db';
import { checkoutStatusQuery, checkoutWorkflowId, type CheckoutStatus } from '@fanfare/contracts';
import { notFound } from '../errors/api-error.js';

/** A query answers in milliseconds when Temporal is up; a page polling the status should not hang on an outage. */
const QUERY_DEADLINE_MS = 5_000;

/** A checkout of the caller's storefront: where its workflow stands and its order row. */
export interface FoundCheckout {
  status: CheckoutStatus;
  order: Order;
}

/**
 * The checkout started in `tenantId` with `idempotencyKey`. The workflow id comes from the
 * storefront the Host names, so another storefront's key finds nothing. The workflow is asked
 * first: it writes the order row before it changes its own status, so the row read afterwards
 * already holds what the status implies (a `paid` status finds the invoice number stored).
 * 404 when there is no such workflow or it never wrote an order (a refused cart).
 */
export async function findCheckout(
  client: Client,
  tenantEm: EntityManager,
  tenantId: string,
  idempotencyKey: string,
): Promise<FoundCheckout> {
  let status: CheckoutStatus;
  try {
    const handle = client.workflow.getHandle(checkoutWorkflowId(tenantId, idempotencyKey));
    status = await client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
      handle.query(checkoutStatusQuery),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound('Checkout');
    throw error;
  }
  const order = await tenantEm.findOne(Order, { idempotencyKey });
  if (order === null) throw notFound('Checkout');
  return { status, order };
}
