import { describe, expect, it } from 'vitest';
import { historyFile, recordHistory, replayCommittedHistory } from './support/committed-history.js';
import { checkoutWorkflowId, requestRefundUpdate } from '@fanfare/contracts';
import { checkoutInput, sendEvent, startCheckout, succeeded } from './support/checkout-driver.js';
import { fakeCheckoutActivities } from './support/fake-checkout-activities.js';
import { connectHarness, uniqueTaskQueue } from './support/temporal-harness.js';

const historyPath = historyFile('checkout');

describe('checkoutWorkflow replay', () => {
  it('replays the committed history (start, pay, partial refund, aftercare end) without non-determinism', async () => {
    await expect(replayCommittedHistory(historyPath)).resolves.toBeUndefined();
  });

  // `RECORD_HISTORIES=1 pnpm exec vitest run workflows/test/checkout.replay.test.ts` rewrites the
  // history; do it only for a deliberate change, and commit it with the change.
  it.runIf(process.env.RECORD_HISTORIES === '1')(
    'records a fresh history of a paid and partly refunded checkout',
    async () => {
      const temporal = await connectHarness();
      const taskQueue = uniqueTaskQueue('checkout-record');
      const input = checkoutInput({ aftercareSeconds: 3 });
      const handle = temporal.client.workflow.getHandle(checkoutWorkflowId(input.tenantId, input.idempotencyKey));
      await temporal.withWorker(taskQueue, fakeCheckoutActivities().activities, async () => {
        await startCheckout(temporal.client, taskQueue, input);
        await sendEvent(temporal.client, input, succeeded());
        for (;;) {
          const status = await handle.query('status');
          if ((status as { step: string }).step === 'paid') break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await handle.executeUpdate(requestRefundUpdate, {
          args: [
            {
              requestId: 'r1',
              amountMinor: 500,
              productIds: null,
              reason: 'requested_by_customer',
              requestedBy: 'finance',
            },
          ],
        });
        await handle.result();
      });
      await recordHistory(historyPath, handle);
      await temporal.close();
      expect(historyPath).toBeTruthy();
    },
  );
});
