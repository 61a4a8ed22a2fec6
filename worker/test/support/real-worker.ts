import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { installQuietTemporalRuntime } from '../../../scripts/test-support/quiet-temporal-runtime.js';
import { pino } from 'pino';
import { inject } from 'vitest';
import '../../../scripts/test-support/provided.js';
import { loadConfig } from '@fanfare/config';
import { createOrm, type MikroORM } from '@fanfare/db';
import { startWorker, type RunningWorker } from '../../src/index.js';

/** The real worker composed from config, on a task queue of its own, with what a test drives it by. */
export interface RealWorker {
  taskQueue: string;
  /** Scratch folder holding the fs blob store (`<dir>/blobs`) and media work files. */
  dir: string;
  orm: MikroORM;
  worker: RunningWorker;
  client: Client;
  close(): Promise<void>;
}

/**
 * Starts the worker exactly as `worker/src/main.ts` composes it (real activities, fs blobs,
 * real ffprobe) against the run's Temporal server and scratch database.
 */
export async function startRealWorker(name: string): Promise<RealWorker> {
  installQuietTemporalRuntime();
  const taskQueue = `${name}-${randomUUID().slice(0, 8)}`;
  const dir = await mkdtemp(path.join(tmpdir(), `fanfare-${name}-`));
  const config = loadConfig({
    FANFARE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: inject('temporalNamespace'),
    BLOB_DIR: path.join(dir, 'blobs'),
  });
  const worker = await startWorker(config, pino({ level: 'silent' }), {
    ffprobePath: '/usr/bin/ffprobe',
    workDir: dir,
    taskQueues: [taskQueue],
  });
  const orm = await createOrm(inject('databaseUrl'));
  const client = new Client({
    connection: await Connection.connect({ address: inject('temporalAddress') }),
    namespace: inject('temporalNamespace'),
  });
  return {
    taskQueue,
    dir,
    orm,
    worker,
    client,
    close: async () => {
      await worker.shutdown();
      await client.connection.close();
      await orm.close(true);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
