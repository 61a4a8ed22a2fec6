import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Tenant } from '@fanfare/db';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import {
  createDomain,
  createProducts,
  createTenant,
  uniqueHandle,
  type StoredProduct,
} from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';

interface Page {
  items: Array<{
    id: string;
    slug: string;
    mediaType: string;
    prices: Array<{ currency: string; amountMinor: number }>;
  }>;
  nextCursor: string | null;
}

let app: FastifyInstance;
let shopA: Tenant;
let shopB: Tenant;
let productsA: StoredProduct[];
let productsB: StoredProduct[];
let domainA: string;

beforeAll(async () => {
  app = await buildTestApp();
  shopA = await createTenant(app.orm, { prefix: 'cat-a' });
  shopB = await createTenant(app.orm, { prefix: 'cat-b' });
  productsA = await createProducts(app.orm, shopA.id, [
    { slug: 'first-light' },
    { slug: 'night-drive', mediaType: 'ebook' },
    { slug: 'harbour', mediaType: 'music' },
    { slug: 'shared-slug' },
    { slug: 'unreleased', status: 'draft' },
  ]);
  productsB = await createProducts(app.orm, shopB.id, [
    { slug: 'b-only' },
    { slug: 'shared-slug', mediaType: 'video' },
  ]);
  domainA = `${uniqueHandle('music')}.example.com`;
  await createDomain(app.orm, shopA.id, domainA, 'active', true);
});
afterAll(() => app.close());

function list(host: string, query = '') {
  return app.inject({ method: 'GET', url: `/v1/catalog/products${query}`, headers: { host } });
}

describe('GET /v1/catalog/products', () => {
  it('lists active products newest first, with their prices', async () => {
    const response = await list(storefrontHost(shopA.handle));
    expect(response.statusCode).toBe(200);
    const page = response.json<Page>();
    expect(page.items.map((item) => item.slug)).toEqual(['shared-slug', 'harbour', 'night-drive', 'first-light']);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]?.prices).toEqual([
      { currency: 'EUR', region: 'EU', amountMinor: 899, taxInclusive: true },
      { currency: 'USD', region: 'US', amountMinor: 999, taxInclusive: false },
    ]);
  });

  it('pages with limit and cursor, without gaps or repeats', async () => {
    const host = storefrontHost(shopA.handle);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = (await list(host, `?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`)).json<Page>();
      seen.push(...page.items.map((item) => item.slug));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(2);
    expect(seen).toEqual(['shared-slug', 'harbour', 'night-drive', 'first-light']);
  });

  it('filters by media type', async () => {
    const page = (await list(storefrontHost(shopA.handle), '?mediaType=ebook')).json<Page>();
    expect(page.items.map((item) => item.slug)).toEqual(['night-drive']);
    expectError(await list(storefrontHost(shopA.handle), '?mediaType=vinyl'), 400, 'validation_failed');
  });

  it('never shows another tenant’s products, by host or by custom domain', async () => {
    const idsA = new Set(productsA.map((product) => product.id));
    const idsB = new Set(productsB.map((product) => product.id));
    for (const host of [storefrontHost(shopA.handle), domainA]) {
      const items = (await list(host)).json<Page>().items;
      expect(items.length).toBe(4);
      expect(items.every((item) => idsA.has(item.id) && !idsB.has(item.id))).toBe(true);
    }
    const itemsB = (await list(storefrontHost(shopB.handle))).json<Page>().items;
    expect(itemsB.map((item) => item.slug).sort()).toEqual(['b-only', 'shared-slug']);
    expect(itemsB.every((item) => idsB.has(item.id))).toBe(true);
  });
});

describe('GET /v1/catalog/products/:slug', () => {
  it('returns the product of this storefront only', async () => {
    const a = (
      await app.inject({
        method: 'GET',
        url: '/v1/catalog/products/shared-slug',
        headers: { host: storefrontHost(shopA.handle) },
      })
    ).json<{ id: string; mediaType: string }>();
    const b = (
      await app.inject({
        method: 'GET',
        url: '/v1/catalog/products/shared-slug',
        headers: { host: storefrontHost(shopB.handle) },
      })
    ).json<{ id: string; mediaType: string }>();
    expect(a.id).toBe(productsA.find((product) => product.slug === 'shared-slug')?.id);
    expect(b.id).toBe(productsB.find((product) => product.slug === 'shared-slug')?.id);
    expect(b.mediaType).toBe('video');
  });

  it('404s for another tenant’s slug, a draft, or a malformed slug', async () => {
    const host = storefrontHost(shopA.handle);
    const get = (slug: string) => app.inject({ method: 'GET', url: `/v1/catalog/products/${slug}`, headers: { host } });
    expectError(await get('b-only'), 404, 'not_found');
    expectError(await get('unreleased'), 404, 'not_found');
    expectError(await get('Not_A_Slug'), 400, 'validation_failed');
  });

  it('unknown storefront → 404 tenant_not_found', async () => {
    expectError(await list(storefrontHost(uniqueHandle('nobody'))), 404, 'tenant_not_found');
  });
});
