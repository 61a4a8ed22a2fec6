import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, pressCtrlC, repo, stackPlace, startProduct, until, type StackPlace, type StartedProduct } from './support/started-stack.js';

// The buyer's journeys in Debian Chromium against the whole stack exactly as `npm start` starts
// it (Temporal, stripe-mock, worker, API, the seeded demo catalog built into storefronts, the
// edge), so the storefront's islands reach the API same-origin through the edge's `/v1` proxy.
// Each scenario takes a fresh browser context (its own storage and service worker).

const artifacts = path.join(repo, '.test-results');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

describe('storefront journeys in Chromium (the stack as `npm start` starts it)', () => {
  let place: StackPlace;
  let product: StartedProduct;
  let browser: Browser;

  /** The storefront of `handle` as a buyer's browser reaches it. */
  const origin = (handle: string): string => `http://${handle}.localhost:${place.ports.site}`;
  /** The Host the API sees for `handle`'s storefront (the edge forwards the buyer's Host). */
  const apiHost = (handle: string): string => `${handle}.localhost:${place.ports.site}`;
  /** A development buyer token minted by the API directly, for checking from the test what the browser did. */
  const buyerToken = async (handle: string, email: string): Promise<string> => {
    const response = await apiRequest<{ token: string }>(place.ports.api, apiHost(handle), 'POST', '/v1/dev/token', { body: { email, role: 'buyer' } });
    expect(response.status).toBe(200);
    return response.json.token;
  };
  const fresh = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ acceptDownloads: true });
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    place = await stackPlace('shop');
    product = startProduct(place.env);
    await until(product, 'Fanfare is running', 300_000);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    await mkdir(artifacts, { recursive: true });
  }, 330_000);

  afterAll(async () => {
    await browser?.close();
    if (product !== undefined) {
      pressCtrlC(product);
      await product.exited;
    }
    await place?.remove();
  }, 60_000);

  it('serves the storefront with its API same-origin through the edge', async () => {
    const { context, page } = await fresh();
    await page.goto(`${origin('aurora')}/`);
    expect(await page.locator('h1').textContent()).toBe('Aurora Records');
    const catalog = await page.evaluate(async () => {
      const response = await fetch('/v1/catalog/products');
      return { status: response.status, count: ((await response.json()) as { items: unknown[] }).items.length };
    });
    expect(catalog.status).toBe(200);
    expect(catalog.count).toBeGreaterThan(0);
    expect(await buyerToken('aurora', 'journey-check@example.com')).toMatch(/^ey/);
    await context.close();
  });
});
