import { mkdir, readFile } from 'node:fs/promises';
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

  it('buys in the browser: sign in, add to cart, check out with the development test payment, see it in the library and download the file', async () => {
    const { context, page } = await fresh();
    const shop = origin('aurora');
    const email = 'checkout-journey@example.com';

    // Signed in through the account form of My products (the development issuer).
    await page.goto(`${shop}/library/`);
    const signIn = page.getByTestId('sign-in');
    await signIn.getByLabel('Email address').fill(email);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toContain(email);

    await page.goto(`${shop}/products/tidal-single/`);
    const add = page.getByTestId('add-to-cart');
    await expect.poll(() => add.isEnabled()).toBe(true);
    await add.click();
    await page.goto(`${shop}/cart/`);
    const buyerEmail = page.getByTestId('checkout-email');
    await expect.poll(() => buyerEmail.inputValue()).toBe(email);
    expect(await buyerEmail.getAttribute('readonly')).not.toBeNull();
    await page.getByTestId('checkout-country').selectOption('US');
    await page.getByTestId('checkout-region').selectOption('NY');
    await page.getByTestId('checkout-eula').check();
    await page.getByTestId('checkout-pay').click();
    await expect.poll(() => page.getByTestId('checkout-total').textContent(), { timeout: 30_000 }).toMatch(/^\$\d+\.\d\d$/);
    expect(await page.getByTestId('checkout-totals').textContent()).toMatch(/Subtotal\$[\d.]+Tax\$[\d.]+Total\$[\d.]+/);
    // The build has a publishable key, but js.stripe.com is out of reach here: the checkout says so.
    const card = page.getByTestId('card-status');
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 20_000 }).toBe('unreachable');
    expect(await card.textContent()).toContain('Card payment needs a connection to Stripe');

    await Promise.all([page.waitForURL(/\/checkout\/result\/\?key=[\w-]+$/), page.getByTestId('dev-pay').click()]);
    const status = page.getByTestId('checkout-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Paid\. Invoice \S+\.$/);
    expect(await page.evaluate("localStorage.getItem('fanfare:cart:aurora')")).toBe('[]');

    await page.getByTestId('go-to-library').click();
    const item = page.getByTestId('library-item').filter({ hasText: 'Tidal' });
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(1);
    const session = JSON.parse(String(await page.evaluate("localStorage.getItem('fanfare:session:aurora')"))) as { token: string };
    const owned = await apiRequest<{ entitlements: { product: { slug: string }; assets: { id: string; filename: string; sizeBytes: number }[] }[] }>(
      place.ports.api, apiHost('aurora'), 'GET', '/v1/me/entitlements', { token: session.token },
    );
    const asset = owned.json.entitlements.find((e) => e.product.slug === 'tidal-single')?.assets[0];
    expect(asset).toBeDefined();
    const button = item.locator(`[data-testid="download"][data-asset-id="${asset?.id}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(asset?.filename);
    const saved = await readFile(String(await download.path()));
    expect(saved.length).toBe(asset?.sizeBytes);
    await expect.poll(() => item.getByTestId('download-status').first().textContent()).toContain('has started');
    await context.close();
  }, 180_000);
});
