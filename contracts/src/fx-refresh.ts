import { defineQuery } from '@temporalio/workflow';
import { defineProcess } from './processes.js';
import { FANFARE_TASK_QUEUE } from './task-queues.js';

/** The task queue the FX refresh runs on. */
export const FX_REFRESH_TASK_QUEUE = FANFARE_TASK_QUEUE;

/** The workflow type name the schedule starts. */
export const FX_REFRESH_WORKFLOW_TYPE = 'fxRefreshWorkflow';

/** The fx refresh process as the registry knows it: where it runs and the activities it calls. */
export const FX_REFRESH_PROCESS = defineProcess({
  title: 'FX refresh',
  workflowType: FX_REFRESH_WORKFLOW_TYPE,
  taskQueue: FX_REFRESH_TASK_QUEUE,
  activities: ['fx'],
});

/** The one schedule that refreshes display FX rates, found by this id in Temporal UI. */
export const FX_REFRESH_SCHEDULE_ID = 'fx-refresh-daily';

/**
 * When it runs: 15:30 UTC every day, shortly after the ECB publishes its reference rates
 * (around 16:00 CET on TARGET business days); on other days it finds nothing new.
 */
export const FX_REFRESH_CRON = '30 15 * * *';

/** Where one refresh stands, for operators asking in Temporal UI. */
export interface FxRefreshStatus {
  step: 'fetching' | 'done';
  /** What the refresh is waiting for, in words. */
  waitingFor: string | null;
  /** The reference date of the rates found, once done. */
  asOf: string | null;
  /** The staleness warning, when the newest rates are old. */
  warning: string | null;
}

/** `status`: what the refresh is doing or found. */
export const fxRefreshStatusQuery = defineQuery<FxRefreshStatus, [], 'status'>('status');
