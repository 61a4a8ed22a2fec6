import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FX_REFRESH_WORKFLOW_TYPE,
  fxRefreshStatusQuery,
  ProcessStatusAttribute,
  type FxActivities,
  type FxRefreshResult,
} from '@fanfare/contracts';
import { connectHarness, uniqueTaskQueue, type TemporalHarness } from './support/temporal-harness.js';

const taskQueue = uniqueTaskQueue('fx-refresh-wf');
let temporal: TemporalHarness;

beforeAll(async () => {
  temporal = await connectHarness();
});
afterAll(async () => {
  await temporal?.close();
});

function fakeFx(results: Array<FxRefreshResult | Error>): FxActivities & { calls: number } {
  const fake = {
    calls: 0,
    async refreshFxRates(): Promise<FxRefreshResult> {
      const next = results[Math.min(fake.calls, results.length - 1)];
      fake.calls += 1;
      if (next instanceof Error) throw next;
      return next as FxRefreshResult;
    },
  };
  return fake;
}

const stale: FxRefreshResult = {
  asOf: '2026-03-13',
  source: 'https://feed.test',
  stored: false,
  stale: true,
  ageHours: 300,
  warning: 'FX rates are 300 h old',
};

describe('fxRefreshWorkflow (real Temporal dev server, fake activity)', () => {
  it('returns what the refresh found, stale warning included', async () => {
    const fx = fakeFx([stale]);
    const result = await temporal.withWorker(taskQueue, fx, () =>
      temporal.client.workflow.execute(FX_REFRESH_WORKFLOW_TYPE, { taskQueue, workflowId: `fx-${taskQueue}-1` }),
    );
    expect(result).toEqual(stale);
    expect(fx.calls).toBe(1);
  });

  it('answers status and marks a stale result for operators', async () => {
    const workflowId = `fx-${taskQueue}-status`;
    // A query on a closed workflow is answered by a worker replaying it, so one must be polling.
    const [status, description] = await temporal.withWorker(taskQueue, fakeFx([stale]), async () => {
      await temporal.client.workflow.execute(FX_REFRESH_WORKFLOW_TYPE, { taskQueue, workflowId });
      const handle = temporal.client.workflow.getHandle(workflowId);
      return Promise.all([handle.query(fxRefreshStatusQuery), handle.describe()]);
    });
    expect(status).toEqual({ step: 'done', waitingFor: null, asOf: '2026-03-13', warning: stale.warning });
    expect(description.typedSearchAttributes.get(ProcessStatusAttribute)).toBe('done_stale');
  });
});
