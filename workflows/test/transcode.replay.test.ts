import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { historyFile, recordHistory, replayCommittedHistory } from './support/committed-history.js';
import { TRANSCODE_WORKFLOW_TYPE, transcodeWorkflowId, type TranscodeInput } from '@fanfare/contracts';
import { fakeTranscodeActivities } from './support/fake-transcode-activities.js';
import { connectHarness, uniqueTaskQueue } from './support/temporal-harness.js';

const historyPath = historyFile('transcode');

describe('transcodeWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    await expect(replayCommittedHistory(historyPath)).resolves.toBeUndefined();
  });

  // `RECORD_HISTORIES=1 pnpm exec vitest run workflows/test/transcode.replay.test.ts` rewrites
  // the history; do it only for a deliberate change, and commit it with the change.
  it.runIf(process.env.RECORD_HISTORIES === '1')('records a fresh history of a transcode with cover art', async () => {
    const temporal = await connectHarness();
    const taskQueue = uniqueTaskQueue('transcode-record');
    const assetId = randomUUID();
    const input: TranscodeInput = {
      tenantId: randomUUID(),
      assetId,
      storageKey: `tenants/t/assets/${assetId}/original.flac`,
      durationMs: 3000,
      coverStorageKey: 'tenants/t/covers/cover.png',
    };
    const handle = await temporal.withWorker(taskQueue, fakeTranscodeActivities().activities, async () => {
      const started = await temporal.client.workflow.start(TRANSCODE_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: transcodeWorkflowId(input.tenantId, input.assetId),
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
