import { describe, expect, it } from 'vitest';
import { itemsInCurrency, type CatalogItem } from '../src/features/catalog/catalog-filter.js';
import { currencyKey, parsePrices, pickPrice, readChoice, resolveCurrency, writeChoice, type ChoiceStorage } from '../src/features/locale/currency-choice.js';
import { offlinePageKeysFor } from '../src/features/pwa/offline-routing.js';
import { precachePatterns } from '../src/features/pwa/precache.js';
import { pricesFor } from '../src/lib/i18n.js';
import { enabledLocales, localeSegment, localizedPath, splitLocalePath } from '../src/lib/locales.js';

describe('locale routes', () => {
  it('builds every supported locale unless the tenant lists some, its own default first', () => {
    expect(enabledLocales({ locale: 'en-GB' })).toEqual(['en-GB', 'en-US', 'fr-FR', 'de-DE']);
    expect(enabledLocales({ locale: 'fr-FR', locales: ['de-de', 'xx-YY', 'fr-FR', 'de-DE'] })).toEqual(['fr-FR', 'de-DE']);
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

  it("precaches every locale's shell pages and the default locale's top products", () => {
    const patterns = precachePatterns(['a', 'b'], 1, ['fr-fr']);
    expect(patterns).toEqual(expect.arrayContaining(['index.html', 'products/a/index.html', 'fr-fr/index.html', 'fr-fr/offline/index.html', 'fr-fr/search-index.json']));
    expect(patterns).not.toContain('products/b/index.html');
    expect(patterns.some((p) => p.startsWith('fr-fr/products/'))).toBe(false);
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

  it('shows catalog items in the chosen currency where they have a price in it', () => {
    const item: CatalogItem = { slug: 's', title: 'T', creator: 'C', type: 'music', genre: '', year: null, amount: 449, price: '4,49 €', cover: null,
      prices: { USD: { amount: 520, price: '5,20 $US' } } };
    expect(itemsInCurrency([item], 'USD')[0]).toMatchObject({ amount: 520, price: '5,20 $US' });
    expect(itemsInCurrency([item], 'GBP')[0]).toBe(item);
  });
});

describe('currency choice', () => {
  const memory = (): ChoiceStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
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
    const broken: ChoiceStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined };
    expect(readChoice(broken, 'aurora')).toBeNull();
    expect(() => writeChoice(broken, 'aurora', 'USD')).not.toThrow();
  });

  it("picks a product's baked price in the chosen currency, else the page default, and ignores malformed data", () => {
    const prices = parsePrices(JSON.stringify({ EUR: { amount: 449, formatted: '4,49 €', taxNote: 'TVA incluse' }, USD: { amount: 'x' } }));
    expect(Object.keys(prices)).toEqual(['EUR']);
    expect(pickPrice(prices, 'USD', 'EUR')).toEqual({ currency: 'EUR', price: { amount: 449, formatted: '4,49 €', taxNote: 'TVA incluse' } });
    expect(pickPrice(prices, 'GBP', 'USD')).toBeUndefined();
    expect(parsePrices('not json')).toEqual({});
    expect(parsePrices(undefined)).toEqual({});
  });
});
