import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { historyFile, recordHistory, replayCommittedHistory } from './support/committed-history.js';
import {
  ENTITLEMENT_WORKFLOW_TYPE,
  entitlementWorkflowId,
  revokeEntitlementsSignal,
  type EntitlementInput,
} from '@fanfare/contracts';
import { fakeEntitlementActivities } from './support/fake-entitlement-activities.js';
import { connectHarness, uniqueTaskQueue } from './support/temporal-harness.js';

const historyPath = historyFile('entitlement');

describe('entitlementWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    await expect(replayCommittedHistory(historyPath)).resolves.toBeUndefined();
  });

  // `RECORD_HISTORIES=1 pnpm exec vitest run workflows/test/entitlement.replay.test.ts` rewrites
  // the history; do it only for a deliberate change, and commit it with the change. The recorded
  // run covers grant, a partial revocation, a subscription expiry and a final revocation.
  it.runIf(process.env.RECORD_HISTORIES === '1')(
    'records a fresh history of a grant, expiry and revocations',
    async () => {
      const temporal = await connectHarness();
      const taskQueue = uniqueTaskQueue('entitlement-record');
      const input: EntitlementInput = {
        tenantId: randomUUID(),
        orderId: randomUUID(),
        buyer: { userId: randomUUID(), email: 'buyer@example.com' },
        eulaVersion: '2026-01',
        eulaAcceptedAt: '2026-11-22T10:00:00.000Z',
        policy: { subscriptionPeriodMs: 1500 },
      };
      const { activities } = fakeEntitlementActivities([
        { productId: 'album' },
        { productId: 'ebook' },
        { productId: 'sub', periodMs: 1 },
      ]);
      const handle = await temporal.withWorker(taskQueue, activities, async () => {
        const started = await temporal.client.workflow.start(ENTITLEMENT_WORKFLOW_TYPE, {
          taskQueue,
          workflowId: entitlementWorkflowId(input.tenantId, input.orderId),
          args: [input],
        });
        await started.signal(revokeEntitlementsSignal, { reason: 'refund', productIds: ['ebook'] });
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await started.signal(revokeEntitlementsSignal, { reason: 'chargeback' });
        await started.result();
        return started;
      });
      await recordHistory(historyPath, handle);
      await temporal.close();
      expect(historyPath).toBeTruthy();
    },
  );
});
