import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant, Product, searchProducts, type MikroORM } from '../src/index.js';
import { searchVector } from '../src/search/text-search.js';
import { createSearchCatalog, type SearchCatalog } from './search-catalog.js';
import { openOrm } from './fixtures.js';

let orm: MikroORM;
let aurora: SearchCatalog;
let other: SearchCatalog;

beforeAll(async () => {
  orm = await openOrm();
  aurora = await createSearchCatalog(orm.em, 'search-a');
  other = await createSearchCatalog(orm.em, 'search-b', 'Theo Marsh');
});
afterAll(() => orm.close(true));

async function slugsFor(text: string, options: { tenant?: SearchCatalog; mediaType?: Product['mediaType']; limit?: number } = {}): Promise<string[]> {
  const tenant = options.tenant ?? aurora;
  const hits = await searchProducts(orm.em.fork(), { tenantId: tenant.tenant.id, text, limit: options.limit ?? 10, mediaType: options.mediaType });
  return hits.map((hit) => hit.slug);
}

describe('catalog full-text search (PostgreSQL)', () => {
  it('finds a title by the prefix being typed, with its creator name', async () => {
    const hits = await searchProducts(orm.em.fork(), { tenantId: aurora.tenant.id, text: 'tid', limit: 10 });
    expect(hits).toEqual([{ id: aurora.productIds['tidal-single'], slug: 'tidal-single', title: 'Tidal', creatorName: 'Maya Lind', mediaType: 'music' }]);
  });

  it('leaves out archived products, products of unpublished works and other storefronts', async () => {
    expect(await slugsFor('tidal')).toEqual(['tidal-single']);
    expect(await slugsFor('demo')).toEqual([]);
    expect(await slugsFor('theo')).toEqual([]);
    expect(await slugsFor('theo', { tenant: other })).toHaveLength(4);
  });

  it('finds by creator name, newest first among equals', async () => {
    expect(await slugsFor('maya li')).toEqual(['stream-tokens', 'tidal-single', 'first-glow', 'northern-lights-album']);
  });

  it('matches words across title, work and creator, the title weighing most', async () => {
    expect(await slugsFor('northern')).toEqual(['northern-lights-album', 'first-glow']);
    expect(await slugsFor('lind northern gl')).toEqual(['first-glow']);
  });

  it('filters by media type and honours the limit', async () => {
    expect(await slugsFor('maya', { mediaType: 'tokens' })).toEqual(['stream-tokens']);
    expect(await slugsFor('maya', { limit: 2 })).toEqual(['stream-tokens', 'tidal-single']);
  });

  it('treats tsquery syntax and SQL in the text as plain words', async () => {
    expect(await slugsFor("tidal' | !x:* & (")).toEqual([]);
    expect(await slugsFor("'); drop table products; --")).toEqual([]);
    expect(await slugsFor('!!!')).toEqual([]);
    expect(await slugsFor('"first glow"')).toEqual(['first-glow']);
    expect(await slugsFor('maya -tidal -northern -first')).toEqual(['stream-tokens']);
  });

  it('looks names up through the GIN expression indexes', async () => {
    const plans = await forTenant(orm.em, aurora.tenant.id).transactional(async (tx) => {
      const connection = tx.getConnection();
      const context = tx.getTransactionContext();
      // The tables are tiny here; forbid sequential scans so the plan shows whether an index fits.
      await connection.execute('set local enable_seqscan = off', [], 'run', context);
      const plan = async (table: string, column: string) => {
        const rows = await connection.execute<Array<{ 'QUERY PLAN': string }>>(
          `explain select id from ${table} where ${searchVector(column)} @@ to_tsquery('simple', ?)`, ['tid:*'], 'all', context,
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      return [await plan('products', 'title'), await plan('works', 'title'), await plan('creators', 'display_name')];
    });
    expect(plans[0]).toContain('products_title_search_idx');
    expect(plans[1]).toContain('works_title_search_idx');
    expect(plans[2]).toContain('creators_display_name_search_idx');
  });
});
