import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import {
  FX_REFRESH_CRON,
  FX_REFRESH_SCHEDULE_ID,
  FX_REFRESH_TASK_QUEUE,
  FX_REFRESH_WORKFLOW_TYPE,
} from '@fanfare/contracts';

/** What schedule registration did. */
export interface ScheduleRegistration {
  created: string[];
  alreadyPresent: string[];
}

/**
 * Makes sure the daily FX refresh schedule exists. Idempotent, so every worker runs it at start;
 * an existing schedule is left as operators may have tuned or paused it in Temporal UI.
 */
export async function registerSchedules(client: Client): Promise<ScheduleRegistration> {
  try {
    await client.schedule.create({
      scheduleId: FX_REFRESH_SCHEDULE_ID,
      spec: { cronExpressions: [FX_REFRESH_CRON] },
      action: {
        type: 'startWorkflow',
        workflowType: FX_REFRESH_WORKFLOW_TYPE,
        taskQueue: FX_REFRESH_TASK_QUEUE,
        workflowId: 'fx-refresh',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { purpose: 'Display-only FX rates from the ECB reference feed (FX_FEED_URL)' },
    });
    return { created: [FX_REFRESH_SCHEDULE_ID], alreadyPresent: [] };
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return { created: [], alreadyPresent: [FX_REFRESH_SCHEDULE_ID] };
    throw error;
  }
}
