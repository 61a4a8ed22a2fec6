import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { repoRoot } from '@fanfare/config';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { connectToTemporal, TemporalUnreachableError } from '../src/index.js';
import { freshNamespace } from './support/namespaces.js';

interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `pnpm dev:worker`'s command with `env` on top of a clean test environment. */
function spawnWorker(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exited>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', FANFARE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { child, output: () => stdout, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the worker');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A localhost port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('worker/src/main.ts (a real process)', () => {
  let connection: Connection;
  let dir: string;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
    dir = await mkdtemp(path.join(tmpdir(), 'fanfare-main-'));
  });
  afterAll(async () => {
    await connection?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 with the ConfigError message when the configuration is bad', async () => {
    const { exited } = spawnWorker({ TEMPORAL_ADDRESS: 'not an address', BLOB_BACKEND: 'tape' });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('TEMPORAL_ADDRESS: must be host:port');
    expect(stderr).toContain('BLOB_BACKEND: must be one of fs, s3');
  });

  it('registers search attributes, logs that it is ready with queues and namespace, and exits 0 on SIGTERM', async () => {
    // A namespace of its own: this worker polls the contracts' real queue.
    const namespace = await freshNamespace(connection, 'main');
    const worker = spawnWorker({
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: namespace,
      DATABASE_URL: inject('databaseUrl'),
      BLOB_DIR: dir,
      FFPROBE_PATH: '/usr/bin/ffprobe',
    });
    // The worker bundles every workflow before it is ready: allow for a loaded machine.
    await waitFor(() => worker.output().includes('Fanfare worker ready'), 120_000);
    const ready = worker
      .output()
      .split('\n')
      .filter((line) => line.includes('Fanfare worker ready'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)[0];
    expect(ready).toMatchObject({ taskQueues: ['fanfare', 'fanfare-transcode'], namespace, blobs: 'fs' });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(customAttributes ?? {})).toEqual(
      expect.arrayContaining(['TenantId', 'OrderId', 'CreatorId', 'Domain', 'ProcessStatus']),
    );
    worker.child.kill('SIGTERM');
    const { code, stdout } = await worker.exited;
    expect(code).toBe(0);
    expect(stdout).toContain('Shutting down');
    expect(stdout).toContain('Worker stopped');
  }, 180_000);

  it('gives up on an unreachable Temporal after a bounded number of attempts, logging each', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const error = await connectToTemporal(address, logger, {
      attempts: 3,
      attemptTimeoutMs: 300,
      initialDelayMs: 10,
      maxDelayMs: 20,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporalUnreachableError);
    expect((error as Error).message).toBe(`Temporal is not reachable at ${address} after 3 attempts`);
    expect(lines.map((line) => JSON.parse(line) as { msg: string; attempt: number })).toMatchObject([
      { msg: 'Temporal not reachable yet; retrying', attempt: 1 },
      { msg: 'Temporal not reachable yet; retrying', attempt: 2 },
    ]);
  });
});
