import { describe, expect, it } from 'vitest';
import {
  CANADA_RATES,
  EU_VAT_RATES,
  OTHER_VAT_RATES,
  US_STATE_SALES_TAX,
  priceCart,
  taxDisplayFor,
  taxRuleFor,
  type QuoteCatalog,
  type QuoteContext,
} from '@fanfare/domain';

// The demo stores' shape: region price lists for the EU, the UK and the US only.
const catalog: QuoteCatalog = {
  products: [
    { id: 'album', taxCategory: 'standard', forSale: true },
    { id: 'ebook', taxCategory: 'ebook', forSale: true },
  ],
  prices: [
    { productId: 'album', currency: 'USD', region: 'US', amount: 1000, taxInclusive: false },
    { productId: 'album', currency: 'EUR', region: 'EU', amount: 900, taxInclusive: true },
    { productId: 'album', currency: 'GBP', region: 'GB', amount: 800, taxInclusive: true },
    { productId: 'ebook', currency: 'USD', region: 'US', amount: 1200, taxInclusive: false },
    { productId: 'ebook', currency: 'EUR', region: 'EU', amount: 1100, taxInclusive: true },
    { productId: 'ebook', currency: 'GBP', region: 'GB', amount: 1000, taxInclusive: true },
  ],
};
const context: QuoteContext = {
  now: new Date('2026-11-22T12:00:00Z'),
  seller: { country: 'IE' },
  tenantCurrency: 'USD',
};
const items = [
  { productId: 'album', quantity: 1 },
  { productId: 'ebook', quantity: 1 },
];

/** Every place the tax tables know, as a quote's country and region. */
const places: { country: string; region?: string }[] = [
  ...new Set([...EU_VAT_RATES, ...OTHER_VAT_RATES].map((r) => r.jurisdiction)),
].map((country) => ({ country }));
for (const province of new Set(CANADA_RATES.map((r) => r.jurisdiction.slice(3))))
  places.push({ country: 'CA', region: province });
for (const state of US_STATE_SALES_TAX) places.push({ country: 'US', region: state.state });

describe('a buyer in any country the tax tables know can buy from region price lists', () => {
  it.each(places.map((p) => [`${p.country}${p.region ? `-${p.region}` : ''}`, p] as const))(
    '%s is quoted with its own tax rules and display',
    (_, place) => {
      const { quote } = priceCart({ items, ...place }, catalog, context);
      const rule = taxRuleFor(place, 'standard', '2026-11-22');
      expect(quote.taxInclusive).toBe(taxDisplayFor(place.country) === 'inclusive');
      expect(rule.display).toBe(taxDisplayFor(place.country));
      expect(quote.total).toBeGreaterThan(0);
      const charged = new Set(quote.tax.filter((t) => t.amount > 0).map((t) => t.rate));
      for (const component of rule.components) if (component.ppm > 0) expect(charged).toContain(component.rate);
    },
  );

  it('pays the store default list (USD) where no region list applies, tax-inclusive in Norway', () => {
    const { quote } = priceCart({ items, country: 'NO' }, catalog, context);
    expect(quote.currency).toBe('USD');
    expect(quote.taxInclusive).toBe(true);
    // 10.00 USD net → 12.50 gross with 25 % MVA; the e-book is zero-rated.
    expect(quote.lines.map((l) => l.total)).toEqual([1250, 1200]);
  });

  it('lets the buyer choose another currency that has a list', () => {
    const { quote } = priceCart({ items, country: 'JP', currency: 'eur' }, catalog, context);
    expect(quote.currency).toBe('EUR');
    expect(quote.lines[0]?.total).toBe(900);
    expect(quote.tax[0]).toMatchObject({ name: 'JCT', rate: '10' });
  });

  it('keeps a region list as the override', () => {
    const { quote } = priceCart({ items, country: 'DE' }, catalog, context);
    expect(quote.currency).toBe('EUR');
    expect(quote.lines[0]?.total).toBe(900);
  });

  it('sells to a country the tables do not know with no tax, flagged tax_not_collected (decision 0009)', () => {
    const { quote } = priceCart({ items, country: 'BR' }, catalog, context);
    expect(quote.currency).toBe('USD');
    expect(quote.tax).toEqual([]);
    expect(quote.total).toBe(2200);
    expect(quote.notes.map((n) => n.code)).toContain('tax_not_collected');
  });
});
