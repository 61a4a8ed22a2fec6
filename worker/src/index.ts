export { composeWorker, type ComposeOptions, type WorkerComposition } from './compose.js';
export {
  connectToTemporal,
  DEFAULT_CONNECT_RETRY,
  TemporalUnreachableError,
  type ConnectRetry,
  type TemporalConnections,
} from './connect.js';
export {
  bundleFanfareWorkflows,
  createFanfareWorker,
  workflowsPath,
  type CreateFanfareWorkerOptions,
} from './create-worker.js';
export { registerSearchAttributes, type SearchAttributeRegistration } from './search-attributes.js';
export { startWorker, type RunningWorker, type StartWorkerOptions } from './start-worker.js';
export { temporalLoggerFrom } from './temporal-logger.js';
export {
  activitiesForQueue,
  activitiesOf,
  taskQueuePlans,
  WORKER_TASK_QUEUES,
  type TaskQueuePlan,
} from './process-plan.js';
