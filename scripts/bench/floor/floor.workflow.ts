/**
 * The floor: the smallest workflow shaped like a checkout (issue #19). A measuring instrument for
 * `pnpm bench:checkout`, bundled and registered only by the bench, never by the product worker.
 */
import {
  condition,
  defineSignal,
  defineUpdate,
  executeChild,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { FloorActivities } from './floor-activities.js';

/** Answered once the three "pricing" steps ran, as the checkout's start update is. */
export const floorStartUpdate = defineUpdate<string>('floorStart');
/** Stands in for the payment webhook's signal. */
export const floorPaidSignal = defineSignal('floorPaid');

const { nothing } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });

/** 3 local activities → answer the update → signal → 2 local activities → a child with 1 local activity. */
export async function floorCheckout(): Promise<void> {
  let started = false;
  let paid = false;
  setHandler(floorStartUpdate, async () => {
    await condition(() => started);
    return 'started';
  });
  setHandler(floorPaidSignal, () => {
    paid = true;
  });
  for (let step = 0; step < 3; step += 1) await nothing();
  started = true;
  await condition(() => paid);
  await nothing();
  await nothing();
  await executeChild(floorEntitlement, { workflowId: `${workflowInfo().workflowId}/entitlement` });
}

/** The entitlement child's floor: one local activity. */
export async function floorEntitlement(): Promise<void> {
  await nothing();
}
