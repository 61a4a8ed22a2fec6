import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtFrom,
  databasePlan,
  goBuildInfo,
  goToolDecision,
  missingPackageMessages,
  versionMatches,
} from '../bootstrap-checks.mjs';
import { PINS, steps } from '../bootstrap.mjs';

const repo = path.resolve(import.meta.dirname, '..', '..');
const builtTools = path.join(repo, '.tools', 'bin');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-tools-'));
  scratch.push(dir);
  return dir;
}

/** A folder on PATH holding the real, already built servers, as a machine that installed them itself has. */
function pathWithServers(): string {
  const dir = tempDir();
  for (const name of ['temporal', 'stripe-mock']) symlinkSync(path.join(builtTools, name), path.join(dir, name));
  return dir;
}

/** An environment with no Go anywhere: neither on PATH nor in GOROOT. */
function withoutGo(extraPath: string[] = []): NodeJS.ProcessEnv {
  return { ...process.env, PATH: [...extraPath, '/usr/bin', '/bin'].join(path.delimiter), GOROOT: '/nonexistent-go' };
}

type PlanRow = { step: string; action: string; detail?: string };

function plan(env: NodeJS.ProcessEnv): Record<string, PlanRow> {
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts', 'bootstrap.mjs'), 'plan'], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return Object.fromEntries((JSON.parse(result.stdout) as PlanRow[]).map((row) => [row.step, row]));
}

describe('bootstrap decisions for Go-built servers', () => {
  const pin = PINS.temporal;

  it('reads versions as whole versions, with or without the v', () => {
    expect(versionMatches('temporal version 1.5.1 (Server 1.29.1, UI 2.41.0)', 'v1.5.1')).toBe(true);
    expect(versionMatches('temporal version 1.5.10 (Server 1.29.1)', 'v1.5.1')).toBe(false);
    expect(versionMatches('temporal version 1.4.1 (Server 1.5.1)', 'v1.5.1')).toBe(true);
    expect(versionMatches('v0.197.0', 'v0.197.0')).toBe(true);
    expect(versionMatches('0.197.0\n', 'v0.197.0')).toBe(true);
    expect(versionMatches('v0.197.01', 'v0.197.0')).toBe(false);
    expect(versionMatches('', 'v0.197.0')).toBe(false);
  });

  it('reads the Go build info of a `go install` build, whose --version says only 0.0.0-DEV', () => {
    const temporal = path.join(builtTools, 'temporal');
    expect(spawnSync(temporal, ['--version'], { encoding: 'utf8' }).stdout).toContain('0.0.0-DEV');
    const info = goBuildInfo(temporal);
    expect(info).toContain('path\tgithub.com/temporalio/cli/cmd/temporal\n');
    expect(builtFrom(info, pin)).toBe(true);
    expect(builtFrom(info, { ...pin, version: 'v1.4.0' })).toBe(false);
    expect(builtFrom(info, PINS.stripeMock)).toBe(false);
    expect(goBuildInfo(path.join(repo, 'package.json'))).toBe('');
  });

  it('reuses a `go install` build on PATH by its build info', () => {
    const decision = goToolDecision({
      name: 'temporal',
      pin,
      installed: false,
      onPath: {
        file: '/root/go/bin/temporal',
        output: 'temporal version 0.0.0-DEV (Server 1.29.1, UI 2.42.1)',
        buildInfo: 'path\tgithub.com/temporalio/cli/cmd/temporal\nmod\tgithub.com/temporalio/cli\tv1.5.1\th1:x=\n',
      },
      go: undefined,
    });
    expect(decision).toMatchObject({ action: 'reuse', link: '/root/go/bin/temporal' });
  });

  it('keeps what the tools folder has', () => {
    expect(goToolDecision({ name: 'temporal', pin, installed: true, onPath: undefined, go: undefined })).toMatchObject({
      action: 'reuse',
    });
  });

  it('reuses a binary found on PATH at the pinned version, without building', () => {
    const decision = goToolDecision({
      name: 'temporal',
      pin,
      installed: false,
      onPath: { file: '/opt/bin/temporal', output: 'temporal version 1.5.1 (Server 1.29.1, UI 2.41.0)' },
      go: 'go',
    });
    expect(decision).toEqual({
      action: 'reuse',
      detail: '/opt/bin/temporal (on PATH, v1.5.1)',
      link: '/opt/bin/temporal',
    });
  });

  it('builds with Go when the binary on PATH is another version, and says so', () => {
    const decision = goToolDecision({
      name: 'temporal',
      pin,
      installed: false,
      onPath: { file: '/opt/bin/temporal', output: 'temporal version 1.3.0 (Server 1.27.1, UI 2.36.0)' },
      go: 'go',
    });
    expect(decision.action).toBe('install');
    expect(decision.detail).toBe(
      'go install github.com/temporalio/cli/cmd/temporal@v1.5.1 (/opt/bin/temporal on PATH is not v1.5.1)',
    );
  });

  it('names what to install when there is neither Go nor a binary', () => {
    const decision = goToolDecision({ name: 'temporal', pin, installed: false, onPath: undefined, go: undefined });
    expect(decision).toEqual({
      action: 'missing',
      detail: 'temporal v1.5.1: install Go (https://go.dev/dl/) to build it, or put temporal v1.5.1 on PATH',
    });
  });

  it('says per missing system package how to get it and what does not work meanwhile', () => {
    expect(missingPackageMessages(['ffmpeg', 'chromium'], { apt: true, root: false })).toEqual([
      'ffmpeg is missing (install it with: sudo apt-get install ffmpeg); meanwhile the worker cannot transcode audio and video, and the demo catalog gets no media renditions',
      'chromium is missing (install it with: sudo apt-get install chromium); meanwhile the browser tests cannot run',
    ]);
    expect(missingPackageMessages(['ffmpeg'], { apt: false, root: false })[0]).toContain(
      "install ffmpeg with your system's package manager",
    );
  });
});

describe('bootstrap plan and install on a machine without Go (real servers, real PATH lookups)', () => {
  it('plans to reuse the servers found on PATH at the pinned versions (read from their Go build info)', () => {
    const onPath = pathWithServers();
    const rows = plan({ ...withoutGo([onPath]), FANFARE_TOOLS_DIR: tempDir() });
    expect(rows.temporal).toEqual({
      step: 'temporal',
      action: 'reuse',
      detail: `${path.join(onPath, 'temporal')} (on PATH, v1.5.1)`,
    });
    expect(rows['stripe-mock']).toMatchObject({ action: 'reuse', detail: expect.stringContaining(onPath) });
  });

  it('links a server found on PATH into the tools folder instead of building it', () => {
    const onPath = pathWithServers();
    const tools = tempDir();
    const temporal = steps({ ...withoutGo([onPath]), FANFARE_TOOLS_DIR: tools }).list.find(
      (step: { name: string }) => step.name === 'temporal',
    );
    if (temporal === undefined) throw new Error('no temporal step');
    expect(temporal.present()).toBe(false);
    temporal.install();
    expect(temporal.present()).toBe(true);
    expect(lstatSync(path.join(tools, 'bin', 'temporal')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(tools, 'bin', 'temporal'))).toBe(path.join(onPath, 'temporal'));
  });

  it('stops before installing anything with one message naming what to install, no stack trace', () => {
    const tools = tempDir();
    const env = { ...withoutGo(), FANFARE_TOOLS_DIR: tools };
    expect(plan(env).temporal).toMatchObject({ action: 'missing', detail: expect.stringContaining('install Go') });
    const run = spawnSync(process.execPath, [path.join(repo, 'scripts', 'bootstrap.mjs')], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        '[bootstrap] cannot continue; missing:',
        '  - temporal v1.5.1: install Go (https://go.dev/dl/) to build it, or put temporal v1.5.1 on PATH',
        '  - stripe-mock v0.197.0: install Go (https://go.dev/dl/) to build it, or put stripe-mock v0.197.0 on PATH',
        '  - mailpit v1.33.1: install Go (https://go.dev/dl/) to build it, or put mailpit v1.33.1 on PATH',
        '',
      ].join('\n'),
    );
    expect(existsSync(path.join(tools, 'pnpm'))).toBe(false);
  });
});

describe('bootstrap plan for PostgreSQL', () => {
  it('reports DATABASE_URL as set, the machine server when one answers, else the embedded one', async () => {
    expect(await databasePlan({ DATABASE_URL: 'postgres://app@db.internal:5432/fanfare' })).toMatchObject({
      action: 'reuse',
      detail: 'DATABASE_URL, as set',
    });
    const listening = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    const { port } = listening.address() as net.AddressInfo;
    expect(await databasePlan({ FANFARE_POSTGRES_ADDRESS: `127.0.0.1:${port}` })).toMatchObject({
      action: 'reuse',
      detail: `the machine's, at 127.0.0.1:${port}`,
    });
    await new Promise((resolve) => listening.close(resolve));
    expect(await databasePlan({ FANFARE_POSTGRES_ADDRESS: `127.0.0.1:${port}` })).toMatchObject({
      action: 'embedded',
    });
  });
});
