import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@fanfare/config';
import { isPortOpen } from '../../scripts/dev/ports.js';
import { workerPolling } from '../../scripts/dev/worker-polling.js';
import {
  getWithHost,
  pressCtrlC,
  repo,
  stackPlace,
  startProduct as start,
  until,
  type StackPlace,
  type StackPorts,
} from './support/started-stack.js';

describe('npm start (whole stack, real processes)', () => {
  let place: StackPlace;
  let env: NodeJS.ProcessEnv;
  let ports: StackPorts;

  beforeAll(async () => {
    place = await stackPlace('e2e');
    ({ env, ports } = place);
  });

  afterAll(async () => {
    await place?.remove();
  });

  it('starts everything, prints the URLs, serves health and Temporal UI, and stops cleanly on Ctrl-C', async () => {
    const product = start(env);
    await until(product, 'Fanfare is running', 240_000);
    expect(product.output()).toContain(`http://127.0.0.1:${ports.api}`);
    expect(product.output()).toContain(`http://127.0.0.1:${ports.ui}`);

    const health = await fetch(`http://127.0.0.1:${ports.api}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      checks: { db: { status: 'up' }, temporal: { status: 'up' } },
    });
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
    const storefront = await getWithHost(
      ports.site,
      `/products/${products[0]?.slug}/`,
      `aurora.localhost:${ports.site}`,
    );
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
