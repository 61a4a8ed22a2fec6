import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';

/**
 * Registers a namespace of its own on the shared dev server, so a test can run a worker on the
 * contracts' real task queue without taking tasks meant for other test files. Waits until the
 * server serves it (namespace registration propagates asynchronously).
 */
export async function freshNamespace(connection: Connection, prefix: string): Promise<string> {
  const namespace = `${prefix}-${randomBytes(4).toString('hex')}`;
  await connection.workflowService.registerNamespace({
    namespace,
    workflowExecutionRetentionPeriod: msToTs('1 day'),
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await connection.operatorService.listSearchAttributes({ namespace });
      await connection.workflowService.describeNamespace({ namespace });
      return namespace;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`Namespace ${namespace} never became available`);
}
