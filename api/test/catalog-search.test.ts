import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchCatalog, type SearchCatalog } from '../../db/test/search-catalog.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { expectError } from './support/responses.js';

// Real api and PostgreSQL full-text search over a demo-like catalog (Aurora's Maya Lind) and a
// second storefront with a product of the same name.
let app: FastifyInstance;
let aurora: SearchCatalog;
let other: SearchCatalog;
let host: string;

beforeAll(async () => {
  app = await buildTestApp();
  aurora = await createSearchCatalog(app.orm.em, 'search-api');
  other = await createSearchCatalog(app.orm.em, 'search-api-other', 'Theo Marsh');
  host = storefrontHost(aurora.tenant.handle);
});
afterAll(() => app?.close());

interface SearchBody {
  hits: Array<{
    id: string;
    slug: string;
    title: string;
    creatorName: string;
    mediaType: string;
    coverUrl: string | null;
  }>;
  query: string;
  tookMs: number;
}

function search(query: string, at = host) {
  return app.inject({ method: 'GET', url: `/v1/catalog/search?${query}`, headers: { host: at } });
}

async function slugs(query: string, at = host): Promise<string[]> {
  const response = await search(query, at);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchBody>().hits.map((hit) => hit.slug);
}

describe('GET /v1/catalog/search', () => {
  it('finds a title by the prefix being typed ("tid" → Tidal) and says how long it took', async () => {
    const response = await search('q=%20tid%20');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SearchBody>();
    expect(body.hits).toEqual([
      {
        id: aurora.productIds['tidal-single'],
        slug: 'tidal-single',
        title: 'Tidal',
        creatorName: 'Maya Lind',
        mediaType: 'music',
        coverUrl: null,
      },
    ]);
    expect(body.query).toBe('tid');
    expect(body.tookMs).toBeGreaterThanOrEqual(0);
    expect(body.tookMs).toBeLessThan(5000);
  });

  it('finds by creator name and by work title', async () => {
    expect(await slugs('q=maya')).toEqual(['stream-tokens', 'tidal-single', 'first-glow', 'northern-lights-album']);
    expect(await slugs('q=northern%20li')).toEqual(['northern-lights-album', 'first-glow']);
  });

  it('respects mediaType and limit', async () => {
    expect(await slugs('q=maya&mediaType=tokens')).toEqual(['stream-tokens']);
    expect(await slugs('q=maya&mediaType=ebook')).toEqual([]);
    expect(await slugs('q=maya&limit=1')).toEqual(['stream-tokens']);
  });

  it("never returns another storefront's products", async () => {
    expect(await slugs('q=theo')).toEqual([]);
    const theirs = (await search('q=tidal', storefrontHost(other.tenant.handle))).json<SearchBody>().hits;
    expect(theirs.map((hit) => hit.id)).toEqual([other.productIds['tidal-single']]);
    expect(theirs[0]?.creatorName).toBe('Theo Marsh');
  });

  it('treats query syntax and SQL as words', async () => {
    expect(await slugs(`q=${encodeURIComponent("'); drop table products; --")}`)).toEqual([]);
    expect(await slugs(`q=${encodeURIComponent('tidal | !x:* &')}`)).toEqual([]);
    expect(await slugs(`q=${encodeURIComponent('"first glow"')}`)).toEqual(['first-glow']);
  });

  it('refuses an empty, blank or over-long q and bad limits with their codes', async () => {
    expectError(await search('q='), 400, 'validation_failed');
    expectError(await search('q=%20%20%20'), 400, 'validation_failed');
    expectError(await search(`q=${'a'.repeat(201)}`), 400, 'validation_failed');
    expect(await slugs(`q=${'a'.repeat(200)}`)).toEqual([]);
    expectError(await search('limit=5'), 400, 'missing_field');
    expectError(await search('q=tid&limit=0'), 400, 'validation_failed');
    expectError(await search('q=tid&limit=51'), 400, 'validation_failed');
    expectError(await search('q=tid&limit=ten'), 400, 'invalid_type');
    expectError(await search('q=tid&mediaType=vinyl'), 400, 'validation_failed');
    expectError(await search('q=tid&sort=new'), 400, 'unknown_field');
    expectError(await search('q=tid', 'nowhere.shops.test'), 404, 'tenant_not_found');
  });
});
