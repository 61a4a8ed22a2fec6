import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManagedProcess, type RestartPolicy } from '../dev/managed-process.js';

const runDir = mkdtempSync(path.join(tmpdir(), 'fanfare-managed-'));
afterAll(() => rmSync(runDir, { recursive: true, force: true }));
const quick: RestartPolicy = { initialDelayMs: 20, maxDelayMs: 80, fastFailureMs: 5_000, maxFastFailures: 3 };
const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });

describe('a managed process with a restart policy', () => {
  it('is started again after a kill -9 and stops cleanly', async () => {
    const managed = new ManagedProcess(
      { name: 'sleeper', ...node('setInterval(() => {}, 1000)'), restart: quick },
      runDir,
    );
    let gaveUp = false;
    managed.onUnexpectedExit = () => (gaveUp = true);
    managed.start();
    const pidFile = path.join(runDir, 'sleeper.pid');
    const first = Number(readFileSync(pidFile, 'utf8'));
    process.kill(first, 'SIGKILL');
    for (let i = 0; i < 100 && managed.restarts === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(managed.restarts).toBe(1);
    expect(Number(readFileSync(pidFile, 'utf8'))).not.toBe(first);
    await managed.stop(1_000);
    expect(gaveUp).toBe(false);
  });

  it('gives up after repeated fast failures and only then reports the exit', async () => {
    const managed = new ManagedProcess({ name: 'crasher', ...node('process.exit(3)'), restart: quick }, runDir);
    const exitCode = await new Promise<number | null>((resolve) => {
      managed.onUnexpectedExit = resolve;
      managed.start();
    });
    expect(exitCode).toBe(3);
    expect(managed.restarts).toBe(quick.maxFastFailures);
  });

  it('without a policy reports the first crash', async () => {
    const managed = new ManagedProcess({ name: 'once', ...node('process.exit(4)') }, runDir);
    const exitCode = await new Promise<number | null>((resolve) => {
      managed.onUnexpectedExit = resolve;
      managed.start();
    });
    expect(exitCode).toBe(4);
    expect(managed.restarts).toBe(0);
  });
});
