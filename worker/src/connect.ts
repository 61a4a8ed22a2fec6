import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Logger } from 'pino';

/** The two connections a worker holds: the native one polls, the client one runs operator calls. */
export interface TemporalConnections {
  worker: NativeConnection;
  client: Connection;
  close(): Promise<void>;
}

/** How long to keep trying a Temporal server that is not up yet (it often starts alongside us). */
export interface ConnectRetry {
  attempts: number;
  /** How long one attempt waits for the server to answer. */
  attemptTimeoutMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** About two minutes in all: enough for a dev server or a restarting frontend, not forever. */
export const DEFAULT_CONNECT_RETRY: ConnectRetry = {
  attempts: 20,
  attemptTimeoutMs: 5000,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
};

/** Thrown after the last attempt, naming the address so the fix is obvious. */
export class TemporalUnreachableError extends Error {
  constructor(address: string, attempts: number, options?: ErrorOptions) {
    super(`Temporal is not reachable at ${address} after ${attempts} attempts`, options);
    this.name = 'TemporalUnreachableError';
  }
}

/** Connects to Temporal at `address`, retrying with capped exponential backoff and logging each miss. */
export async function connectToTemporal(
  address: string,
  logger: Logger,
  retry: ConnectRetry = DEFAULT_CONNECT_RETRY,
): Promise<TemporalConnections> {
  let delay = retry.initialDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const client = await Connection.connect({ address, connectTimeout: retry.attemptTimeoutMs });
      try {
        const worker = await NativeConnection.connect({ address });
        return { worker, client, close: async () => void (await Promise.all([worker.close(), client.close()])) };
      } catch (error) {
        await client.close();
        throw error;
      }
    } catch (error) {
      if (attempt >= retry.attempts) throw new TemporalUnreachableError(address, attempt, { cause: error });
      logger.warn(
        { address, attempt, of: retry.attempts, retryInMs: delay, err: (error as Error).message },
        'Temporal not reachable yet; retrying',
      );
      await sleep(delay);
      delay = Math.min(delay * 2, retry.maxDelayMs);
    }
  }
}
