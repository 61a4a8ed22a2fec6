import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTenant } from '../src/build/build-tenant.js';
import { exportCatalog } from '../src/export/export-catalog.js';
import { loadCatalogExport } from '../src/export/load-catalog.js';
import { FsBlobStore } from '@fanfare/storage';
import { rawGet } from './support/raw-get.js';
import {
  buildDemoStorefronts,
  CATALOG_PAGE_SIZE,
  hasFfmpeg,
  type BuiltStorefronts,
} from './support/built-storefronts.js';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Waits until the page's service worker is `activated` (`ready` resolves while still activating). */
async function serviceWorkerActivated(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker === null || worker.state === 'activated') return;
    await new Promise<void>((resolve) =>
      worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
    );
  });
}

/** Waits until every island on the page has hydrated (Astro drops `ssr` from hydrated islands). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

/** Scrolls every `client:visible` island into view, then waits until all islands have hydrated. */
async function hydrateAll(page: Page): Promise<void> {
  for (const island of await page.locator('astro-island[client="visible"]').all())
    await island.scrollIntoViewIfNeeded();
  await hydrated(page);
}

/**
 * Records CSP violations (the DOM event and Chromium's console report) from the first byte on;
 * the returned function gives those of the current page and of console reports since its last call.
 */
async function watchCsp(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    window.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      true,
    );
  });
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  return async () => [
    ...reported.splice(0),
    ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
  ];
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, not as an inline <script>, which the page's CSP rightly refuses.
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.skipIf(!hasFfmpeg())('storefront in Chromium (demo catalog built and served by the edge)', () => {
  let built: BuiltStorefronts;
  let browser: Browser;
  let aurora: string;
  let inkwellSlugs: string[];

  beforeAll(async () => {
    built = await buildDemoStorefronts(inject('databaseUrl'));
    aurora = built.origin('aurora');
    inkwellSlugs = (await loadCatalogExport('inkwell', built.catalogDir)).products.map((p) => p.slug);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await built?.close();
  });

  const fresh = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext();
    return { context, page: await context.newPage() };
  };

  /** A storefront's products in the catalog's order: newest first, then by slug. */
  const newestFirst = async (handle: string) =>
    (await loadCatalogExport(handle, built.catalogDir)).products.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || a.slug.localeCompare(b.slug),
    );

  it('browses from home to a product page, with JSON-LD, canonical URL and Open Graph', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Aurora Records');
    await page.locator('a[href^="/products/tidal-single/"]').first().click();
    await page.waitForURL(`${aurora}/products/tidal-single/`);
    expect(await page.locator('h1').textContent()).toBe('Tidal');
    expect(await page.getByTestId('price').textContent()).toContain('$');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(ld['@type']).toEqual(['Product', 'MusicRecording']);
    expect(ld.offers).toMatchObject({ '@type': 'Offer', priceCurrency: 'USD' });
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(`${aurora}/products/tidal-single/`);
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('product');
    expect(await page.locator('audio source').getAttribute('src')).toMatch(/^\/media\/preview-/);
    await context.close();
  });

  it('finds a product through search autocomplete', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/search/`);
    await hydrated(page);
    await page.getByTestId('search-input').pressSequentially('solst');
    // No API behind this edge: /v1/catalog/search fails, so the prebuilt index answers.
    await expect.poll(() => page.getByTestId('search-results').getAttribute('data-source')).toBe('index');
    await page.getByTestId('search-results').locator('a', { hasText: 'Solstice' }).first().click();
    await page.waitForURL(/\/products\/solstice/);
    expect(await page.locator('h1').textContent()).toContain('Solstice');
    await context.close();
  });

  it('pages through the catalog without JavaScript: the newest products first, numbered page links, rel=prev/next, every page in the sitemap', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const products = await newestFirst('aurora');
    expect(products.length).toBeGreaterThan(CATALOG_PAGE_SIZE);
    const titles = () => page.getByTestId('catalog-list').locator('li > a').allTextContents();
    const pages = page.getByTestId('catalog-pages');
    await page.goto(`${aurora}/catalog/`);
    expect(await titles()).toEqual(products.slice(0, CATALOG_PAGE_SIZE).map((p) => p.title));
    expect(await page.getByTestId('catalog-count').textContent()).toBe(
      `1–${CATALOG_PAGE_SIZE} of ${products.length} products`,
    );
    expect(await page.locator('link[rel=next]').getAttribute('href')).toBe('/catalog/page/2/');
    expect(await page.locator('link[rel=prev]').count()).toBe(0);
    expect(await pages.locator('[aria-current=page]').textContent()).toBe('1');
    // Filters need the island: without JS they are shown disabled, not offered to no effect.
    expect(await page.getByTestId('filter-type').isDisabled()).toBe(true);
    await pages.getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL(`${aurora}/catalog/page/2/`);
    expect(await titles()).toEqual(products.slice(CATALOG_PAGE_SIZE, 2 * CATALOG_PAGE_SIZE).map((p) => p.title));
    expect(await pages.locator('[aria-current=page]').textContent()).toBe('2');
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(`${aurora}/catalog/page/2/`);
    expect(await page.locator('link[rel=alternate][hreflang="fr-FR"]').getAttribute('href')).toBe(
      `${aurora}/fr-fr/catalog/page/2/`,
    );
    expect(await page.locator('link[rel=prev]').getAttribute('href')).toBe('/catalog/');
    expect(await page.title()).toMatch(/^Catalog · Page 2 · /);
    await pages.getByRole('link', { name: 'Previous' }).click();
    await page.waitForURL(`${aurora}/catalog/`);
    expect((await page.goto(`${aurora}/fr-fr/catalog/page/2/`))?.status()).toBe(200);
    expect(await page.locator('link[rel=prev]').getAttribute('href')).toBe('/fr-fr/catalog/');
    const sitemap = (await rawGet(built.port, '/sitemap.xml', 'aurora.localhost')).body.toString();
    expect(sitemap).toContain(`<loc>${aurora}/catalog/page/2/</loc>`);
    expect(sitemap).toContain(`<loc>${aurora}/de-de/catalog/page/2/</loc>`);
    await context.close();
  });

  it('filters across the whole catalog: loads every item when a filter is first set, finds products of later pages, follows the currency', async () => {
    const { context, page } = await fresh();
    const products = await newestFirst('aurora');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${aurora}/catalog/`);
    await hydrated(page);
    expect(requested).not.toContain('/catalog/items.json');
    // The oldest product is on the last page only; its type finds it from the first.
    const oldest = products[products.length - 1];
    const sameType = products.filter((p) => p.mediaType === oldest?.mediaType);
    expect(products.slice(0, CATALOG_PAGE_SIZE)).not.toContain(oldest);
    await page.getByTestId('filter-type').selectOption(oldest?.mediaType ?? '');
    await expect.poll(() => page.getByTestId('catalog-count').textContent()).toBe(`${sameType.length} results`);
    expect(requested).toContain('/catalog/items.json');
    // The filter is in the address: a reload (or a shared link) shows the same results.
    expect(new URL(page.url()).searchParams.get('type')).toBe(oldest?.mediaType);
    await page.reload();
    await expect.poll(() => page.getByTestId('catalog-count').textContent()).toBe(`${sameType.length} results`);
    expect(await page.getByTestId('filter-type').inputValue()).toBe(oldest?.mediaType);
    expect(await page.getByTestId('catalog-count').getAttribute('aria-live')).toBe('polite');
    expect(await page.getByTestId('catalog-list').isVisible()).toBe(false);
    const results = page.getByTestId('catalog-results');
    expect(await results.locator('li > a').allTextContents()).toEqual(
      sameType.slice(0, CATALOG_PAGE_SIZE).map((p) => p.title),
    );
    // More matches than a page: the rest come on request.
    expect(await page.getByTestId('catalog-more').count()).toBe(sameType.length > CATALOG_PAGE_SIZE ? 1 : 0);
    if (sameType.length > CATALOG_PAGE_SIZE) await page.getByTestId('catalog-more').click();
    await expect.poll(() => results.locator('li > a').allTextContents()).toEqual(sameType.map((p) => p.title));
    expect(await results.locator('a', { hasText: oldest?.title ?? '' }).getAttribute('href')).toBe(
      `/products/${oldest?.slug}/`,
    );
    expect(await results.locator('li').first().textContent()).toMatch(/\$\d+\.\d\d \(plus tax\)/);

    const switcher = page.getByTestId('locale-switcher');
    await switcher.locator('summary').click();
    await page.getByTestId('currency-select').selectOption('GBP');
    await expect.poll(() => results.locator('li').first().textContent()).toMatch(/£\d+\.\d\d/);
    expect(await page.getByTestId('filter-maxPrice').locator('option').allTextContents()).toContain('£10.00');
    // Back to every type: the static page again, its prices in the chosen currency too.
    await page.getByTestId('filter-type').selectOption('');
    await expect.poll(() => page.getByTestId('catalog-list').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByTestId('catalog-count').textContent()).toBe(
      `1–${CATALOG_PAGE_SIZE} of ${products.length} products`,
    );
    expect(await page.getByTestId('catalog-results').count()).toBe(0);
    expect(await page.getByTestId('catalog-list').locator('[data-prices]').first().getAttribute('data-currency')).toBe(
      'GBP',
    );
    await context.close();
  });

  it('filters offline from the precached catalog items, and says so where they were never loaded', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/fr-fr/catalog/`);
    await hydrated(page);
    // Not precached (another locale) and the first visit, so no worker answers: filtering cannot load.
    await context.setOffline(true);
    await page.getByTestId('filter-type').selectOption('music');
    await expect
      .poll(() => page.getByTestId('catalog-count').textContent())
      .toMatch(/^Le filtrage nécessite le catalogue complet/);
    expect(await page.getByTestId('catalog-list').isVisible()).toBe(true);
    await context.setOffline(false);
    await page.getByTestId('filter-genre').selectOption('electronic');
    await expect.poll(() => page.getByTestId('catalog-count').textContent()).toMatch(/^\d+ résultats$/);

    await page.goto(`${aurora}/catalog/`);
    await serviceWorkerActivated(page);
    await context.setOffline(true);
    await page.reload();
    await hydrated(page);
    await page.getByTestId('filter-type').selectOption('membership');
    await expect.poll(() => page.getByTestId('catalog-results').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('catalog-count').textContent()).toMatch(/^\d+ results$/);
    await context.close();
  });

  it('switches to French with euro prices incl. TVA, then to another currency: prices change to estimates, the cart keeps the payable euro price, the choice is kept', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/products/tidal-single/`);
    const switcher = page.getByTestId('locale-switcher');
    await switcher.locator('summary').click();
    await switcher.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(`${aurora}/fr-fr/products/tidal-single/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr-FR');
    const price = page.getByTestId('price');
    expect(await price.textContent()).toMatch(/^\d+,\d\d\s€ TVA incluse$/);
    expect(await page.locator('link[rel=alternate][hreflang="en-US"]').getAttribute('href')).toBe(
      `${aurora}/products/tidal-single/`,
    );
    await switcher.locator('summary').click();
    await page.getByTestId('currency-select').selectOption('GBP');
    await expect.poll(() => price.getAttribute('data-currency')).toBe('GBP');
    expect(await price.textContent()).toMatch(/£GB TVA incluse, env\., converti au taux BCE/);
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    const cart = await page.evaluate(() => JSON.parse(localStorage.getItem('fanfare:cart:aurora') ?? '[]') as unknown);
    // France has no pound list price: the pound is an estimate, and what can be paid is the euro price.
    expect(cart).toEqual([expect.objectContaining({ slug: 'tidal-single', currency: 'EUR' })]);
    await page.goto(`${aurora}/fr-fr/cart/`);
    await expect.poll(() => page.getByTestId('cart-currency-note').textContent()).toContain('vous payez en EUR');
    await page.goto(`${aurora}/fr-fr/`);
    await expect.poll(() => page.locator('[data-prices]').first().getAttribute('data-currency')).toBe('GBP');
    await context.close();
  });

  it('keeps the cart across a reload, per tenant', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/products/tidal-single/`);
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    await page.reload();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    await page.goto(`${aurora}/cart/`);
    await expect.poll(() => page.getByTestId('cart-lines').textContent()).toContain('Tidal');
    await page.goto(`${built.origin('inkwell')}/cart/`);
    await expect.poll(() => page.getByTestId('cart-empty').isVisible()).toBe(true);
    await context.close();
  });

  it('maps hosts to the right storefront and never serves another tenant’s pages', async () => {
    const home = async (host: string) => (await rawGet(built.port, '/', host)).body.toString();
    expect(await home('aurora.localhost')).toContain('Aurora Records');
    expect(await home('inkwell.fanfare.localhost')).toContain('Inkwell Press');
    expect(await home('shop.aurora-records.test')).toContain('Aurora Records');
    expect(await home('books.inkwell-press.test')).toContain('Inkwell Press');
    expect((await rawGet(built.port, '/', 'unknown.example.org')).status).toBe(404);
    for (const slug of inkwellSlugs.slice(0, 3)) {
      expect((await rawGet(built.port, `/products/${slug}/`, 'aurora.localhost')).status).toBe(404);
      expect((await rawGet(built.port, `/products/${slug}/`, 'inkwell.localhost')).status).toBe(200);
    }
    expect((await rawGet(built.port, '/../inkwell/index.html', 'aurora.localhost')).status).toBe(404);
    const sitemap = (await rawGet(built.port, '/sitemap.xml', 'aurora.localhost')).body.toString();
    expect(sitemap).toContain(`${aurora}/products/tidal-single/`);
    expect(sitemap).toContain(`<loc>${aurora}/fr-fr/products/tidal-single/</loc>`);
    expect(sitemap).toContain(
      `<xhtml:link rel="alternate" hreflang="de-DE" href="${aurora}/de-de/products/tidal-single/"/>`,
    );
    expect(sitemap).not.toContain('inkwell');
    expect((await rawGet(built.port, '/robots.txt', 'aurora.localhost')).body.toString()).toContain(
      `Sitemap: ${aurora}/sitemap.xml`,
    );
    const manifest = JSON.parse(
      (await rawGet(built.port, '/manifest.webmanifest', 'inkwell.localhost')).body.toString(),
    ) as { name: string; scope: string };
    expect(manifest).toMatchObject({ name: 'Inkwell Press', scope: '/' });
  });

  /** One URL of every page type, with its expected status. */
  const pageTypes = (): { url: string; status: number }[] => {
    const inkwell = built.origin('inkwell');
    return [
      ...[
        '/',
        '/catalog/',
        '/catalog/page/2/',
        '/artists/maya-lind/',
        '/works/tidal/',
        '/products/tidal-single/',
        '/search/',
        '/cart/',
        '/eula/',
        '/library/',
        '/wishlist/',
        '/checkout/result/',
        '/offline/',
        '/fr-fr/products/tidal-single/',
      ].map((p) => ({ url: `${aurora}${p}`, status: 200 })),
      { url: `${aurora}/no-such-page/`, status: 404 },
      { url: `${inkwell}/`, status: 200 },
      { url: `${inkwell}/products/${inkwellSlugs[0]}/`, status: 200 },
    ];
  };

  it('has no axe-core WCAG 2.1 A/AA violations on any page type, islands hydrated, with an item in the cart, search results and catalog filter results shown', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/products/tidal-single/`);
    await hydrateAll(page);
    await page.getByTestId('add-to-cart').click();
    const found: Record<string, string[]> = {};
    for (const { url, status } of pageTypes()) {
      expect((await page.goto(url))?.status(), url).toBe(status);
      await hydrateAll(page);
      if (url.endsWith('/search/')) {
        await page.getByTestId('search-input').pressSequentially('solst');
        await page.getByTestId('search-results').locator('a').first().waitFor();
      }
      if (url.endsWith('/catalog/')) {
        await page.getByTestId('filter-type').selectOption('music');
        await page.getByTestId('catalog-results').locator('a').first().waitFor();
      }
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      if (violations.length > 0) found[url] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  }, 120_000);

  it('runs every page type under a CSP without unsafe-inline: no violation while islands hydrate, the cart count updates and a preview plays', async () => {
    const { context, page } = await fresh();
    const violations = await watchCsp(context, page);
    const found: Record<string, string[]> = {};
    for (const { url } of pageTypes()) {
      const csp = (await page.goto(url))?.headers()['content-security-policy'] ?? '';
      // Every page has inline styles (the tenant's colours), so its policy lists their hashes.
      expect(csp, url).toMatch(/style-src 'self' 'sha256-/);
      expect(csp, url).not.toContain("'unsafe-inline'");
      await hydrateAll(page);
      if (url === `${aurora}/products/tidal-single/`) {
        await page.getByTestId('add-to-cart').click();
        await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
        await page.getByTestId('preview-play').click();
        await expect
          .poll(() => page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.currentTime), {
            timeout: 20_000,
          })
          .toBeGreaterThan(0.5);
        await page.getByTestId('preview-play').click();
      }
      if (url.endsWith('/search/')) {
        await page.getByTestId('search-input').pressSequentially('tid');
        await page.getByTestId('search-results').locator('a').first().waitFor();
      }
      if (url.endsWith('/catalog/')) {
        await page.getByTestId('filter-type').selectOption('music');
        await page.getByTestId('catalog-results').locator('a').first().waitFor();
      }
      const seen = await violations();
      if (seen.length > 0) found[url] = seen;
    }
    expect(found).toEqual({});
    // The watch itself works: an injected inline script is refused and reported.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.injected = true' })),
    );
    await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/script-src/)]));
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await context.close();
  }, 120_000);

  it('exports every preview as an HLS rendition (AAC in fMP4 segments) that ffprobe reads, served with HLS content types', async () => {
    const withPreview = (await loadCatalogExport('aurora', built.catalogDir)).products.filter(
      (p) => p.preview !== null,
    );
    expect(withPreview.length).toBeGreaterThan(0);
    const served: { playlist: string; segments: string[] }[] = [];
    for (const product of withPreview) {
      const hls = product.preview?.hls ?? '';
      expect(hls).toMatch(new RegExp(`^/media/${product.id}/preview-[0-9a-f]+/index\\.m3u8$`));
      const playlist = path.join(built.catalogDir, 'public', 'aurora', hls);
      const text = await readFile(playlist, 'utf8');
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');
      const segments = text.split('\n').filter((line) => line.endsWith('.m4s'));
      expect(segments.length).toBeGreaterThan(0);
      for (const segment of ['init.mp4', ...segments])
        expect(existsSync(path.join(path.dirname(playlist), segment))).toBe(true);
      const probe = JSON.parse(
        execFileSync(
          'ffprobe',
          ['-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_name', '-of', 'json', playlist],
          { encoding: 'utf8' },
        ),
      ) as {
        format: { format_name: string; duration: string };
        streams: { codec_name: string }[];
      };
      expect(probe.format.format_name).toBe('hls');
      expect(probe.streams.map((stream) => stream.codec_name)).toEqual(['aac']);
      expect(Number(probe.format.duration)).toBeGreaterThan(1);
      expect(Number(probe.format.duration)).toBeLessThanOrEqual(30.5);
      served.push({ playlist: hls, segments });
    }
    const [first] = served;
    const typeOf = async (urlPath: string) => {
      const answer = await rawGet(built.port, urlPath, 'aurora.localhost');
      expect(answer.status).toBe(200);
      return answer.headers['content-type'];
    };
    expect(await typeOf(first?.playlist ?? '')).toBe('application/vnd.apple.mpegurl');
    expect(await typeOf((first?.playlist ?? '').replace(/index\.m3u8$/, first?.segments[0] ?? ''))).toBe('audio/mp4');
    expect(await typeOf((first?.playlist ?? '').replace(/index\.m3u8$/, 'init.mp4'))).toBe('video/mp4');
  });

  it('plays the preview when play is pressed: HLS natively, through hls.js where native HLS is hidden (canPlayType masked), and the position moves', async () => {
    for (const maskNativeHls of [false, true]) {
      const { context, page } = await fresh();
      // Chromium plays HLS itself; hiding that makes the player take the hls.js path of other browsers.
      if (maskNativeHls) {
        await context.addInitScript(() => {
          const own = HTMLMediaElement.prototype.canPlayType;
          HTMLMediaElement.prototype.canPlayType = function canPlayType(type: string) {
            return type.includes('mpegurl') ? '' : own.call(this, type);
          };
        });
      }
      const loaded: string[] = [];
      page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
      await page.goto(`${aurora}/products/tidal-single/`);
      await page.getByTestId('preview-player').scrollIntoViewIfNeeded();
      await hydrated(page);
      // hls.js costs nothing until play is pressed.
      expect(loaded.filter((p) => /hls/i.test(p))).toEqual([]);
      await page.getByTestId('preview-play').click();
      await expect
        .poll(() => page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.currentTime), { timeout: 20_000 })
        .toBeGreaterThan(1);
      expect(await page.getByTestId('preview-play').getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByTestId('preview-player').getAttribute('data-playback')).toMatch(
        maskNativeHls ? /^hls\.js$/ : /^(native-hls|hls\.js)$/,
      );
      if (maskNativeHls) {
        expect(loaded.some((p) => /^\/_astro\/hls.*\.js$/.test(p))).toBe(true);
        expect(loaded.some((p) => p.endsWith('.m4s'))).toBe(true);
      }
      await page.getByTestId('preview-play').click();
      await expect.poll(() => page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.paused)).toBe(true);
      await context.close();
    }
  });

  it('offers a new version and activates it only after the buyer accepts', async () => {
    const { context, page } = await fresh();
    await page.goto(`${aurora}/eula/`);
    await serviceWorkerActivated(page);
    const first = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
    // A later export changes every page's "as of" date, so the new worker precaches new revisions.
    await exportCatalog({
      em: built.orm.em,
      blobs: new FsBlobStore(built.blobDir),
      outDir: built.catalogDir,
      handles: ['aurora'],
      now: new Date('2030-01-01T00:00:00Z'),
    });
    await buildTenant('aurora', {
      catalogDir: built.catalogDir,
      distDir: built.distDir,
      origin: aurora,
      precacheTop: 4,
      catalogPageSize: CATALOG_PAGE_SIZE,
    });
    await page.reload();
    await expect.poll(() => page.locator('#update-prompt').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe(
      'installed',
    );
    await Promise.all([page.waitForEvent('load'), page.locator('#update-accept').click()]);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration?.waiting === null && navigator.serviceWorker.controller !== null;
        }),
      )
      .toBe(true);
    expect(first).toBeDefined();
    await context.close();
  }, 90_000);
});
