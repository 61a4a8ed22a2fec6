import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import '../../../scripts/test-support/provided.js';
import { freePort } from '../../../scripts/dev/ports.js';

export const repo = path.resolve(import.meta.dirname, '..', '..', '..');

/** One `npm start` as a newcomer runs it, in its own process group like a terminal would. */
export interface StartedProduct {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The ports one stack listens on; all free ones, so stacks of parallel test files never meet. */
export interface StackPorts {
  api: number;
  temporal: number;
  ui: number;
  stripe: number;
  site: number;
  smtp: number;
  mailpit: number;
  identity: number;
}

/** Where a test's stack lives: its ports, environment, database and data folder. */
export interface StackPlace {
  ports: StackPorts;
  env: NodeJS.ProcessEnv;
  database: string;
  dataDir: string;
  /** Drops the database and the data folder. */
  remove(): Promise<void>;
}

/** `database` on the test run's PostgreSQL server (the machine's, or the embedded one the run started). */
function onTestServer(database: string): string {
  const url = new URL(inject('databaseServerUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/** Picks free ports, a database name and a data folder for one stack, the way a developer would set them in `.env`. */
export async function stackPlace(label: string): Promise<StackPlace> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `fanfare-${label}-`));
  const database = `fanfare_${label}_${process.pid}`;
  const ports: StackPorts = {
    api: await freePort(),
    temporal: await freePort(),
    ui: await freePort(),
    stripe: await freePort(),
    site: await freePort(),
    smtp: await freePort(),
    mailpit: await freePort(),
    identity: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    FANFARE_ENV: 'development',
    FANFARE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    API_PORT: String(ports.api),
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_UI_URL: `http://127.0.0.1:${ports.ui}`,
    STRIPE_API_BASE: `http://127.0.0.1:${ports.stripe}`,
    // A test-mode publishable key, as a developer trying the checkout sets one: the storefront
    // then offers Stripe's card form (which needs js.stripe.com) beside the development payment.
    STRIPE_PUBLISHABLE_KEY: 'pk_test_fanfarelocal',
    SITE_PORT: String(ports.site),
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    MAILPIT_UI_URL: `http://127.0.0.1:${ports.mailpit}`,
    IDENTITY_PORT: String(ports.identity),
    DATABASE_URL: onTestServer(database),
  };
  return {
    ports,
    env,
    database,
    dataDir,
    remove: async () => {
      const admin = new pg.Client({ connectionString: inject('databaseServerUrl') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `npm start`'s own command (the bootstrap's `start`), detached into its own process group. */
export function startProduct(env: NodeJS.ProcessEnv): StartedProduct {
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

/** Waits until the product prints `text`; fails with everything it printed if it exits or takes too long. */
export async function until(product: StartedProduct, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!product.output().includes(text)) {
    if (product.child.exitCode !== null) throw new Error(`start exited early:\n${product.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" after ${timeoutMs} ms:\n${product.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Ctrl-C in a terminal: SIGINT to the whole foreground process group. */
export function pressCtrlC(product: StartedProduct): void {
  if (product.child.pid !== undefined) process.kill(-product.child.pid, 'SIGINT');
}

/** A GET with a chosen Host header, as a browser at a storefront sends it (fetch may not set Host). */
export function getWithHost(port: number, urlPath: string, host: string): Promise<{ status: number; body: string }> {
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

/** A JSON request to the API with a chosen Host (the storefront's tenant) and optional bearer token. */
export function apiRequest<T>(
  port: number,
  host: string,
  method: string,
  urlPath: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; json: T }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method,
        headers: {
          host,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: (body === '' ? null : JSON.parse(body)) as T }),
        );
      },
    );
    request.once('error', reject);
    request.end(payload);
  });
}
