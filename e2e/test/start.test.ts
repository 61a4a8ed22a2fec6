import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadConfig } from '@fanfare/config';
import { freePort, isPortOpen } from '../../scripts/dev/ports.js';
import { workerPolling } from '../../scripts/dev/worker-polling.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

/** One `npm start` as a newcomer runs it, in its own process group like a terminal would. */
interface StartedProduct {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv): StartedProduct {
  let output = '';
  const child = spawn(process.execPath, [path.join(repo, 'scripts', 'bootstrap.mjs'), 'start'], {
    cwd: repo,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(product: StartedProduct, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!product.output().includes(text)) {
    if (product.child.exitCode !== null) throw new Error(`start exited early:\n${product.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" after ${timeoutMs} ms:\n${product.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A GET with a chosen Host header, as a browser at a storefront sends it (fetch may not set Host). */
function getWithHost(port: number, urlPath: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.once('error', reject);
  });
}

/** Ctrl-C in a terminal: SIGINT to the whole foreground process group. */
function pressCtrlC(product: StartedProduct): void {
  if (product.child.pid !== undefined) process.kill(-product.child.pid, 'SIGINT');
}

describe('npm start (whole stack, real processes)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-start-'));
  const database = `fanfare_e2e_${process.pid}`;
  const env: NodeJS.ProcessEnv = {};
  let ports: { api: number; temporal: number; ui: number; stripe: number; site: number };

  beforeAll(async () => {
    ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), stripe: await freePort(), site: await freePort() };
    Object.assign(env, {
      FANFARE_ENV: 'development',
      FANFARE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      API_PORT: String(ports.api),
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${ports.ui}`,
      STRIPE_API_BASE: `http://127.0.0.1:${ports.stripe}`,
      SITE_PORT: String(ports.site),
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    });
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything, prints the URLs, serves health and Temporal UI, and stops cleanly on Ctrl-C', async () => {
    const product = start(env);
    await until(product, 'Fanfare is running', 240_000);
    expect(product.output()).toContain(`http://127.0.0.1:${ports.api}`);
    expect(product.output()).toContain(`http://127.0.0.1:${ports.ui}`);

    const health = await fetch(`http://127.0.0.1:${ports.api}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { db: { status: 'up' }, temporal: { status: 'up' } } });
    expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
    expect(await workerPolling(loadConfig({ ...process.env, ...env }))).toBe(true);

    const attributes = spawnSync(
      path.join(repo, '.tools', 'bin', 'temporal'),
      ['operator', 'search-attribute', 'list', '--address', `127.0.0.1:${ports.temporal}`, '--namespace', 'default'],
      { encoding: 'utf8' },
    );
    for (const name of ['TenantId', 'OrderId', 'CreatorId', 'Domain', 'ProcessStatus']) {
      expect(attributes.stdout).toContain(name);
    }

    const catalog = await getWithHost(ports.api, '/v1/catalog/products', `aurora.localhost:${ports.api}`);
    expect(catalog.status).toBe(200);
    const products = (JSON.parse(catalog.body) as { items: { slug: string }[] }).items;
    expect(products.length).toBeGreaterThan(0);

    expect(product.output()).toContain(`http://aurora.localhost:${ports.site}`);
    const storefront = await getWithHost(ports.site, `/products/${products[0]?.slug}/`, `aurora.localhost:${ports.site}`);
    expect(storefront.status).toBe(200);
    expect(storefront.body).toContain('Aurora Records');
    expect((await getWithHost(ports.site, '/', `inkwell.localhost:${ports.site}`)).body).toContain('Inkwell Press');

    pressCtrlC(product);
    expect(await product.exited).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortOpen(port)).toBe(false);
  }, 300_000);

  it('starts again on the same data, and clears the leftovers of a start that was killed outright', async () => {
    const killed = start(env);
    await until(killed, 'Fanfare is running', 180_000);
    // SIGKILL of the start command's own process group leaves its children running, as a crash would.
    if (killed.child.pid !== undefined) process.kill(-killed.child.pid, 'SIGKILL');
    await killed.exited;
    expect(await isPortOpen(ports.api)).toBe(true);

    const again = start(env);
    await until(again, 'Fanfare is running', 180_000);
    expect(again.output()).toContain('Stopped leftovers of an earlier run');
    const health = await fetch(`http://127.0.0.1:${ports.api}/v1/health`);
    expect(health.status).toBe(200);
    pressCtrlC(again);
    expect(await again.exited).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortOpen(port)).toBe(false);
  }, 400_000);
});
