import { describe, expect, it } from 'vitest';
import { historyFile, recordHistory, replayCommittedHistory } from './support/committed-history.js';
import { FX_REFRESH_WORKFLOW_TYPE, type FxRefreshResult } from '@fanfare/contracts';
import { connectHarness, uniqueTaskQueue } from './support/temporal-harness.js';

const historyPath = historyFile('fx-refresh');

describe('fxRefreshWorkflow replay', () => {
  it('replays the committed history without non-determinism', async () => {
    await expect(replayCommittedHistory(historyPath)).resolves.toBeUndefined();
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
    await recordHistory(historyPath, handle);
    await temporal.close();
    expect(historyPath).toBeTruthy();
  });
});
