import { describe, expect, it } from 'vitest';
import {
  CartStore,
  addLine,
  cartKey,
  cartTotals,
  readCart,
  type CartStorage,
} from '../src/features/cart/cart-store.js';
import {
  facetValues,
  filterCatalog,
  filtersFromQuery,
  NO_FILTERS,
  queryWithFilters,
  type CatalogItem,
} from '../src/features/catalog/catalog-filter.js';
import { precachePatterns } from '../src/features/pwa/precache.js';
import { precacheKeysFor } from '../src/features/pwa/offline-routing.js';
import { searchEntries, type SearchEntry } from '../src/features/search/search-index.js';
import { LOCALES, priceFor, t } from '../src/lib/i18n.js';
import { contrast, linkColourOnWhite, textOn } from '../src/lib/theme.js';

const memory = (): CartStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};
const line = { productId: 'p1', slug: 'tidal', title: 'Tidal', amount: 129, currency: 'USD' };

describe('cart store', () => {
  it('persists per tenant, keeps one of each product and notifies subscribers', () => {
    const storage = memory();
    const aurora = new CartStore(storage, 'aurora');
    const seen: number[] = [];
    aurora.subscribe((lines) => seen.push(lines.length));
    aurora.add(line);
    aurora.add(line);
    expect(seen).toEqual([1, 1]);
    expect(new CartStore(storage, 'aurora').snapshot).toEqual([{ ...line, quantity: 1 }]);
    expect(new CartStore(storage, 'inkwell').snapshot).toEqual([]);
    aurora.remove('p1');
    expect(readCart(storage, 'aurora')).toEqual([]);
  });

  it('drops malformed storage and totals per currency', () => {
    const storage = memory();
    storage.setItem(
      cartKey('aurora'),
      '[{"productId":1},"x",{"productId":"a","slug":"a","title":"A","amount":100,"currency":"EUR","quantity":1}]',
    );
    expect(readCart(storage, 'aurora')).toHaveLength(1);
    storage.setItem(cartKey('aurora'), '{not json');
    expect(readCart(storage, 'aurora')).toEqual([]);
    const lines = addLine(addLine([], line), { ...line, productId: 'p2', amount: 71 });
    expect(cartTotals(lines)).toEqual([{ currency: 'USD', amount: 200 }]);
  });
});

describe('search index', () => {
  const entries: SearchEntry[] = [
    {
      slug: 'tidal',
      title: 'Tidal',
      creator: 'Maya Lind',
      type: 'music',
      genre: 'electronic',
      tags: ['ambient'],
      year: 2024,
      price: '$1.29',
    },
    {
      slug: 'harbour',
      title: 'The Winter Harbour',
      creator: 'Théo Marsh',
      type: 'ebook',
      genre: 'fiction',
      tags: [],
      year: 2023,
      price: '£5.99',
    },
  ];
  it('matches title prefixes while typing, creators without accents, and every word', () => {
    expect(searchEntries(entries, 'tid').map((e) => e.slug)).toEqual(['tidal']);
    expect(searchEntries(entries, 'theo').map((e) => e.slug)).toEqual(['harbour']);
    expect(searchEntries(entries, 'winter harb').map((e) => e.slug)).toEqual(['harbour']);
    expect(searchEntries(entries, 'winter tidal')).toEqual([]);
    expect(searchEntries(entries, '  ')).toEqual([]);
  });
});

describe('catalog filters', () => {
  const item = (slug: string, type: string, genre: string, year: number, usd: number | null): CatalogItem => ({
    slug,
    title: slug,
    creator: '',
    type,
    genre,
    year,
    cover: null,
    prices: usd === null ? {} : { USD: { amount: usd, formatted: '', note: 0 } },
  });
  const items = [
    item('a', 'music', 'folk', 2024, 999),
    item('b', 'ebook', 'fiction', 2023, 499),
    item('c', 'music', 'electronic', 2023, null),
  ];
  it('filters on type, genre, year and maximum price, and lists facet values', () => {
    expect(filterCatalog(items, NO_FILTERS, 'USD')).toHaveLength(3);
    expect(filterCatalog(items, { ...NO_FILTERS, type: 'music' }, 'USD').map((i) => i.slug)).toEqual(['a', 'c']);
    expect(filterCatalog(items, { ...NO_FILTERS, year: '2023', genre: 'fiction' }, 'USD').map((i) => i.slug)).toEqual([
      'b',
    ]);
    expect(filterCatalog(items, { ...NO_FILTERS, maxPrice: '500' }, 'USD').map((i) => i.slug)).toEqual(['b']);
    // A maximum is an amount in the shown currency: an item not priced in it does not pass.
    expect(filterCatalog(items, { ...NO_FILTERS, maxPrice: '500' }, 'EUR')).toEqual([]);
    expect(facetValues(items, 'year')).toEqual(['2024', '2023']);
  });
});

describe('prices and strings per locale (through the money engine)', () => {
  const entries = [
    { productId: 'p', currency: 'USD', region: 'US', amount: 999, taxInclusive: false },
    { productId: 'p', currency: 'EUR', region: 'EU', amount: 999, taxInclusive: true },
    { productId: 'p', currency: 'GBP', region: 'GB', amount: 899, taxInclusive: true },
  ];
  const now = new Date('2026-03-14T00:00:00Z');
  it('shows each region its list price, formatted its way, tax-exclusive in the US and inclusive in Europe', () => {
    expect(priceFor(entries, 'p', 'en-US', 'USD', now)).toMatchObject({
      formatted: '$9.99',
      taxInclusive: false,
      taxNote: 'plus tax',
    });
    expect(priceFor(entries, 'p', 'en-GB', 'USD', now)).toMatchObject({
      formatted: '£8.99',
      taxInclusive: true,
      taxNote: 'incl. VAT',
    });
    expect(priceFor(entries, 'p', 'fr-FR', 'USD', now)?.formatted).toBe('9,99\u00a0€');
    expect(priceFor(entries, 'p', 'de-DE', 'USD', now)).toMatchObject({
      formatted: '9,99\u00a0€',
      taxNote: 'inkl. MwSt.',
    });
    expect(priceFor([], 'p', 'en-US', 'USD', now)).toBeUndefined();
  });
  it('has every string in every locale and fills placeholders', () => {
    for (const locale of LOCALES) expect(t(locale, 'offline', { date: 'X' })).toContain('X');
  });
});

describe('theme and offline routing', () => {
  it('picks readable text on any brand colour', () => {
    for (const colour of ['#1d3557', '#2b2d42', '#f1fa8c', '#e63946', '#ffffff']) {
      expect(contrast(colour, textOn(colour))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(linkColourOnWhite(colour), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('precaches the shell and the top N product pages, and finds pages under any key form', () => {
    const patterns = precachePatterns(['a', 'b', 'c'], 2);
    expect(patterns).toContain('offline/index.html');
    expect(patterns).toContain('products/b/index.html');
    expect(patterns).not.toContain('products/c/index.html');
    expect(precacheKeysFor('/products/a/')).toContain('/products/a');
    expect(precacheKeysFor('/')).toContain('/');
  });
});

describe('catalog filters in the address', () => {
  it('reads the filters a link names and ignores malformed ones', () => {
    expect(filtersFromQuery('?type=music&genre=Ambient&year=2024&max=1000')).toEqual({
      type: 'music',
      genre: 'Ambient',
      year: '2024',
      maxPrice: '1000',
    });
    expect(filtersFromQuery('?year=twenty&max=-5&utm_source=x')).toEqual(NO_FILTERS);
    expect(filtersFromQuery('')).toEqual(NO_FILTERS);
  });

  it('writes set filters, drops unset ones and keeps other parameters', () => {
    expect(queryWithFilters('?utm_source=x&type=ebook', { ...NO_FILTERS, genre: 'Jazz & Soul', maxPrice: '500' })).toBe(
      '?utm_source=x&genre=Jazz+%26+Soul&max=500',
    );
    expect(queryWithFilters('?type=music', NO_FILTERS)).toBe('');
    expect(
      filtersFromQuery(queryWithFilters('', { type: 'music', genre: 'Jazz & Soul', year: '2024', maxPrice: '500' })),
    ).toEqual({ type: 'music', genre: 'Jazz & Soul', year: '2024', maxPrice: '500' });
  });
});
