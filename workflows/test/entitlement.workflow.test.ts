import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENTITLEMENT_WORKFLOW_TYPE,
  entitlementStatusQuery,
  entitlementWorkflowId,
  FailureType,
  OrderIdAttribute,
  ProcessStatusAttribute,
  revokeEntitlementsSignal,
  TenantIdAttribute,
  type EntitlementInput,
  type EntitlementResult,
  type EntitlementStatus,
} from '@fanfare/contracts';
import { fakeEntitlementActivities } from './support/fake-entitlement-activities.js';
import { connectHarness, uniqueTaskQueue, type TemporalHarness } from './support/temporal-harness.js';

const taskQueue = uniqueTaskQueue('entitlement-wf');
let temporal: TemporalHarness;

beforeAll(async () => {
  temporal = await connectHarness();
});
afterAll(async () => {
  await temporal?.close();
});

function entitlementInput(overrides: Partial<EntitlementInput> = {}): EntitlementInput {
  return {
    tenantId: randomUUID(),
    orderId: randomUUID(),
    buyer: { userId: randomUUID(), email: 'buyer@example.com' },
    eulaVersion: '2026-01',
    eulaAcceptedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

function start(input: EntitlementInput) {
  return temporal.client.workflow.start(ENTITLEMENT_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: entitlementWorkflowId(input.tenantId, input.orderId),
    args: [input],
  });
}

/** Polls the status query until `ready` says so (signals and timers are asynchronous). */
async function statusWhen(
  handle: Awaited<ReturnType<typeof start>>,
  ready: (status: EntitlementStatus) => boolean,
): Promise<EntitlementStatus> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const status = await handle.query(entitlementStatusQuery);
    if (ready(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('status never reached the expected state');
}

describe('entitlementWorkflow (real Temporal dev server, fake activities)', () => {
  it('grants every product, tags the run, revokes some, then all, and completes', async () => {
    const { activities, calls } = fakeEntitlementActivities([
      { productId: 'p1' },
      { productId: 'p2' },
      { productId: 'p3' },
    ]);
    const input = entitlementInput();
    const workflowId = entitlementWorkflowId(input.tenantId, input.orderId);
    const outcome = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      const granted = await statusWhen(handle, (s) => s.step === 'active');
      const described = await handle.describe();
      await handle.signal(revokeEntitlementsSignal, { reason: 'refund', productIds: ['p2', 'not-on-this-order'] });
      const partly = await statusWhen(handle, (s) => s.entitlements.some((e) => e.state === 'revoked'));
      await handle.signal(revokeEntitlementsSignal, { reason: 'chargeback' });
      const result = (await handle.result()) as EntitlementResult;
      return { granted, described, partly, result, finished: await handle.query(entitlementStatusQuery) };
    });
    expect(outcome.granted).toMatchObject({
      step: 'active',
      waitingFor: 'a revocation (refund, chargeback, takedown)',
    });
    expect(outcome.granted.entitlements.map((e) => [e.productId, e.state])).toEqual([
      ['p1', 'active'],
      ['p2', 'active'],
      ['p3', 'active'],
    ]);
    expect(calls.grants).toHaveLength(1);
    expect(calls.grants[0]).toMatchObject({
      tenantId: input.tenantId,
      orderId: input.orderId,
      buyer: input.buyer,
      eulaVersion: '2026-01',
      idempotencyKey: `${workflowId}/grant`,
    });
    expect(outcome.described.typedSearchAttributes.get(TenantIdAttribute)).toBe(input.tenantId);
    expect(outcome.described.typedSearchAttributes.get(OrderIdAttribute)).toBe(input.orderId);
    expect(outcome.described.typedSearchAttributes.get(ProcessStatusAttribute)).toBe('active');
    expect(outcome.partly.entitlements.map((e) => e.state)).toEqual(['active', 'revoked', 'active']);
    expect(calls.revoked).toEqual([
      { ids: [`ent-${input.orderId}-p2`], reason: 'refund', idempotencyKey: `${workflowId}/revoke/1` },
      {
        ids: [`ent-${input.orderId}-p1`, `ent-${input.orderId}-p3`],
        reason: 'chargeback',
        idempotencyKey: `${workflowId}/revoke/2`,
      },
    ]);
    expect(outcome.result.entitlements.map((e) => e.state)).toEqual(['revoked', 'revoked', 'revoked']);
    expect(outcome.finished).toMatchObject({ step: 'finished', waitingFor: null });
  });

  it('queues a revocation that arrives while granting and ignores one naming nothing active', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const base = fakeEntitlementActivities([{ productId: 'p1' }]);
    const { activities, calls } = fakeEntitlementActivities([{ productId: 'p1' }], {
      grantOrderEntitlements: async (input) => {
        await gate;
        return base.activities.grantOrderEntitlements(input);
      },
    });
    const input = entitlementInput();
    const result = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      await statusWhen(handle, (s) => s.step === 'granting');
      await handle.signal(revokeEntitlementsSignal, { reason: 'takedown', productIds: ['elsewhere'] });
      await handle.signal(revokeEntitlementsSignal, { reason: 'takedown', productIds: ['p1'] });
      release();
      return (await handle.result()) as EntitlementResult;
    });
    expect(result.entitlements).toEqual([
      { entitlementId: `ent-${input.orderId}-p1`, productId: 'p1', state: 'revoked', expiresAt: null },
    ]);
    expect(calls.revoked.map((call) => call.reason)).toEqual(['takedown']);
  });

  it('grants once when the first grant attempt fails after storing (retry returns the same rows)', async () => {
    let attempts = 0;
    const base = fakeEntitlementActivities([{ productId: 'p1' }]);
    const { activities } = fakeEntitlementActivities([{ productId: 'p1' }], {
      grantOrderEntitlements: async (input) => {
        attempts += 1;
        const rows = await base.activities.grantOrderEntitlements(input);
        if (attempts === 1) throw new Error('connection reset after commit');
        return rows;
      },
    });
    const input = entitlementInput();
    const { status, second } = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      const status = await statusWhen(handle, (s) => s.step === 'active');
      const second = await start(input).catch((e: unknown) => e);
      await handle.signal(revokeEntitlementsSignal, { reason: 'refund' });
      await handle.result();
      return { status, second };
    });
    expect(attempts).toBe(2);
    expect(base.calls.grants.map((g) => g.grantedAt)).toEqual([
      base.calls.grants[0]!.grantedAt,
      base.calls.grants[0]!.grantedAt,
    ]);
    expect(status.entitlements).toHaveLength(1);
    expect(second).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  });

  it('expires a subscription at the end of its period (short period from policy) and keeps the rest', async () => {
    const { activities, calls } = fakeEntitlementActivities([
      { productId: 'sub', periodMs: 30 * 86_400_000 },
      { productId: 'album' },
    ]);
    const input = entitlementInput({ policy: { subscriptionPeriodMs: 1500 } });
    const { waiting, afterExpiry, result } = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      const waiting = await statusWhen(handle, (s) => s.step === 'active');
      const afterExpiry = await statusWhen(handle, (s) => s.entitlements.some((e) => e.state === 'expired'));
      await handle.signal(revokeEntitlementsSignal, { reason: 'refund' });
      return { waiting, afterExpiry, result: (await handle.result()) as EntitlementResult };
    });
    expect(waiting.waitingFor).toMatch(/or the subscription period ending at \d{4}-/);
    expect(afterExpiry.entitlements.map((e) => [e.productId, e.state])).toEqual([
      ['sub', 'expired'],
      ['album', 'active'],
    ]);
    expect(calls.expired).toEqual([
      {
        ids: [`ent-${input.orderId}-sub`],
        idempotencyKey: `${entitlementWorkflowId(input.tenantId, input.orderId)}/expire`,
      },
    ]);
    expect(calls.revoked).toEqual([expect.objectContaining({ ids: [`ent-${input.orderId}-album`] })]);
    expect(result.entitlements.map((e) => e.state)).toEqual(['expired', 'revoked']);
  });

  it('completes by itself once the only subscription has expired', async () => {
    const { activities, calls } = fakeEntitlementActivities([{ productId: 'sub', periodMs: 1 }]);
    const input = entitlementInput({ policy: { subscriptionPeriodMs: 500 } });
    const result = await temporal.withWorker(
      taskQueue,
      activities,
      async () => (await start(input)).result() as Promise<EntitlementResult>,
    );
    expect(result.entitlements).toEqual([expect.objectContaining({ productId: 'sub', state: 'expired' })]);
    expect(calls.expired).toHaveLength(1);
    expect(calls.revoked).toEqual([]);
  });

  it('fails without retrying when the order does not exist', async () => {
    const { activities, calls } = fakeEntitlementActivities([], {
      grantOrderEntitlements: async ({ orderId }) => {
        throw ApplicationFailure.nonRetryable(`Order ${orderId} does not exist`, FailureType.orderNotFound);
      },
    });
    const error = await temporal.withWorker(taskQueue, activities, async () =>
      (await start(entitlementInput())).result().catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ActivityFailure);
    expect(cause?.cause).toBeInstanceOf(ApplicationFailure);
    expect(cause?.cause).toMatchObject({ type: FailureType.orderNotFound });
    expect(calls.grants).toHaveLength(1);
  });
});
