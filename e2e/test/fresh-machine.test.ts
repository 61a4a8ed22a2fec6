import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isPortOpen } from '../../scripts/dev/ports.js';
import {
  apiRequest,
  pressCtrlC,
  repo,
  stackPlace,
  startProduct,
  until,
  type StackPlace,
  type StartedProduct,
} from './support/started-stack.js';

/** Pids of every process whose environment names `dataDir` as its FANFARE_DATA_DIR (all a stack starts inherit it). */
function processesOf(dataDir: string): number[] {
  const marker = `FANFARE_DATA_DIR=${dataDir}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

describe('a machine without a reachable PostgreSQL (npm start on the embedded server, real processes)', () => {
  let place: StackPlace;
  let env: NodeJS.ProcessEnv;
  let unreachable: string;
  let product: StartedProduct | undefined;

  beforeAll(async () => {
    place = await stackPlace('fresh');
    // As root the embedded server runs as `postgres`, who must be able to enter the data folder.
    chmodSync(place.dataDir, 0o755);
    // The machine's PostgreSQL is "elsewhere": the default address points at a port nobody listens on.
    unreachable = `127.0.0.1:${await freePort()}`;
    env = {
      ...place.env,
      DATABASE_URL: undefined,
      TEST_DATABASE_URL: undefined,
      FANFARE_POSTGRES_ADDRESS: unreachable,
    };
  });

  afterAll(async () => {
    // A failed run must not leave its stack behind either.
    if (product !== undefined && product.child.exitCode === null) {
      pressCtrlC(product);
      await product.exited;
    }
    await place?.remove();
  }, 60_000);

  it('plans the embedded server, starts healthy on it, takes a paid checkout, and stops leaving no process', async () => {
    const plan = spawnSync(process.execPath, [path.join(repo, 'scripts', 'bootstrap.mjs'), 'plan'], {
      cwd: repo,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(plan.status, plan.stderr).toBe(0);
    const rows = JSON.parse(plan.stdout) as { step: string; action: string; detail?: string }[];
    expect(rows.find((row) => row.step === 'postgresql')).toMatchObject({
      action: 'embedded',
      detail: expect.stringContaining(`nothing answers at ${unreachable}`),
    });
    expect(rows.filter((row) => row.step !== 'postgresql' && row.action !== 'reuse')).toEqual([]);

    product = startProduct(env);
    // Generous: on a loaded two-core machine the storefront build alone has taken 150 s.
    await until(product, 'Fanfare is running', 540_000);
    const banner = /PostgreSQL {5}embedded PostgreSQL 18 at 127\.0\.0\.1:(\d+)/.exec(product.output());
    expect(banner, product.output()).not.toBeNull();
    expect(product.output()).toContain(`nothing answers at ${unreachable}`);
    const databasePort = Number(banner?.[1]);
    expect(existsSync(path.join(place.dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const { api } = place.ports;
    const health = await fetch(`http://127.0.0.1:${api}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { db: { status: 'up' } } });

    // A guest checkout on the seeded storefront, paid with the development payment (a signed test webhook).
    const host = `aurora.localhost:${api}`;
    const catalog = await apiRequest<{ items: { id: string }[] }>(api, host, 'GET', '/v1/catalog/products');
    expect(catalog.status).toBe(200);
    const idempotencyKey = `fresh-${randomUUID()}`;
    const checkout = await apiRequest<{ orderId: string }>(api, host, 'POST', '/v1/checkout', {
      body: {
        items: [{ productId: catalog.json.items[0]?.id, quantity: 1 }],
        country: 'DE',
        email: 'fresh-machine@example.com',
        idempotencyKey,
        eulaAccepted: { version: '2026-01' },
      },
    });
    expect(checkout.status, JSON.stringify(checkout.json)).toBe(200);
    const paying = await apiRequest(api, host, 'POST', '/v1/dev/checkout/complete-payment', {
      body: { idempotencyKey },
    });
    expect(paying.status, JSON.stringify(paying.json)).toBeLessThan(300);
    const statusUrl = `/v1/checkout/status?idempotencyKey=${encodeURIComponent(idempotencyKey)}`;
    await expect
      .poll(async () => (await apiRequest<{ status: string }>(api, host, 'GET', statusUrl)).json.status, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe('paid');

    // The order is in the embedded server's `fanfare` database.
    const embedded = new pg.Client({
      connectionString: `postgres://postgres:fanfare@127.0.0.1:${databasePort}/fanfare`,
    });
    await embedded.connect();
    const orders = await embedded.query('select count(*)::int as n from orders where id = $1', [checkout.json.orderId]);
    await embedded.end();
    expect(orders.rows[0]).toEqual({ n: 1 });

    pressCtrlC(product);
    expect(await product.exited).toBe(0);
    expect(product.output()).toContain('Stopped.');
    for (const port of [...Object.values(place.ports), databasePort]) expect(await isPortOpen(port)).toBe(false);
    expect(processesOf(place.dataDir)).toEqual([]);
  }, 660_000);
});
