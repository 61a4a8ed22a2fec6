import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { historyFile, recordHistory, replayCommittedHistory } from './support/committed-history.js';
import { ASSET_INGEST_WORKFLOW_TYPE, assetIngestWorkflowId, type AssetIngestInput } from '@fanfare/contracts';
import { fakeIngestActivities } from './support/fake-ingest-activities.js';
import { connectHarness, uniqueTaskQueue } from './support/temporal-harness.js';

const historyPath = historyFile('asset-ingest');

describe('assetIngestWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    await expect(replayCommittedHistory(historyPath)).resolves.toBeUndefined();
  });

  // `RECORD_HISTORIES=1 pnpm exec vitest run workflows/test/asset-ingest.replay.test.ts` rewrites
  // the history; do it only for a deliberate change, and commit it with the change.
  it.runIf(process.env.RECORD_HISTORIES === '1')('records a fresh history of a successful ingest', async () => {
    const temporal = await connectHarness();
    const taskQueue = uniqueTaskQueue('asset-ingest-record');
    const assetId = randomUUID();
    const input: AssetIngestInput = {
      tenantId: randomUUID(),
      assetId,
      storageKey: `tenants/t/assets/${assetId}/original.flac`,
      mediaClass: 'audio',
    };
    const handle = await temporal.withWorker(taskQueue, fakeIngestActivities().activities, async () => {
      const started = await temporal.client.workflow.start(ASSET_INGEST_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: assetIngestWorkflowId(input.tenantId, input.assetId),
        args: [input],
      });
      await started.result();
      return started;
    });
    await recordHistory(historyPath, handle);
    await temporal.close();
    expect(historyPath).toBeTruthy();
  });
});
