import type { FanfareConfig } from '@fanfare/config';
import { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { composeWorker, type ComposeOptions } from './compose.js';
import { connectToTemporal, type ConnectRetry } from './connect.js';
import { bundleFanfareWorkflows, createFanfareWorker } from './create-worker.js';
import { activitiesForQueue, WORKER_TASK_QUEUES } from './process-plan.js';
import { registerSchedules } from './schedules.js';
import { registerSearchAttributes } from './search-attributes.js';

/** Knobs for starting a worker besides the configuration. */
export interface StartWorkerOptions extends ComposeOptions {
  /** The process registry's task queues by default; tests pass a queue of their own. */
  taskQueues?: readonly string[];
  connectRetry?: ConnectRetry;
}

/** A started worker: `running` settles when it stops; `shutdown` drains it and releases everything. */
export interface RunningWorker {
  taskQueues: readonly string[];
  running: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Connects to Temporal (waiting for it if needed), registers the search attributes and the
 * schedules (daily FX refresh), composes the activities from `config` and starts one Worker per
 * task queue.
 */
export async function startWorker(
  config: FanfareConfig,
  logger: Logger,
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const { address, namespace } = config.temporal;
  const connections = await connectToTemporal(address, logger, options.connectRetry);
  const registration = await registerSearchAttributes(connections.client, namespace);
  logger.info({ namespace, ...registration }, 'Search attributes registered');
  const schedules = await registerSchedules(new Client({ connection: connections.client, namespace }));
  logger.info({ namespace, ...schedules }, 'Schedules registered');
  const composition = await composeWorker(config, options);
  const taskQueues = options.taskQueues ?? WORKER_TASK_QUEUES;
  let workers: Worker[];
  try {
    const workflowBundle = await bundleFanfareWorkflows(logger);
    workers = await Promise.all(
      taskQueues.map((taskQueue) =>
        createFanfareWorker({
          connection: connections.worker,
          namespace,
          activities: activitiesForQueue(composition.groups, taskQueue),
          taskQueue,
          workflowBundle,
        }),
      ),
    );
  } catch (error) {
    await Promise.allSettled([composition.close(), connections.close()]);
    throw error;
  }
  const running = Promise.all(workers.map((worker) => worker.run())).then(async () => {
    await composition.close();
    await connections.close();
  });
  logger.info(
    { taskQueues, namespace, address, blobs: config.blobs.backend, ffprobe: composition.ffprobeVersion },
    'Fanfare worker ready',
  );
  return {
    taskQueues,
    running,
    async shutdown() {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}
