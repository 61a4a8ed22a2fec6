import { defineQuery, defineSignal } from '@temporalio/workflow';
import { defineProcess } from './processes.js';
import { FANFARE_TASK_QUEUE } from './task-queues.js';

/** The task queue the entitlement workflow runs on. */
export const ENTITLEMENT_TASK_QUEUE = FANFARE_TASK_QUEUE;

/** The workflow type name, for clients (the checkout) that start it by name. */
export const ENTITLEMENT_WORKFLOW_TYPE = 'entitlementWorkflow';

/** The entitlement process as the registry knows it: where it runs and the activities it calls. */
export const ENTITLEMENT_PROCESS = defineProcess({
  title: 'Entitlement',
  workflowType: ENTITLEMENT_WORKFLOW_TYPE,
  taskQueue: ENTITLEMENT_TASK_QUEUE,
  activities: ['entitlements'],
});

/** Why entitlements are taken away. */
export type RevocationReason = 'refund' | 'chargeback' | 'takedown';

/** Durations the workflow waits, taken from input so tests and operators can vary them. */
export interface EntitlementPolicy {
  /**
   * Overrides the length of one subscription period in milliseconds (otherwise derived from
   * the product's `subscriptionInterval`). Tests run subscriptions short with it.
   */
  subscriptionPeriodMs?: number;
}

/** Grants what one paid order bought. */
export interface EntitlementInput {
  tenantId: string;
  orderId: string;
  /** The buyer: a signed-in user, or a guest identified by email only. */
  buyer: { userId: string | null; email: string };
  /** The EULA version the buyer accepted at checkout. */
  eulaVersion: string;
  /** When the buyer accepted it (ISO 8601). */
  eulaAcceptedAt: string;
  policy?: EntitlementPolicy;
}

/** The payload of the `revokeEntitlements` signal. */
export interface RevokeEntitlementsRequest {
  reason: RevocationReason;
  /** The products to revoke; all of the order's entitlements when absent. */
  productIds?: string[];
}

/** Takes entitlements away (refund, chargeback, takedown); existing download links fail at once. */
export const revokeEntitlementsSignal = defineSignal<[RevokeEntitlementsRequest]>('revokeEntitlements');

/** Where the workflow stands. */
export type EntitlementStep = 'granting' | 'active' | 'finished';

/** One entitlement as the workflow sees it. */
export interface EntitlementSummary {
  entitlementId: string;
  productId: string;
  state: 'active' | 'revoked' | 'expired';
  /** For subscriptions: when the current period ends (ISO); null otherwise. */
  expiresAt: string | null;
}

/** The answer to the `status` query. */
export interface EntitlementStatus {
  step: EntitlementStep;
  /** What the workflow is waiting for right now; null once it has finished. */
  waitingFor: string | null;
  entitlements: EntitlementSummary[];
}

/** Asks the entitlement workflow where it stands. */
export const entitlementStatusQuery = defineQuery<EntitlementStatus, [], 'status'>('status');

/** The workflow's result: what each entitlement ended as. */
export interface EntitlementResult {
  entitlements: EntitlementSummary[];
}

/**
 * The workflow id for one order's entitlements. Derived from business keys so the checkout
 * (and its retries) start or signal the same workflow.
 */
export function entitlementWorkflowId(tenantId: string, orderId: string): string {
  return `entitlement:${tenantId}:${orderId}`;
}
