import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// The buyer's journeys in Debian Chromium against the whole stack exactly as `npm start` starts
// it (Temporal, stripe-mock, worker, API, the seeded demo catalog built into storefronts, the
// edge), so the storefront's islands reach the API same-origin through the edge's `/v1` proxy.
// Each scenario takes a fresh browser context (its own storage and service worker).

const artifacts = path.join(repo, '.test-results');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** Waits until the page's service worker is `activated` (`ready` resolves while it is still activating). */
async function serviceWorkerActivated(page: Page): Promise<void> {
  // Browser code as text: this package is typechecked without the DOM library.
  await page.evaluate(`navigator.serviceWorker.ready.then((r) => r.active.state === 'activated'
    || new Promise((resolve) => r.active.addEventListener('statechange', () => r.active.state === 'activated' && resolve(true))))`);
}

/** Waits until every island on the page has hydrated (Astro drops `ssr` from hydrated islands). */
async function hydrated(page: Page): Promise<void> {
  // Polled through evaluate (DevTools, outside the page's CSP): waitForFunction with a string
  // needs eval, which the storefront's CSP rightly refuses.
  await expect.poll(() => page.evaluate("document.querySelectorAll('astro-island[ssr]').length")).toBe(0);
}

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
    const response = await apiRequest<{ token: string }>(place.ports.api, apiHost(handle), 'POST', '/v1/dev/token', {
      body: { email, role: 'buyer' },
    });
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

  it('reads offline: visited and precached pages with the stale banner, the offline page otherwise; online a 404 stays a 404', async () => {
    const { context, page } = await fresh();
    const shop = origin('aurora');
    // The catalog export the start command built the storefront from: its newest products are precached.
    const exported = JSON.parse(await readFile(path.join(place.dataDir, 'site', 'catalog', 'aurora.json'), 'utf8')) as {
      products: { slug: string }[];
    };
    await page.goto(`${shop}/`);
    await serviceWorkerActivated(page);
    const missing = await page.goto(`${shop}/no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByTestId('not-found').isVisible()).toBe(true);
    await page.goto(`${shop}/artists/maya-lind/`);
    expect(await page.getByTestId('stale-banner').isHidden()).toBe(true);

    await context.setOffline(true);
    await page.goto(`${shop}/artists/maya-lind/`);
    expect(await page.locator('h1').textContent()).toBe('Maya Lind');
    await expect.poll(() => page.getByTestId('stale-banner').isVisible()).toBe(true);
    expect(await page.getByTestId('stale-banner').textContent()).toMatch(/data may be stale \(as of .+\)/);

    const unvisited = exported.products.map((p) => p.slug).find((slug) => slug !== 'tidal-single');
    await page.goto(`${shop}/products/${unvisited}/`);
    expect(await page.getByTestId('product').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('stale-banner').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'offline-product-page.png'), fullPage: true });

    await page.goto(`${shop}/works/tidal/`);
    expect(await page.getByTestId('offline-page').isVisible()).toBe(true);
    await context.close();
  });

  it('searches through the API while online (by creator name too) and through the prebuilt index offline', async () => {
    const { context, page } = await fresh();
    await page.goto(`${origin('aurora')}/search/`);
    await hydrated(page);
    const results = page.getByTestId('search-results');
    await page.getByTestId('search-input').pressSequentially('tid');
    await expect.poll(() => results.getAttribute('data-source')).toBe('api');
    await expect.poll(() => results.locator('a', { hasText: 'Tidal' }).count()).toBeGreaterThan(0);
    // The full-text search matches who made it, not only titles.
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').pressSequentially('maya');
    await expect.poll(() => results.getAttribute('data-source')).toBe('api');
    await expect.poll(() => results.locator('a').count()).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').pressSequentially('tid');
    await expect.poll(() => results.getAttribute('data-source')).toBe('index');
    await expect.poll(() => results.locator('a', { hasText: 'Tidal' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('queues a wishlist change made offline and delivers it to the API after reconnect', async () => {
    const { context, page } = await fresh();
    const email = 'wishlist-journey@example.com';
    const signedIn = await apiRequest<{ token: string; expiresAt: string }>(
      place.ports.api,
      apiHost('aurora'),
      'POST',
      '/v1/dev/token',
      { body: { email, role: 'buyer' } },
    );
    expect(signedIn.status).toBe(200);
    const { token, expiresAt } = signedIn.json;
    const wishlist = async (): Promise<string[]> => {
      const answer = await apiRequest<{ items: { productId: string }[] }>(
        place.ports.api,
        apiHost('aurora'),
        'GET',
        '/v1/me/wishlist',
        { token },
      );
      expect(answer.status).toBe(200);
      return answer.json.items.map((item) => item.productId);
    };
    const tidal = (
      await apiRequest<{ id: string }>(place.ports.api, apiHost('aurora'), 'GET', '/v1/catalog/products/tidal-single')
    ).json.id;

    // Signed in the way the account island keeps a session (localStorage, per storefront).
    await page.goto(`${origin('aurora')}/`);
    await page.evaluate((session) => localStorage.setItem('fanfare:session:aurora', JSON.stringify(session)), {
      token,
      expiresAt,
      email,
    });
    // The worker active before the product page loads, so it keeps that page for offline use.
    await serviceWorkerActivated(page);
    await page.goto(`${origin('aurora')}/products/tidal-single/`);
    const toggle = page.getByTestId('wishlist-toggle');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await context.setOffline(true);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.textContent()).toBe('In wishlist');
    expect(await wishlist()).not.toContain(tidal);
    // Still there after a reload offline: the page comes from the worker, the wishlist from this browser.
    await page.reload();
    await expect.poll(() => page.getByTestId('wishlist-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await wishlist()).not.toContain(tidal);

    await context.setOffline(false);
    await expect.poll(wishlist, { timeout: 30_000, interval: 500 }).toContain(tidal);
    // Delivered changes leave the queue the page and the worker share.
    await expect
      .poll(() =>
        page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('fanfare-wishlist');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const count = open.result.transaction('changes').objectStore('changes').count();
        count.onsuccess = () => resolve(count.result);
      };
    })`),
      )
      .toBe(0);
    await page.goto(`${origin('aurora')}/wishlist/`);
    await expect.poll(() => page.getByTestId('wishlist-items').textContent()).toContain('Tidal');

    // The worker's own replay: removed offline, then only on a page without wishlist islands
    // (which never replays), so the service worker's `sync` handler alone can deliver it.
    // Chromium fires the sync it registered by the machine's real network state, so it may
    // already have run and succeeded once the page is back online; if not (it retries a failed
    // sync only minutes later), the sync event comes through DevTools.
    await page.goto(`${origin('aurora')}/products/tidal-single/`);
    await expect.poll(() => page.getByTestId('wishlist-toggle').getAttribute('aria-pressed')).toBe('true');
    await context.setOffline(true);
    await page.getByTestId('wishlist-toggle').click();
    await expect.poll(() => page.getByTestId('wishlist-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.goto(`${origin('aurora')}/eula/`);
    await context.setOffline(false);
    if ((await wishlist()).includes(tidal)) await dispatchWishlistSync(context, page);
    await expect.poll(wishlist, { timeout: 30_000, interval: 500 }).not.toContain(tidal);
    await context.close();
  }, 90_000);

  /** Fires the storefront worker's `wishlist-sync` event through DevTools, as a reconnect would. */
  async function dispatchWishlistSync(context: BrowserContext, page: Page): Promise<void> {
    const devtools = await context.newCDPSession(page);
    const registrations = new Promise<{ registrationId: string; scopeURL: string }[]>((resolve) =>
      devtools.on('ServiceWorker.workerRegistrationUpdated', (event) => resolve(event.registrations)),
    );
    await devtools.send('ServiceWorker.enable');
    const registration = (await registrations).find((r) => r.scopeURL.startsWith(origin('aurora')));
    expect(registration).toBeDefined();
    await devtools.send('ServiceWorker.dispatchSyncEvent', {
      origin: origin('aurora'),
      registrationId: registration?.registrationId ?? '',
      tag: 'wishlist-sync',
      lastChance: false,
    });
  }

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
    await expect
      .poll(() => page.getByTestId('checkout-total').textContent(), { timeout: 30_000 })
      .toMatch(/^\$\d+\.\d\d$/);
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
    const session = JSON.parse(String(await page.evaluate("localStorage.getItem('fanfare:session:aurora')"))) as {
      token: string;
    };
    const owned = await apiRequest<{
      entitlements: { product: { slug: string }; assets: { id: string; filename: string; sizeBytes: number }[] }[];
    }>(place.ports.api, apiHost('aurora'), 'GET', '/v1/me/entitlements', { token: session.token });
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
