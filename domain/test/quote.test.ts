import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DomainError,
  grossToNet,
  priceCart,
  quote,
  type DiscountCode,
  type Quote,
  type QuoteCatalog,
  type QuoteContext,
  type QuoteInput,
} from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

const discounts: DiscountCode[] = [
  { id: 'd-20', code: 'READ20', kind: 'percent', percent: '20', appliesTo: { scope: 'cart' } },
  { id: 'd-5', code: 'FIVE', kind: 'fixed', amountOff: { EUR: 500, USD: 500, CAD: 500 }, appliesTo: { scope: 'cart' } },
  {
    id: 'd-old',
    code: 'SUMMER',
    kind: 'percent',
    percent: '10',
    appliesTo: { scope: 'cart' },
    validUntil: '2026-09-01T00:00:00Z',
  },
  { id: 'd-few', code: 'FIRST100', kind: 'percent', percent: '10', appliesTo: { scope: 'cart' }, maxRedemptions: 100 },
  {
    id: 'd-big',
    code: 'BIGCART',
    kind: 'percent',
    percent: '10',
    appliesTo: { scope: 'cart' },
    minimumSubtotal: { EUR: 5000, USD: 5000 },
  },
  {
    id: 'd-soon',
    code: 'XMAS',
    kind: 'percent',
    percent: '10',
    appliesTo: { scope: 'cart' },
    validFrom: '2026-12-01T00:00:00Z',
  },
];

const catalog: QuoteCatalog = {
  products: [
    { id: 'album', taxCategory: 'standard', forSale: true },
    { id: 'ebook', taxCategory: 'ebook', forSale: true },
    { id: 'tokens', taxCategory: 'standard', forSale: true },
    { id: 'draft', taxCategory: 'standard', forSale: false },
  ],
  prices: [
    { productId: 'album', currency: 'EUR', region: 'EU', amount: 999, taxInclusive: true },
    { productId: 'album', currency: 'USD', region: '*', amount: 999, taxInclusive: false },
    { productId: 'album', currency: 'GBP', region: 'GB', amount: 899, taxInclusive: true },
    { productId: 'album', currency: 'CAD', region: 'CA', amount: 1299, taxInclusive: false },
    { productId: 'album', currency: 'JPY', region: 'JP', amount: 1500, taxInclusive: true },
    { productId: 'album', currency: 'CHF', region: 'CH', amount: 1000, taxInclusive: true },
    { productId: 'album', currency: 'AUD', region: 'AU', amount: 1499, taxInclusive: true },
    { productId: 'ebook', currency: 'EUR', region: 'EU', amount: 999, taxInclusive: true },
    { productId: 'ebook', currency: 'USD', region: '*', amount: 1299, taxInclusive: false },
    { productId: 'ebook', currency: 'GBP', region: 'GB', amount: 799, taxInclusive: true },
    { productId: 'ebook', currency: 'CAD', region: 'CA', amount: 1499, taxInclusive: false },
    { productId: 'tokens', currency: 'EUR', region: 'EU', amount: 500, taxInclusive: true },
    { productId: 'tokens', currency: 'USD', region: '*', amount: 500, taxInclusive: false },
    { productId: 'draft', currency: 'EUR', region: 'EU', amount: 100, taxInclusive: true },
  ],
  discounts,
};

const context: QuoteContext = {
  now: new Date('2026-11-22T12:00:00Z'),
  seller: { country: 'IE' },
  tenantCurrency: 'USD',
};
const q = (input: Partial<QuoteInput> & Pick<QuoteInput, 'country'>, ctx: Partial<QuoteContext> = {}) =>
  quote({ items: [{ productId: 'album', quantity: 1 }], ...input }, catalog, { ...context, ...ctx });

function expectConsistent(result: Quote): void {
  expect(result.total).toBe(result.lines.reduce((s, l) => s + l.total, 0));
  expect(result.subtotal).toBe(result.lines.reduce((s, l) => s + l.unitAmount * l.quantity, 0));
  for (const line of result.lines) {
    const tax = line.tax.reduce((s, t) => s + t.amount, 0);
    const base = line.unitAmount * line.quantity - line.discount;
    expect(line.total).toBe(result.taxInclusive ? base : base + tax);
    expect(line.total).toBeGreaterThanOrEqual(0);
  }
}

describe('quote shape', () => {
  it('answers exactly the documented fields', () => {
    const result = q({ country: 'DE' });
    expect(Object.keys(result).sort()).toEqual([
      'currency',
      'discount',
      'lines',
      'notes',
      'reverseCharge',
      'subtotal',
      'tax',
      'taxInclusive',
      'total',
    ]);
    expect(Object.keys(result.lines[0] ?? {}).sort()).toEqual([
      'discount',
      'productId',
      'quantity',
      'tax',
      'total',
      'unitAmount',
    ]);
    expect(result.tax[0] && Object.keys(result.tax[0]).sort()).toEqual(['amount', 'name', 'rate']);
  });
});

describe('EU consumers: inclusive prices, buyer-country VAT (ecRates; e-book rates per source)', () => {
  it.each([
    ['DE', 'album', 'VAT', '19', 160, 'ecRates'], // 9.99 / 1.19 = 8.39 → tax 1.60
    ['FR', 'album', 'VAT', '20', 166, 'ecRates'], // net 8.325 → 8.33 half-up
    ['HU', 'album', 'VAT', '27', 212, 'ecRates'],
    ['DE', 'ebook', 'VAT', '7', 65, 'avalaraEpub2018'],
    ['FR', 'ebook', 'VAT', '5.5', 52, 'gvcEbooks2021'],
    ['IE', 'ebook', 'VAT', '0', 0, 'ieEbooks2024'],
    ['ES', 'ebook', 'VAT', '4', 38, 'esEbooks2020'],
  ])('%s %s → %s %s%%, tax %i (source: %s)', (country, productId, name, rate, tax) => {
    const result = q({ country, items: [{ productId, quantity: 1 }] });
    expect(result.currency).toBe('EUR');
    expect(result.taxInclusive).toBe(true);
    expect(result.total).toBe(999);
    expect(result.tax).toEqual([{ name, rate, amount: tax }]);
    expectConsistent(result);
  });
});

describe('EU business buyers: reverse charge (Directive 2006/112/EC art. 196)', () => {
  it('charges no VAT across borders, takes the VAT out of inclusive prices and adds the legal note', () => {
    const result = q({ country: 'DE', vatId: 'DE 136 308 783', items: [{ productId: 'album', quantity: 2 }] });
    expect(result.reverseCharge).toBe(true);
    expect(result.taxInclusive).toBe(false);
    expect(result.lines[0]?.unitAmount).toBe(839); // 9.99 / 1.19
    expect(result.tax).toEqual([]);
    expect(result.total).toBe(1678);
    expect(result.notes.map((n) => n.code)).toContain('reverse_charge');
  });

  it('charges VAT to a business in the seller’s own country', () => {
    const result = q({ country: 'IE', vatId: 'IE6433435F' });
    expect(result.reverseCharge).toBe(false);
    expect(result.tax).toEqual([{ name: 'VAT', rate: '23', amount: 187 }]);
  });
});

describe('non-EU VAT/GST countries (gbVat, chMwst2024, auGst, jpJct)', () => {
  it.each([
    ['GB', 'album', 'GBP', 899, [{ name: 'VAT', rate: '20', amount: 150 }]],
    ['GB', 'ebook', 'GBP', 799, [{ name: 'VAT', rate: '0', amount: 0 }]],
    ['CH', 'album', 'CHF', 1000, [{ name: 'VAT', rate: '8.1', amount: 75 }]],
    ['AU', 'album', 'AUD', 1499, [{ name: 'GST', rate: '10', amount: 136 }]],
    ['JP', 'album', 'JPY', 1500, [{ name: 'JCT', rate: '10', amount: 136 }]],
  ])('%s %s in %s: total %i, %j', (country, productId, currency, total, tax) => {
    const result = q({ country, items: [{ productId, quantity: 1 }] });
    expect([result.currency, result.total, result.taxInclusive]).toEqual([currency, total, true]);
    expect(result.tax).toEqual(tax);
  });

  it('adds VAT on top of an exclusive list price where buyers expect inclusive prices', () => {
    const result = q({ country: 'NO', currency: 'USD' }); // '*' USD price is exclusive, NO displays inclusive
    expect(result.lines[0]?.unitAmount).toBe(1249); // 9.99 + 25 %
    expect(result.tax).toEqual([{ name: 'VAT', rate: '25', amount: 250 }]);
  });
});

describe('US buyers: exclusive prices, state sales tax on digital goods (usRates2025, usDigital)', () => {
  it.each([
    ['TX', [{ name: 'Sales tax', rate: '6.25', amount: 62 }], 1061],
    ['WA', [{ name: 'Sales tax', rate: '6.5', amount: 65 }], 1064],
    ['CA', [], 999],
    ['NY', [], 999],
  ])('US-%s → %j, total %i', (region, tax, total) => {
    const result = q({ country: 'US', region, postalCode: '10001' });
    expect(result.currency).toBe('USD');
    expect(result.taxInclusive).toBe(false);
    expect(result.tax).toEqual(tax);
    expect(result.total).toBe(total);
    expectConsistent(result);
  });
});

describe('Canadian buyers: GST/HST/QST/PST (caRates, caQst, caPstDigital)', () => {
  it.each([
    ['ON', 'K1A 0B1', [{ name: 'HST', rate: '13', amount: 169 }], 1468],
    [
      'QC',
      'H2X 1Y4',
      [
        { name: 'GST', rate: '5', amount: 65 },
        { name: 'QST', rate: '9.975', amount: 130 },
      ],
      1494,
    ],
    [
      'BC',
      'V6B 1A1',
      [
        { name: 'GST', rate: '5', amount: 65 },
        { name: 'PST', rate: '7', amount: 91 },
      ],
      1455,
    ],
    ['AB', 'T2P 1J9', [{ name: 'GST', rate: '5', amount: 65 }], 1364],
  ])('CA-%s → %j', (region, postalCode, tax, total) => {
    const result = q({ country: 'CA', region, postalCode });
    expect(result.tax).toEqual(tax);
    expect(result.total).toBe(total);
  });

  it('finds the province from the postal code when none is given', () => {
    expect(q({ country: 'CA', postalCode: 'H2X 1Y4' }).tax.map((t) => t.name)).toEqual(['GST', 'QST']);
  });
});

describe('discounts are applied before tax', () => {
  it('recomputes VAT from the discounted inclusive price (not the list VAT minus a share)', () => {
    const result = q({ country: 'DE', items: [{ productId: 'ebook', quantity: 1 }], discountCode: 'read20' });
    expect(result.discount).toBe(200); // 20 % of 9.99 = 1.998
    expect(result.total).toBe(799);
    expect(result.tax).toEqual([{ name: 'VAT', rate: '7', amount: 52 }]); // 7.99 − 7.99/1.07
    expect(grossToNet(799, [{ name: 'VAT', rate: '7', ppm: 70_000 }]) + 52).toBe(799);
  });

  it('takes a fixed amount off the net in exclusive regions and taxes the rest', () => {
    const result = q({
      country: 'US',
      region: 'TX',
      items: [{ productId: 'ebook', quantity: 1 }],
      discountCode: 'FIVE',
    });
    expect([result.discount, result.tax[0]?.amount, result.total]).toEqual([500, 50, 849]);
  });

  it('spreads a cart discount over lines so they add up', () => {
    const result = q({
      country: 'FR',
      items: [
        { productId: 'album', quantity: 1 },
        { productId: 'ebook', quantity: 2 },
      ],
      discountCode: 'FIVE',
    });
    expect(result.lines.map((l) => l.discount)).toEqual([167, 333]);
    expect(result.tax).toEqual([
      { name: 'VAT', rate: '20', amount: 139 },
      { name: 'VAT', rate: '5.5', amount: 87 },
    ]);
    expectConsistent(result);
  });
});

describe('every bad input gets its specific error code', () => {
  it.each([
    ['empty cart', { country: 'DE', items: [] }, {}, 'empty_cart'],
    ['zero quantity', { country: 'DE', items: [{ productId: 'album', quantity: 0 }] }, {}, 'invalid_quantity'],
    ['fractional quantity', { country: 'DE', items: [{ productId: 'album', quantity: 1.5 }] }, {}, 'invalid_quantity'],
    ['unknown country', { country: 'XX' }, {}, 'unknown_country'],
    ['not a country', { country: 'EU' }, {}, 'unknown_country'],
    ['unknown currency', { country: 'DE', currency: 'XYZ' }, {}, 'unknown_currency'],
    ['no price in currency', { country: 'DE', currency: 'SEK' }, {}, 'no_price_in_currency'],
    ['unknown product', { country: 'DE', items: [{ productId: 'nope', quantity: 1 }] }, {}, 'unknown_product'],
    [
      'product not for sale',
      { country: 'DE', items: [{ productId: 'draft', quantity: 1 }] },
      {},
      'product_not_for_sale',
    ],
    ['US without state', { country: 'US' }, {}, 'region_required'],
    ['unknown state', { country: 'US', region: 'ZZ' }, {}, 'unknown_region'],
    ['bad ZIP', { country: 'US', region: 'TX', postalCode: '7870' }, {}, 'malformed_postal_code'],
    [
      'postal code of another province',
      { country: 'CA', region: 'QC', postalCode: 'M5V 2T6' },
      {},
      'malformed_postal_code',
    ],
    ['malformed VAT id', { country: 'DE', vatId: 'DE123' }, {}, 'malformed_vat_id'],
    ['VAT id bad check digits', { country: 'DE', vatId: 'DE136308784' }, {}, 'malformed_vat_id'],
    ['VAT id of another country', { country: 'FR', vatId: 'DE136308783' }, {}, 'vat_id_country_mismatch'],
    [
      'VAT id rejected by VIES',
      { country: 'DE', vatId: 'DE136308783' },
      {
        vatIdVerification: {
          vatId: 'DE136308783',
          valid: false,
          checkedAt: '2026-11-22T11:59:00Z',
          registry: 'vies' as const,
        },
      },
      'vat_id_rejected',
    ],
    ['unknown discount code', { country: 'DE', discountCode: 'NOPE' }, {}, 'unknown_discount'],
    ['expired code', { country: 'DE', discountCode: 'SUMMER' }, {}, 'discount_expired'],
    ['code not started', { country: 'DE', discountCode: 'XMAS' }, {}, 'discount_not_started'],
    [
      'code used up',
      { country: 'DE', discountCode: 'FIRST100' },
      { discountUsage: { redemptions: 100, customerRedemptions: 0 } },
      'discount_exhausted',
    ],
    ['minimum not met', { country: 'DE', discountCode: 'BIGCART' }, {}, 'minimum_not_met'],
    ['fixed code without the currency', { country: 'GB', discountCode: 'FIVE' }, {}, 'discount_currency_mismatch'],
  ] as const)('%s → %s', (_, input, ctx, code) => {
    expect(
      codeOf(() => quote({ items: [{ productId: 'album', quantity: 1 }], ...input }, catalog, { ...context, ...ctx })),
    ).toBe(code);
  });
});

describe('tax location evidence is recorded', () => {
  it('records which rule chose the country and flags an uncorroborated one', () => {
    const priced = priceCart({ items: [{ productId: 'album', quantity: 1 }], country: 'DE' }, catalog, {
      ...context,
      evidence: { ipCountry: 'DE' },
    });
    expect(priced.taxLocation).toMatchObject({
      country: 'DE',
      on: '2026-11-22',
      decision: { rule: 'billing_confirmed_by_ip', corroborated: true },
    });
    const alone = q({ country: 'DE' });
    expect(alone.notes.map((n) => n.code)).toContain('location_not_corroborated');
  });

  it('taxes where card and IP agree when the billing country disagrees', () => {
    const result = q({ country: 'DE' }, { evidence: { ipCountry: 'FR', cardCountry: 'FR' } });
    expect(result.tax).toEqual([{ name: 'VAT', rate: '20', amount: 166 }]);
  });
});

describe('quote properties', () => {
  const places = fc.constantFrom(
    { country: 'DE' },
    { country: 'FR' },
    { country: 'HU' },
    { country: 'GB' },
    { country: 'JP' },
    { country: 'CH' },
    { country: 'US', region: 'TX' },
    { country: 'US', region: 'CA' },
    { country: 'CA', region: 'QC' },
    { country: 'CA', region: 'BC' },
    { country: 'BR' },
    { country: 'DE', vatId: 'DE136308783' },
  );
  const items = fc.array(
    fc.record({ productId: fc.constantFrom('album', 'ebook', 'tokens'), quantity: fc.integer({ min: 1, max: 100 }) }),
    { minLength: 1, maxLength: 6 },
  );
  const code = fc.constantFrom(undefined, 'READ20', 'FIVE');

  it('lines always sum to the total, line arithmetic holds, nothing is negative', () => {
    fc.assert(
      fc.property(places, items, code, (place, its, discountCode) => {
        let result: Quote;
        try {
          result = quote(
            { ...place, items: its, currency: 'USD', ...(discountCode ? { discountCode } : {}) },
            catalog,
            context,
          );
        } catch (error) {
          // A cart whose only lines cannot take the code is a legitimate refusal.
          if (error instanceof DomainError && error.code === 'discount_currency_mismatch') return;
          throw error;
        }
        expectConsistent(result);
        expect(result.discount).toBeLessThanOrEqual(result.subtotal);
        for (const t of result.tax) expect(t.amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('inclusive ↔ exclusive stays within one minor unit per line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DE', 'FR', 'GB', 'JP', 'NO', 'HU'),
        fc.constantFrom('album', 'ebook', 'tokens'),
        fc.integer({ min: 1, max: 10 ** 7 }),
        (country, productId, net) => {
          // The same net price listed exclusive, quoted where prices display inclusive.
          const exclusive: QuoteCatalog = {
            ...catalog,
            prices: [{ productId, currency: 'USD', region: '*', amount: net, taxInclusive: false }],
          };
          const result = quote({ country, items: [{ productId, quantity: 1 }], currency: 'USD' }, exclusive, context);
          const line = result.lines[0];
          const tax = line?.tax.reduce((s, t) => s + t.amount, 0) ?? 0;
          expect(Math.abs((line?.total ?? 0) - tax - net)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
