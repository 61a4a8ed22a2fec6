import { createRequire } from 'node:module';
import type { FanfareActivities } from '@fanfare/activities';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import type { Logger } from 'pino';
import { temporalLoggerFrom } from './temporal-logger.js';

/** The worker-only entry of `@fanfare/workflows` that re-exports the workflow functions. */
export const workflowsPath = createRequire(import.meta.url).resolve('@fanfare/workflows/workflows');

/**
 * Bundles the workflows once for every task queue. The bundler reports its webpack stats at
 * info level; only its warnings are worth a line in the worker's log.
 */
export function bundleFanfareWorkflows(logger: Logger): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath,
    logger: temporalLoggerFrom(logger.child({ component: 'workflow-bundler' }, { level: 'warn' })),
  });
}

/** How to build one Temporal Worker. */
export interface CreateFanfareWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  /** The activities of this queue (`activitiesForQueue`), or all of them. */
  activities: Partial<FanfareActivities>;
  taskQueue: string;
  /** A prebuilt bundle (tests bundle once); the workflows entry is bundled at start otherwise. */
  workflowBundle?: WorkflowBundle;
}

/** A Worker running the Fanfare workflows and the given activities on one task queue. */
export function createFanfareWorker(options: CreateFanfareWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...(options.workflowBundle === undefined ? { workflowsPath } : { workflowBundle: options.workflowBundle }),
  });
}
