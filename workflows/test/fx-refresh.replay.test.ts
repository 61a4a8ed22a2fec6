import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { FX_REFRESH_WORKFLOW_TYPE, type FxRefreshResult } from '@fanfare/contracts';
import { connectHarness, uniqueTaskQueue, workflowBundle } from './support/temporal-harness.js';

const historyFile = fileURLToPath(new URL('./histories/fx-refresh.json', import.meta.url));

describe('fxRefreshWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    const history = historyFromJSON(JSON.parse(await readFile(historyFile, 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history)).resolves.toBeUndefined();
  });

  // `RECORD_HISTORIES=1 pnpm exec vitest run workflows/test/fx-refresh.replay.test.ts` rewrites
  // the history; do it only for a deliberate change, and commit it with the change.
  it.runIf(process.env.RECORD_HISTORIES === '1')('records a fresh history of a stale refresh', async () => {
    const temporal = await connectHarness();
    const taskQueue = uniqueTaskQueue('fx-refresh-record');
    const found: FxRefreshResult = {
      asOf: '2026-03-13',
      source: 'https://feed.test',
      stored: true,
      stale: true,
      ageHours: 200,
      warning: 'FX rates are 200 h old',
    };
    const handle = await temporal.withWorker(taskQueue, { refreshFxRates: async () => found }, async () => {
      const started = await temporal.client.workflow.start(FX_REFRESH_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: `fx-refresh-record-${taskQueue}`,
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
