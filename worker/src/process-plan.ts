import type { FanfareActivities } from '@fanfare/activities';
import { PROCESS_REGISTRY, type ActivityGroup, type ActivityGroups, type ProcessDefinition } from '@fanfare/contracts';

/** One task queue and what runs on it, derived from the process registry. */
export interface TaskQueuePlan {
  taskQueue: string;
  workflowTypes: string[];
  activityGroups: ActivityGroup[];
}

/** Groups the registry by task queue: one Worker per queue, with the union of its processes' activity groups. */
export function taskQueuePlans(processes: readonly ProcessDefinition[] = PROCESS_REGISTRY): TaskQueuePlan[] {
  const plans = new Map<string, TaskQueuePlan>();
  for (const process of processes) {
    const plan = plans.get(process.taskQueue) ?? {
      taskQueue: process.taskQueue,
      workflowTypes: [],
      activityGroups: [],
    };
    plan.workflowTypes.push(process.workflowType);
    for (const group of process.activities) if (!plan.activityGroups.includes(group)) plan.activityGroups.push(group);
    plans.set(process.taskQueue, plan);
  }
  return [...plans.values()];
}

/** Every task queue some process runs on; the worker polls each. */
export const WORKER_TASK_QUEUES: readonly string[] = taskQueuePlans().map((plan) => plan.taskQueue);

/** The activities one queue registers: the groups its processes call, and no others. */
export function activitiesOf(groups: ActivityGroups, names: readonly ActivityGroup[]): Partial<FanfareActivities> {
  return Object.assign({}, ...names.map((name) => groups[name]));
}

/**
 * The activities a queue registers: the registry's groups for a registry queue; every group on a
 * queue the registry does not know (a test's own queue running whatever it starts there).
 */
export function activitiesForQueue(groups: ActivityGroups, taskQueue: string): Partial<FanfareActivities> {
  const plan = taskQueuePlans().find((candidate) => candidate.taskQueue === taskQueue);
  return activitiesOf(groups, plan?.activityGroups ?? (Object.keys(groups) as ActivityGroup[]));
}
