import { describe, expect, it } from 'vitest';
import { catalogIndex, priceText } from '../src/features/catalog/catalog-filter.js';
import {
  currencyKey,
  parsePrices,
  pickPrice,
  readChoice,
  resolveCurrency,
  writeChoice,
  type ChoiceStorage,
} from '../src/features/locale/currency-choice.js';
import { offlinePageKeysFor } from '../src/features/pwa/offline-routing.js';
import { precachePatterns } from '../src/features/pwa/precache.js';
import type { SearchEntry } from '../src/features/search/search-index.js';
import { searchOnlineOrIndex, searchUrl, type SearchSourceOptions } from '../src/features/search/search-source.js';
import { pricesFor } from '../src/lib/i18n.js';
import { enabledLocales, localeSegment, localizedPath, splitLocalePath } from '../src/lib/locales.js';

describe('locale routes', () => {
  it('builds every supported locale unless the tenant lists some, its own default first', () => {
    expect(enabledLocales({ locale: 'en-GB' })).toEqual(['en-GB', 'en-US', 'fr-FR', 'de-DE']);
    expect(enabledLocales({ locale: 'fr-FR', locales: ['de-de', 'xx-YY', 'fr-FR', 'de-DE'] })).toEqual([
      'fr-FR',
      'de-DE',
    ]);
    expect(enabledLocales({ locale: 'pt-BR', locales: [] })).toEqual(['en-US']);
  });

  it('leaves the default locale unprefixed and puts the others under their lower-case tag', () => {
    expect(localeSegment('en-US', 'en-US')).toBeUndefined();
    expect(localizedPath('/products/x/', 'en-US', 'en-US')).toBe('/products/x/');
    expect(localizedPath('/products/x/', 'fr-FR', 'en-US')).toBe('/fr-fr/products/x/');
    expect(localizedPath('', 'de-DE', 'en-US')).toBe('/de-de');
  });

  it('reads the locale back from a pathname, only for locales the storefront is built in', () => {
    const locales = enabledLocales({ locale: 'en-US', locales: ['fr-FR'] });
    expect(splitLocalePath('/fr-fr/products/x/', locales)).toEqual({ locale: 'fr-FR', path: '/products/x/' });
    expect(splitLocalePath('/fr-fr', locales)).toEqual({ locale: 'fr-FR', path: '/' });
    expect(splitLocalePath('/de-de/products/x/', locales)).toEqual({ locale: 'en-US', path: '/de-de/products/x/' });
    expect(splitLocalePath('/products/x/', locales)).toEqual({ locale: 'en-US', path: '/products/x/' });
  });

  it("precaches the default locale's shell, indexes and top products, and only the offline page of other locales", () => {
    const patterns = precachePatterns(['a', 'b'], 1, ['fr-fr']);
    expect(patterns).toEqual(
      expect.arrayContaining([
        'index.html',
        'catalog/index.html',
        'search-index.json',
        'catalog/items.json',
        'products/a/index.html',
        'fr-fr/offline/index.html',
      ]),
    );
    expect(patterns).not.toContain('products/b/index.html');
    expect(patterns.filter((p) => p.startsWith('fr-fr/'))).toEqual(['fr-fr/offline/index.html']);
  });

  it("falls back offline to the offline page of the navigation's locale, then the default one", () => {
    expect(offlinePageKeysFor('/fr-fr/works/x/').slice(0, 2)).toEqual(['/fr-fr/offline', '/fr-fr/offline/']);
    expect(offlinePageKeysFor('/fr-fr/works/x/')).toContain('/offline/');
    expect(offlinePageKeysFor('/works/x/')).toEqual(['/offline', '/offline/', '/offline/index.html']);
  });
});

describe('prices in every currency the storefront sells in (through the money engine)', () => {
  const entries = [
    { productId: 'p', currency: 'USD', region: 'US', amount: 499, taxInclusive: false },
    { productId: 'p', currency: 'EUR', region: 'EU', amount: 449, taxInclusive: true },
  ];
  const now = new Date('2026-03-14T00:00:00Z');

  it("shows the region's list price as is and other currencies as estimates at the reference rate", () => {
    const fr = pricesFor(entries, 'p', 'fr-FR', 'USD', now, ['EUR', 'USD']);
    expect(fr.EUR).toMatchObject({ amount: 449, formatted: '4,49\u00a0€', taxNote: 'TVA incluse', estimate: false });
    expect(fr.USD).toMatchObject({ currency: 'USD', estimate: true, taxInclusive: true });
    expect(fr.USD?.formatted).toMatch(/\$US$/);
    expect(fr.USD?.taxNote).toBe('TVA incluse, env., converti au taux BCE du 13 mars 2026');
    const us = pricesFor(entries, 'p', 'en-US', 'USD', now, ['EUR', 'USD']);
    expect(us.USD).toMatchObject({ amount: 499, formatted: '$4.99', taxNote: 'plus tax', estimate: false });
    expect(pricesFor([], 'p', 'en-US', 'USD', now, ['USD'])).toEqual({});
  });

  it('shows catalog items in the chosen currency where they have a price in it, else the page default', () => {
    const index = catalogIndex([
      {
        slug: 's',
        title: 'T',
        creator: 'C',
        type: 'music',
        genre: '',
        year: null,
        cover: null,
        prices: {
          EUR: { amount: 449, formatted: '4,49 €', taxNote: 'TVA incluse' },
          USD: { amount: 520, formatted: '5,20 $US', taxNote: 'TVA incluse, env.' },
        },
      },
    ]);
    const [item] = index.items;
    if (item === undefined) throw new Error('no item');
    expect(priceText(index, item, 'USD', 'EUR')).toBe('5,20 $US (TVA incluse, env.)');
    expect(priceText(index, item, 'GBP', 'EUR')).toBe('4,49 € (TVA incluse)');
    expect(priceText(index, { ...item, prices: {} }, 'GBP', 'EUR')).toBe('');
  });
});

describe('currency choice', () => {
  const memory = (): ChoiceStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
  };

  it('is stored per tenant, forgotten on request, and used only when the storefront sells in it', () => {
    const storage = memory();
    writeChoice(storage, 'aurora', 'USD');
    expect(storage.data.get(currencyKey('aurora'))).toBe('USD');
    expect(readChoice(storage, 'inkwell')).toBeNull();
    expect(resolveCurrency(readChoice(storage, 'aurora'), ['EUR', 'USD'], 'EUR')).toBe('USD');
    expect(resolveCurrency('JPY', ['EUR', 'USD'], 'EUR')).toBe('EUR');
    writeChoice(storage, 'aurora', null);
    expect(readChoice(storage, 'aurora')).toBeNull();
    const broken: ChoiceStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(readChoice(broken, 'aurora')).toBeNull();
    expect(() => writeChoice(broken, 'aurora', 'USD')).not.toThrow();
  });

  it("picks a product's baked price in the chosen currency, else the page default, and ignores malformed data", () => {
    const prices = parsePrices(
      JSON.stringify({ EUR: { amount: 449, formatted: '4,49 €', taxNote: 'TVA incluse' }, USD: { amount: 'x' } }),
    );
    expect(Object.keys(prices)).toEqual(['EUR']);
    expect(pickPrice(prices, 'USD', 'EUR')).toEqual({
      currency: 'EUR',
      price: { amount: 449, formatted: '4,49 €', taxNote: 'TVA incluse' },
    });
    expect(pickPrice(prices, 'GBP', 'USD')).toBeUndefined();
    expect(parsePrices('not json')).toEqual({});
    expect(parsePrices(undefined)).toEqual({});
  });
});

describe('search source: the catalog search API online, the prebuilt index otherwise (fake fetch stands in for the API)', () => {
  const index: SearchEntry[] = [
    {
      slug: 'tidal-single',
      title: 'Tidal',
      creator: 'Maya Lind',
      type: 'music',
      genre: 'ambient',
      tags: [],
      year: 2024,
      price: '$1.29',
    },
    {
      slug: 'tides-book',
      title: 'Tides',
      creator: 'Ines Moreau',
      type: 'ebook',
      genre: 'fiction',
      tags: [],
      year: 2023,
      price: '$9.99',
    },
  ];
  const apiBody = {
    hits: [
      { id: '1', slug: 'tidal-single', title: 'Tidal', creatorName: 'Maya Lind', mediaType: 'music', coverUrl: null },
    ],
    query: 'tid',
    tookMs: 2,
  };
  const fakeFetch = (answer: (url: string, signal: AbortSignal) => Promise<Pick<Response, 'ok' | 'json'>>) => {
    const calls: string[] = [];
    const fetch: SearchSourceOptions['fetch'] = (url, init) => {
      calls.push(url);
      return answer(url, init.signal);
    };
    return { calls, fetch };
  };
  const ok = (body: unknown) => async () => ({ ok: true, json: async () => body });
  const options = (
    fetch: SearchSourceOptions['fetch'],
    extra: Partial<SearchSourceOptions> = {},
  ): SearchSourceOptions => ({ fetch, online: true, index, signal: new AbortController().signal, ...extra });

  it('asks the API while online, for at most 8 hits', async () => {
    const api = fakeFetch(ok(apiBody));
    await expect(searchOnlineOrIndex('tid', options(api.fetch))).resolves.toEqual({
      source: 'api',
      hits: [{ slug: 'tidal-single', title: 'Tidal', creator: 'Maya Lind' }],
    });
    expect(api.calls).toEqual(['/v1/catalog/search?q=tid&limit=8']);
    expect(searchUrl(' a&b ', 8)).toBe('/v1/catalog/search?q=a%26b&limit=8');
  });

  it('uses the index offline, without a request, and answers an empty query with nothing', async () => {
    const api = fakeFetch(ok(apiBody));
    const offline = await searchOnlineOrIndex('tid', options(api.fetch, { online: false }));
    expect(offline).toEqual({
      source: 'index',
      hits: [
        { slug: 'tidal-single', title: 'Tidal', creator: 'Maya Lind' },
        { slug: 'tides-book', title: 'Tides', creator: 'Ines Moreau' },
      ],
    });
    expect(await searchOnlineOrIndex('  ', options(api.fetch))).toEqual({ source: 'index', hits: [] });
    expect(api.calls).toEqual([]);
  });

  it('falls back to the index when the API fails, answers an error or something unexpected', async () => {
    for (const answer of [
      async () => {
        throw new TypeError('Failed to fetch');
      },
      async () => ({ ok: false, json: async () => ({ error: { code: 'bad_gateway' } }) }),
      ok({ results: [] }),
      async () => ({
        ok: true,
        json: async () => {
          throw new SyntaxError('Unexpected token <');
        },
      }),
    ]) {
      const found = await searchOnlineOrIndex('tide', options(fakeFetch(answer).fetch));
      expect(found.source).toBe('index');
      expect(found.hits.map((h) => h.slug)).toEqual(['tides-book']);
    }
  });

  it('falls back to the index when the API is slower than the timeout, and aborts that request', async () => {
    let aborted = false;
    const slow = fakeFetch(
      (_url, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    );
    const started = Date.now();
    const found = await searchOnlineOrIndex('tid', options(slow.fetch, { timeoutMs: 50 }));
    expect(found.source).toBe('index');
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up without an answer when the buyer typed on (the stale request is aborted)', async () => {
    const typing = new AbortController();
    let aborted = false;
    const pending = fakeFetch(
      (_url, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    );
    const search = searchOnlineOrIndex('tid', options(pending.fetch, { signal: typing.signal }));
    typing.abort(new DOMException('typed on', 'AbortError'));
    await expect(search).rejects.toThrow('typed on');
    expect(aborted).toBe(true);
  });
});
