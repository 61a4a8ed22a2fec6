import {
  condition,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  entitlementStatusQuery,
  revokeEntitlementsSignal,
  type EntitlementInput,
  type EntitlementResult,
  type EntitlementStatus,
  type EntitlementStep,
  type EntitlementSummary,
  type RevokeEntitlementsRequest,
} from './entitlement.contract.js';
import {
  activeEntitlements,
  entitlementsDueToExpire,
  entitlementsToRevoke,
  nextExpiryMs,
  withState,
} from './entitlement.rules.js';
import { FailureType } from './failure-types.js';
import type { EntitlementActivities } from './ports/entitlement-port.js';
import { OrderIdAttribute, ProcessStatusAttribute, TenantIdAttribute } from './search-attributes.js';

// What a buyer paid for must reach the database, and a revocation must too: database steps
// retry until it is back (no attempt cap); only an unknown order is hopeless.
const entitlements = proxyActivities<EntitlementActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [FailureType.orderNotFound, FailureType.invalidInput],
  },
});

/** What the workflow waits for in a step, for the `status` query. */
function waitingFor(step: EntitlementStep, next: number | null): string | null {
  if (step === 'granting') return 'the database to store the entitlements';
  if (step === 'finished') return null;
  const expiry = next === null ? '' : ` or the subscription period ending at ${new Date(next).toISOString()}`;
  return `a revocation (refund, chargeback, takedown)${expiry}`;
}

/**
 * Grants what one paid order bought, one entitlement per (buyer, product), then keeps them:
 * revokes on `revokeEntitlements` (links fail at once), expires subscriptions at the end of
 * their period, and completes when nothing is left active.
 */
export async function entitlementWorkflow(input: EntitlementInput): Promise<EntitlementResult> {
  const { workflowId } = workflowInfo();
  const { tenantId, orderId } = input;
  let owned: EntitlementSummary[] = [];
  let step: EntitlementStep = 'granting';
  const pending: RevokeEntitlementsRequest[] = [];
  setHandler(revokeEntitlementsSignal, (request) => void pending.push(request));
  setHandler(
    entitlementStatusQuery,
    (): EntitlementStatus => ({ step, waitingFor: waitingFor(step, nextExpiryMs(owned)), entitlements: owned }),
  );
  const enter = (next: EntitlementStep): void => {
    step = next;
    upsertSearchAttributes([{ key: ProcessStatusAttribute, value: next }]);
  };
  upsertSearchAttributes([
    { key: TenantIdAttribute, value: tenantId },
    { key: OrderIdAttribute, value: orderId },
  ]);
  enter('granting');

  const granted = await entitlements.grantOrderEntitlements({
    tenantId,
    orderId,
    buyer: input.buyer,
    eulaVersion: input.eulaVersion,
    eulaAcceptedAt: input.eulaAcceptedAt,
    grantedAt: new Date(Date.now()).toISOString(),
    ...(input.policy?.subscriptionPeriodMs === undefined
      ? {}
      : { subscriptionPeriodMs: input.policy.subscriptionPeriodMs }),
    idempotencyKey: `${workflowId}/grant`,
  });
  owned = granted.map(({ entitlementId, productId, status, expiresAt }) => ({
    entitlementId,
    productId,
    state: status,
    expiresAt,
  }));
  enter('active');

  let revocations = 0;
  while (activeEntitlements(owned).length > 0) {
    const next = nextExpiryMs(owned);
    if (pending.length === 0 && (next === null || next > Date.now())) {
      if (next === null) await condition(() => pending.length > 0);
      else await condition(() => pending.length > 0, next - Date.now());
    }
    const request = pending.shift();
    if (request !== undefined) {
      const ids = entitlementsToRevoke(owned, request);
      revocations += 1;
      if (ids.length > 0) {
        await entitlements.revokeEntitlements({
          tenantId,
          entitlementIds: ids,
          reason: request.reason,
          idempotencyKey: `${workflowId}/revoke/${revocations}`,
        });
        owned = withState(owned, ids, 'revoked');
      }
    }
    const due = entitlementsDueToExpire(owned, Date.now());
    if (due.length > 0) {
      await entitlements.expireEntitlements({ tenantId, entitlementIds: due, idempotencyKey: `${workflowId}/expire` });
      owned = withState(owned, due, 'expired');
    }
  }
  enter('finished');
  log.info('Entitlements ended', { tenantId, orderId });
  return { entitlements: owned };
}
