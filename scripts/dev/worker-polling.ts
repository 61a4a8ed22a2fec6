import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { FanfareConfig } from '@fanfare/config';
import { FANFARE_TASK_QUEUE } from '@fanfare/contracts';

/**
 * True once a worker polls the Fanfare task queue for workflow tasks: the worker is ready in
 * Temporal's own eyes, whatever its log level lets it print.
 */
export async function workerPolling(config: FanfareConfig): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address: config.temporal.address, connectTimeout: 2000 });
    const response = await connection.workflowService.describeTaskQueue({
      namespace: config.temporal.namespace,
      taskQueue: { name: FANFARE_TASK_QUEUE },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return (response.pollers?.length ?? 0) > 0;
  } catch {
    return false;
  } finally {
    await connection?.close();
  }
}
