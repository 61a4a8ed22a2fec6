import { randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { DOMAIN_ERROR_CODES } from '@fanfare/domain';
import {
  CHECKOUT_TASK_QUEUE,
  CHECKOUT_WORKFLOW_TYPE,
  checkoutStatusQuery,
  checkoutSummary,
  checkoutWorkflowId,
  startCheckoutUpdate,
  type CheckoutInput,
  type CheckoutStarted,
} from '@fanfare/contracts';
import { ApiError } from '../errors/api-error.js';
import type { ErrorCode } from '../errors/error-codes.js';

/** What the route knows about the buyer and the cart; the rest comes from configuration. */
export type CheckoutRequest = Omit<CheckoutInput, 'orderId' | 'policy'> & {
  policy: NonNullable<CheckoutInput['policy']>;
};

/** The refusal of a cart as the client sees it: the domain's code when it gave one. */
function refusal(type: string | undefined | null, message: string, details: unknown): ApiError {
  const code = (DOMAIN_ERROR_CODES as readonly string[]).includes(type ?? '')
    ? (type as ErrorCode)
    : 'checkout_refused';
  const facts =
    Array.isArray(details) && typeof details[0] === 'object' && details[0] !== null
      ? (details[0] as Record<string, unknown>)
      : undefined;
  return new ApiError(422, code, message, facts);
}

/**
 * Starts the checkout with update-with-start and waits for its answer (order, totals and the
 * PaymentIntent). The workflow id comes from the tenant and the idempotency key, so a repeated
 * request reaches the running workflow and gets the same order and PaymentIntent back; a key
 * whose checkout has already closed is never reused for a second order.
 */
export async function startCheckout(client: Client, request: CheckoutRequest): Promise<CheckoutStarted> {
  const workflowId = checkoutWorkflowId(request.tenantId, request.idempotencyKey);
  const input: CheckoutInput = { ...request, orderId: randomUUID() };
  const startWorkflowOperation = new WithStartWorkflowOperation(CHECKOUT_WORKFLOW_TYPE, {
    workflowId,
    taskQueue: CHECKOUT_TASK_QUEUE,
    args: [input],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    staticSummary: checkoutSummary(input),
  });
  try {
    return await client.workflow.executeUpdateWithStart(startCheckoutUpdate, { startWorkflowOperation });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      throw refusal(error.cause.type, error.cause.message, error.cause.details);
    }
    if (error instanceof WorkflowExecutionAlreadyStartedError) return closedCheckout(client, workflowId);
    // Anything else (Temporal unreachable: 503) is mapped by `toApiError`.
    throw error;
  }
}

/** The answer of a checkout that has already finished (expired, failed, or past aftercare). */
async function closedCheckout(client: Client, workflowId: string): Promise<CheckoutStarted> {
  const status = await client.workflow.getHandle(workflowId).query(checkoutStatusQuery);
  if (status.started !== null) return { ...status.started, status: status.orderStatus };
  throw refusal(status.rejection?.type, status.rejection?.message ?? 'This checkout was refused', undefined);
}
