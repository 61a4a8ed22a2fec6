import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { TRANSCODE_WORKFLOW_TYPE, transcodeWorkflowId, type TranscodeInput } from '@fanfare/contracts';
import { fakeTranscodeActivities } from './support/fake-transcode-activities.js';
import { connectHarness, uniqueTaskQueue, workflowBundle } from './support/temporal-harness.js';

const historyFile = fileURLToPath(new URL('./histories/transcode.json', import.meta.url));

describe('transcodeWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    const history = historyFromJSON(JSON.parse(await readFile(historyFile, 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history)).resolves.toBeUndefined();
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
    await writeFile(
      historyFile,
      `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2)}\n`,
    );
    await temporal.close();
    expect(historyFile).toBeTruthy();
  });
});
