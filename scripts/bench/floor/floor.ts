/**
 * Runs the floor workflow (floor.workflow.ts) `count` times, `concurrency` at a time, on a worker
 * of its own built with the same (default) settings as the product worker, against the given
 * Temporal server. What the checkout costs above this is ours.
 */
import { createRequire } from 'node:module';
import { Client, Connection, WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { bounded } from '../measure.js';
import { floorActivities } from './floor-activities.js';
import { floorCheckout, floorPaidSignal, floorStartUpdate } from './floor.workflow.js';

/** One floor run's timings: the start update's round trip and start → child finished. */
export interface FloorSample {
  startMs: number;
  doneMs: number;
}

const TASK_QUEUE = 'bench-floor';

/** Runs the floor and returns each run's timings and the wall time of the whole batch. */
export async function benchFloor(
  address: string,
  namespace: string,
  count: number,
  concurrency: number,
  around: { start(): Promise<void>; end(): Promise<void> },
): Promise<{ seconds: number; samples: FloorSample[] }> {
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: createRequire(import.meta.url).resolve('./floor.workflow.ts'),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue: TASK_QUEUE,
    activities: floorActivities,
    workflowBundle,
  });
  const prefix = `floor-${Date.now()}`;
  try {
    return await worker.runUntil(async () => {
      await around.start();
      const started = performance.now();
      const samples = await bounded(
        Array.from({ length: count }, (_, index) => index),
        concurrency,
        async (index) => {
          const begin = performance.now();
          const startWorkflowOperation = new WithStartWorkflowOperation(floorCheckout, {
            workflowId: `${prefix}-${index}`,
            taskQueue: TASK_QUEUE,
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          });
          await client.workflow.executeUpdateWithStart(floorStartUpdate, { startWorkflowOperation });
          const startMs = performance.now() - begin;
          const handle = await startWorkflowOperation.workflowHandle();
          await handle.signal(floorPaidSignal);
          await handle.result();
          return { startMs, doneMs: performance.now() - begin };
        },
      );
      const seconds = (performance.now() - started) / 1000;
      await around.end();
      return { seconds, samples };
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}
