import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { ASSET_INGEST_WORKFLOW_TYPE, assetIngestWorkflowId, type AssetIngestInput } from '@fanfare/contracts';
import { fakeIngestActivities } from './support/fake-ingest-activities.js';
import { connectHarness, uniqueTaskQueue, workflowBundle } from './support/temporal-harness.js';

const historyFile = fileURLToPath(new URL('./histories/asset-ingest.json', import.meta.url));

describe('assetIngestWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    const history = historyFromJSON(JSON.parse(await readFile(historyFile, 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history)).resolves.toBeUndefined();
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
    await writeFile(
      historyFile,
      `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2)}\n`,
    );
    await temporal.close();
    expect(historyFile).toBeTruthy();
  });
});
