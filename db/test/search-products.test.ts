import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Creator, forTenant, Product, searchProducts, Work, type MikroORM } from '../src/index.js';
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

async function slugsFor(
  text: string,
  options: { tenant?: SearchCatalog; mediaType?: Product['mediaType']; limit?: number } = {},
): Promise<string[]> {
  const tenant = options.tenant ?? aurora;
  const hits = await searchProducts(orm.em.fork(), {
    tenantId: tenant.tenant.id,
    text,
    limit: options.limit ?? 10,
    mediaType: options.mediaType,
  });
  return hits.map((hit) => hit.slug);
}

describe('catalog full-text search (PostgreSQL)', () => {
  it('finds a title by the prefix being typed, with its creator name', async () => {
    const hits = await searchProducts(orm.em.fork(), { tenantId: aurora.tenant.id, text: 'tid', limit: 10 });
    expect(hits).toEqual([
      {
        id: aurora.productIds['tidal-single'],
        slug: 'tidal-single',
        title: 'Tidal',
        creatorName: 'Maya Lind',
        mediaType: 'music',
      },
    ]);
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

  it('finds matches through the GIN index on the stored search document', async () => {
    const plan = await orm.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context = tx.getTransactionContext();
      // The table is tiny here; forbid sequential scans so the plan shows whether the index fits.
      await connection.execute('set local enable_seqscan = off', [], 'run', context);
      const rows = await connection.execute<Array<{ 'QUERY PLAN': string }>>(
        `explain select id from products where search_document @@ to_tsquery('simple', 'tid:*')`,
        [],
        'all',
        context,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('products_search_document_index');
  });

  it('follows renames of products, works and creators, and a work stored after its product', async () => {
    const shop = await createSearchCatalog(orm.em, 'search-rename');
    const em = forTenant(orm.em, shop.tenant.id);
    const glow = await em.findOneOrFail(Product, shop.productIds['first-glow']!);
    glow.title = 'Afterglow';
    await em.flush();
    const slugsIn = (text: string) => slugsFor(text, { tenant: shop });
    expect(await slugsIn('afterg')).toEqual(['first-glow']);
    expect(await slugsIn('first')).toEqual([]);
    const work = await em.findOneOrFail(Work, { slug: 'northern-lights' });
    work.title = 'Polar Nights';
    const creator = await em.findOneOrFail(Creator, { slug: 'maya-lind' });
    creator.displayName = 'Maja Lindqvist';
    await em.flush();
    expect(await slugsIn('polar')).toEqual(['first-glow', 'northern-lights-album']);
    expect(await slugsIn('lindq')).toHaveLength(4);
    expect(await slugsIn('maya')).toEqual([]);
    const workId = randomUUID();
    const late = em.create(Product, {
      creatorId: creator.id,
      workId,
      kind: 'digital',
      mediaType: 'music',
      title: 'Undertow',
      slug: 'undertow',
      status: 'active',
      eulaVersion: '2026-01',
    });
    await em.flush();
    em.create(Work, {
      id: workId,
      creatorId: creator.id,
      kind: 'single',
      title: 'Riptide Sessions',
      slug: 'riptide',
      status: 'published',
    });
    await em.flush();
    expect(await slugsIn('riptide')).toEqual([late.slug]);
  });

  it("never takes a name from another tenant's work or creator", async () => {
    const shop = await createSearchCatalog(orm.em, 'search-foreign');
    const foreignWork = await forTenant(orm.em, other.tenant.id).findOneOrFail(Work, { slug: 'tidal' });
    const em = forTenant(orm.em, shop.tenant.id);
    em.create(Product, {
      creatorId: randomUUID(),
      workId: foreignWork.id,
      kind: 'digital',
      mediaType: 'music',
      title: 'Stray',
      slug: 'stray',
      status: 'active',
      eulaVersion: '2026-01',
    });
    await em.flush();
    expect(await slugsFor('tidal', { tenant: shop })).toEqual(['tidal-single']);
  });
});
