import {
  ENTITLEMENT_PROCESS,
  entitlementStatusQuery,
  FailureType,
  OrderIdAttribute,
  revokeEntitlementsSignal,
  TenantIdAttribute,
  type EntitlementActivities,
  type EntitlementInput,
  type EntitlementResult,
  type EntitlementStatus,
  type RevokeEntitlementsRequest,
} from '@fanfare/contracts';
import { condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import { openProcess } from '../kit/index.js';
import { activeEntitlements, entitlementsDueToExpire, entitlementsToRevoke, nextExpiryMs, withState } from './rules.js';

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

/** What the workflow waits for in a status, for the `status` query. */
function waitingFor({ step, entitlements: owned }: Omit<EntitlementStatus, 'waitingFor'>): string | null {
  if (step === 'granting') return 'the database to store the entitlements';
  if (step === 'finished') return null;
  const next = nextExpiryMs(owned);
  const expiry = next === null ? '' : ` or the subscription period ending at ${new Date(next).toISOString()}`;
  return `a revocation (refund, chargeback, takedown)${expiry}`;
}

/**
 * Grants what one paid order bought, one entitlement per (buyer, product), then keeps them:
 * revokes on `revokeEntitlements` (links fail at once), expires subscriptions at the end of
 * their period, and completes when nothing is left active.
 */
export async function entitlementWorkflow(input: EntitlementInput): Promise<EntitlementResult> {
  const { tenantId, orderId } = input;
  const pending: RevokeEntitlementsRequest[] = [];
  setHandler(revokeEntitlementsSignal, (request) => void pending.push(request));
  const process = openProcess<EntitlementStatus>({
    definition: ENTITLEMENT_PROCESS,
    query: entitlementStatusQuery,
    initial: { step: 'granting', entitlements: [] },
    waitingFor,
    keys: [
      { key: TenantIdAttribute, value: tenantId },
      { key: OrderIdAttribute, value: orderId },
    ],
    firstUpsert: 'keys-then-status',
  });
  process.describe(orderId, 'granting');
  const owned = () => process.status().entitlements;

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
    idempotencyKey: process.stepKey('grant'),
  });
  process.enter('active', {
    entitlements: granted.map(({ entitlementId, productId, status, expiresAt }) => ({
      entitlementId,
      productId,
      state: status,
      expiresAt,
    })),
  });
  process.describe(orderId, `${granted.length} granted`);

  let revocations = 0;
  while (activeEntitlements(owned()).length > 0) {
    const next = nextExpiryMs(owned());
    if (pending.length === 0 && (next === null || next > Date.now())) {
      if (next === null) await condition(() => pending.length > 0);
      else await condition(() => pending.length > 0, next - Date.now());
    }
    const request = pending.shift();
    if (request !== undefined) {
      const ids = entitlementsToRevoke(owned(), request);
      revocations += 1;
      if (ids.length > 0) {
        const idempotencyKey = process.stepKey('revoke', revocations);
        await entitlements.revokeEntitlements({
          tenantId,
          entitlementIds: ids,
          reason: request.reason,
          idempotencyKey,
        });
        process.update({ entitlements: withState(owned(), ids, 'revoked') });
      }
    }
    const due = entitlementsDueToExpire(owned(), Date.now());
    if (due.length > 0) {
      await entitlements.expireEntitlements({
        tenantId,
        entitlementIds: due,
        idempotencyKey: process.stepKey('expire'),
      });
      process.update({ entitlements: withState(owned(), due, 'expired') });
    }
  }
  process.enter('finished');
  process.describe(orderId, 'ended');
  log.info('Entitlements ended', { tenantId, orderId });
  return { entitlements: owned() };
}
