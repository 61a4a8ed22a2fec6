import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import {
  CHECKOUT_WORKFLOW_TYPE,
  checkoutSummary,
  checkoutWorkflowId,
  paymentEventSignal,
  startCheckoutUpdate,
  type CheckoutInput,
  type CheckoutPolicy,
  type CheckoutStarted,
  type PaymentEvent,
} from '@fanfare/contracts';

/** A checkout input with fresh ids and short timers unless told otherwise. */
export function checkoutInput(
  policy: Partial<CheckoutPolicy> = {},
  overrides: Partial<CheckoutInput> = {},
): CheckoutInput {
  return {
    tenantId: randomUUID(),
    orderId: randomUUID(),
    idempotencyKey: `key-${randomUUID()}`,
    buyer: { userId: null, email: 'guest@example.com' },
    items: [{ productId: '00000000-0000-4000-8000-000000000001', quantity: 1 }],
    currency: 'USD',
    country: 'US',
    region: 'CA',
    discountCode: null,
    eulaAccepted: { version: '2026-01', acceptedAt: '2026-11-22T00:00:00.000Z' },
    policy: { paymentWindowSeconds: 30, aftercareSeconds: 30, maxPaymentAttempts: 3, ...policy },
    ...overrides,
  };
}

/** Starts (or finds) the checkout with update-with-start, as the api does. */
export async function startCheckout(client: Client, taskQueue: string, input: CheckoutInput): Promise<CheckoutStarted> {
  const workflowId = checkoutWorkflowId(input.tenantId, input.idempotencyKey);
  const startWorkflowOperation = new WithStartWorkflowOperation(CHECKOUT_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    staticSummary: checkoutSummary(input),
  });
  return client.workflow.executeUpdateWithStart(startCheckoutUpdate, { startWorkflowOperation });
}

/** Signals one payment event to the checkout of `input`. */
export async function sendEvent(client: Client, input: CheckoutInput, event: PaymentEvent): Promise<void> {
  await client.workflow
    .getHandle(checkoutWorkflowId(input.tenantId, input.idempotencyKey))
    .signal(paymentEventSignal, event);
}

/** A `payment_succeeded` event for the fake PaymentIntent. */
export function succeeded(eventId = `evt_${randomUUID()}`): PaymentEvent {
  return { kind: 'payment_succeeded', eventId, paymentIntentId: 'pi_fake' };
}
