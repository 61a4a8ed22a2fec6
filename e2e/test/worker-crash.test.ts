import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRequest,
  pressCtrlC,
  stackPlace,
  startProduct,
  until,
  type StackPlace,
  type StartedProduct,
} from './support/started-stack.js';

const SIBLINGS = ['temporal', 'stripe-mock', 'api', 'site'] as const;

describe('npm start survives a worker crash (whole stack, real processes)', () => {
  let place: StackPlace;
  let product: StartedProduct | undefined;

  beforeAll(async () => {
    place = await stackPlace('crash');
  });
  afterAll(async () => {
    if (product !== undefined && product.child.exitCode === null) {
      pressCtrlC(product);
      await product.exited;
    }
    await place?.remove();
  });

  const pidOf = (name: string): number => Number(readFileSync(path.join(place.dataDir, 'run', `${name}.pid`), 'utf8'));
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('restarts a worker killed with -9 mid-checkout; the checkout finishes and nothing else restarts', async () => {
    product = startProduct(place.env);
    await until(product, 'Fanfare is running', 240_000);
    const { api } = place.ports;
    const host = `aurora.localhost:${place.ports.site}`;

    const catalog = await apiRequest<{ items: { id: string }[] }>(api, host, 'GET', '/v1/catalog/products');
    const productId = catalog.json.items[0]?.id;
    expect(productId).toBeDefined();
    const idempotencyKey = `crash-${randomUUID()}`;
    const started = await apiRequest<{ status: string }>(api, host, 'POST', '/v1/checkout', {
      body: {
        items: [{ productId, quantity: 1 }],
        country: 'NO',
        email: 'crash@example.com',
        idempotencyKey,
        eulaAccepted: { version: '2026-01' },
      },
    });
    expect(started.status, JSON.stringify(started.json)).toBe(200);
    expect(started.json.status).toBe('awaiting_payment');

    const siblings = Object.fromEntries(SIBLINGS.map((name) => [name, pidOf(name)]));
    const worker = pidOf('worker');
    // kill -9 of the worker's process group (tsx and the script it runs), as a crash would.
    process.kill(-worker, 'SIGKILL');
    const paid = await apiRequest<{ outcome: string }>(api, host, 'POST', '/v1/dev/checkout/complete-payment', {
      body: { idempotencyKey },
    });
    expect(paid.status, JSON.stringify(paid.json)).toBe(200);

    await until(product, '[worker] crashed (signal SIGKILL)', 30_000);
    expect(product.output()).toMatch(/\[worker\] crashed \(signal SIGKILL\) after \d+ ms; restarting in \d+ ms/);
    const deadline = Date.now() + 120_000;
    let status = '';
    while (status !== 'paid' && Date.now() < deadline) {
      const answer = await apiRequest<{ status: string }>(
        api,
        host,
        'GET',
        `/v1/checkout/status?idempotencyKey=${idempotencyKey}`,
      );
      status = answer.json.status;
      if (status !== 'paid') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe('paid');

    expect(pidOf('worker')).not.toBe(worker);
    for (const name of SIBLINGS) {
      expect(pidOf(name), name).toBe(siblings[name]);
      expect(alive(siblings[name] ?? 0), name).toBe(true);
    }
    expect(product.output()).not.toMatch(/\[(api|site|temporal|stripe-mock)\] crashed/);
    expect(product.child.exitCode).toBeNull();

    pressCtrlC(product);
    expect(await product.exited).toBe(0);
  }, 420_000);
});
