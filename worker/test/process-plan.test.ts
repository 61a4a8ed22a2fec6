import { PROCESS_REGISTRY, TRANSCODE_TASK_QUEUE } from '@fanfare/contracts';
import * as workflows from '@fanfare/workflows/workflows';
import { describe, expect, it } from 'vitest';
import { activitiesOf, taskQueuePlans, WORKER_TASK_QUEUES } from '../src/index.js';

describe('process registry → worker plan', () => {
  it('polls every task queue a registered process runs on, once', () => {
    expect(WORKER_TASK_QUEUES).toEqual([...new Set(PROCESS_REGISTRY.map((process) => process.taskQueue))]);
  });

  it('bundles exactly the workflows the registry names', () => {
    expect(Object.keys(workflows).sort()).toEqual(PROCESS_REGISTRY.map((process) => process.workflowType).sort());
  });

  it('gives a process with a queue of its own a worker with only its activity groups', () => {
    const plans = taskQueuePlans(PROCESS_REGISTRY);
    expect(plans.map((plan) => plan.taskQueue)).toEqual(['fanfare', TRANSCODE_TASK_QUEUE]);
    expect(plans[1]).toEqual({
      taskQueue: TRANSCODE_TASK_QUEUE,
      workflowTypes: ['transcodeWorkflow'],
      activityGroups: ['transcoding', 'tracks', 'audit'],
    });
    expect(plans[0]?.activityGroups).toEqual(
      expect.arrayContaining(['orders', 'payments', 'entitlements', 'assets', 'fx']),
    );
    expect(plans[0]?.activityGroups).not.toContain('transcoding');
  });

  it('registers on a queue the functions of its groups and no others', () => {
    const groups = {
      fx: { refreshFxRates: async () => ({}) },
      vat: { verifyVatId: async () => ({}) },
    } as unknown as Parameters<typeof activitiesOf>[0];
    expect(Object.keys(activitiesOf(groups, ['fx']))).toEqual(['refreshFxRates']);
  });
});
