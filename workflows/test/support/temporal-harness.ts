import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { inject } from 'vitest';
import { installQuietTemporalRuntime } from '../../../scripts/test-support/quiet-temporal-runtime.js';
import '../../../scripts/test-support/provided.js';

/** The worker-only entry that re-exports every workflow function. */
const workflowsPath = fileURLToPath(new URL('../../src/workflows.ts', import.meta.url));

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflows bundled once per test file: bundling is the slow part of starting a worker. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  return bundle;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A task queue no other test file uses, so workers in parallel files never steal tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A client and worker connection to the run's Temporal dev server. */
export interface TemporalHarness {
  client: Client;
  namespace: string;
  /** Runs `fn` while a worker with `activities` polls `taskQueue`, then shuts the worker down. */
  withWorker<T>(taskQueue: string, activities: object, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Connects to the dev server the global setup started. */
export async function connectHarness(): Promise<TemporalHarness> {
  installQuietTemporalRuntime();
  const address = inject('temporalAddress');
  const namespace = inject('temporalNamespace');
  const [clientConnection, workerConnection] = await Promise.all([
    Connection.connect({ address }),
    NativeConnection.connect({ address }),
  ]);
  const client = new Client({ connection: clientConnection, namespace });
  return {
    client,
    namespace,
    async withWorker(taskQueue, activities, fn) {
      const worker = await Worker.create({
        connection: workerConnection,
        namespace,
        taskQueue,
        workflowBundle: await workflowBundle(),
        activities,
      });
      return worker.runUntil(fn);
    },
    async close() {
      await Promise.all([clientConnection.close(), workerConnection.close()]);
    },
  };
}
