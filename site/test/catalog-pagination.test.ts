import { describe, expect, it } from 'vitest';
import { catalogIndex, parseCatalogIndex } from '../src/features/catalog/catalog-filter.js';
import {
  DEFAULT_CATALOG_PAGE_SIZE,
  catalogPagePath,
  catalogPageSizeEnv,
  catalogPageSizeFrom,
  neighbours,
  pageCount,
  pageItems,
  pageLinks,
  type PageLink,
} from '../src/features/catalog/pagination.js';

/** Page links as text: `[3]` is the current page, `…` a gap. */
const shown = (links: PageLink[]): string =>
  links.map((l) => ('gap' in l ? '…' : l.current ? `[${l.page}]` : String(l.page))).join(' ');

describe('catalog pagination', () => {
  it('counts pages, an empty catalog still having its first', () => {
    expect(pageCount(1000, 48)).toBe(21);
    expect(pageCount(96, 48)).toBe(2);
    expect(pageCount(97, 48)).toBe(3);
    expect(pageCount(1, 48)).toBe(1);
    expect(pageCount(0, 48)).toBe(1);
  });

  it('slices a page out of the newest-first list', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(pageItems(items, 1, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pageItems(items, 2, 6)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(pageItems(items, 4, 6)).toEqual([18, 19]);
    expect(pageItems(items, 5, 6)).toEqual([]);
    expect(Array.from({ length: pageCount(items.length, 6) }, (_, i) => pageItems(items, i + 1, 6)).flat()).toEqual(
      items,
    );
  });

  it('puts the first page at /catalog/ and the others under /catalog/page/N/', () => {
    expect(catalogPagePath(1)).toBe('/catalog/');
    expect(catalogPagePath(2)).toBe('/catalog/page/2/');
    expect(catalogPagePath(21)).toBe('/catalog/page/21/');
  });

  it('links the first, last and nearby pages, with a gap for two or more left out', () => {
    expect(shown(pageLinks(1, 1))).toBe('[1]');
    expect(shown(pageLinks(2, 4))).toBe('1 [2] 3 4');
    expect(shown(pageLinks(1, 21))).toBe('[1] 2 3 … 21');
    expect(shown(pageLinks(5, 21))).toBe('1 2 3 4 [5] 6 7 … 21');
    expect(shown(pageLinks(6, 21))).toBe('1 … 4 5 [6] 7 8 … 21');
    expect(shown(pageLinks(21, 21))).toBe('1 … 19 20 [21]');
    expect(shown(pageLinks(10, 21, 1))).toBe('1 … 9 [10] 11 … 21');
  });

  it('gives the previous and next page only where there is one', () => {
    expect(neighbours(1, 3)).toEqual({ prev: undefined, next: 2 });
    expect(neighbours(2, 3)).toEqual({ prev: 1, next: 3 });
    expect(neighbours(3, 3)).toEqual({ prev: 2, next: undefined });
    expect(neighbours(1, 1)).toEqual({ prev: undefined, next: undefined });
  });

  it('takes the page size from the build environment, refusing a malformed one', () => {
    expect(catalogPageSizeFrom({})).toBe(DEFAULT_CATALOG_PAGE_SIZE);
    expect(catalogPageSizeFrom(catalogPageSizeEnv(6))).toBe(6);
    expect(() => catalogPageSizeFrom({ FANFARE_SITE_CATALOG_PAGE_SIZE: '0' })).toThrow(/positive integer/);
    expect(() => catalogPageSizeFrom({ FANFARE_SITE_CATALOG_PAGE_SIZE: 'many' })).toThrow(/positive integer/);
    expect(() => catalogPageSizeEnv(2.5)).toThrow(/positive integer/);
  });
});

describe('catalog index (what the filters load)', () => {
  it('lists each tax note once and keeps the order of the items', () => {
    const priced = (slug: string, note: string) => ({
      slug,
      title: slug,
      creator: 'C',
      type: 'music',
      genre: 'folk',
      year: 2024,
      cover: null,
      prices: {
        USD: { amount: 999, formatted: '$9.99', taxNote: 'plus tax', currency: 'USD' },
        EUR: { amount: 920, formatted: '€9.20', taxNote: note },
      },
    });
    const index = catalogIndex([priced('a', 'approx.'), priced('b', 'approx.'), priced('c', 'plus tax')]);
    expect(index.notes).toEqual(['plus tax', 'approx.']);
    expect(index.items.map((i) => i.slug)).toEqual(['a', 'b', 'c']);
    expect(index.items[0]?.prices).toEqual({
      USD: { amount: 999, formatted: '$9.99', note: 0 },
      EUR: { amount: 920, formatted: '€9.20', note: 1 },
    });
    expect(index.items[2]?.prices.EUR?.note).toBe(0);
    expect(parseCatalogIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(parseCatalogIndex({ items: [] })).toBeUndefined();
    expect(parseCatalogIndex(null)).toBeUndefined();
  });
});
