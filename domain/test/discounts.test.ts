import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiscount, findDiscountCode, validateDiscountCode, type DiscountCode } from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

const now = new Date('2026-11-22T12:00:00Z');
const lines = [
  { productId: 'album', quantity: 1, amount: 999 },
  { productId: 'track', quantity: 3, amount: 387 },
  { productId: 'ebook', quantity: 1, amount: 1499 },
];
const percent = (extra: Partial<DiscountCode> = {}): DiscountCode => ({
  id: 'd1',
  code: 'FALL15',
  kind: 'percent',
  percent: '15',
  appliesTo: { scope: 'cart' },
  ...extra,
});
const fixed = (extra: Partial<DiscountCode> = {}): DiscountCode => ({
  id: 'd2',
  code: 'FIVEOFF',
  kind: 'fixed',
  amountOff: { EUR: 500, USD: 500 },
  appliesTo: { scope: 'cart' },
  ...extra,
});

describe('percent and fixed discounts', () => {
  it('takes 15 % off the cart, rounded once and spread by largest remainder', () => {
    const applied = applyDiscount(percent(), lines, { currency: 'EUR', now });
    expect(applied.total).toBe(433); // 15 % of 2885 = 432.75
    expect(applied.perLine).toEqual([150, 58, 225]);
  });

  it('takes a percentage off named products only', () => {
    const applied = applyDiscount(percent({ appliesTo: { scope: 'products', productIds: ['ebook'] } }), lines, {
      currency: 'EUR',
      now,
    });
    expect(applied.perLine).toEqual([0, 0, 225]);
  });

  it('takes a fixed amount off the order, capped at what the eligible lines cost', () => {
    expect(applyDiscount(fixed(), lines, { currency: 'EUR', now }).total).toBe(500);
    const onTrack = applyDiscount(fixed({ appliesTo: { scope: 'products', productIds: ['track'] } }), lines, {
      currency: 'EUR',
      now,
    });
    expect(onTrack.perLine).toEqual([0, 387, 0]);
  });

  it('takes a fixed amount off every eligible unit', () => {
    const perUnit = fixed({
      amountOff: { EUR: 50 },
      fixedPer: 'unit',
      appliesTo: { scope: 'products', productIds: ['track'] },
    });
    expect(applyDiscount(perUnit, lines, { currency: 'EUR', now }).perLine).toEqual([0, 150, 0]);
  });

  it('finds a code whatever its case', () => {
    expect(findDiscountCode([percent(), fixed()], ' fiveoff ').id).toBe('d2');
    expect(codeOf(() => findDiscountCode([percent()], 'NOPE'))).toBe('unknown_discount');
  });
});

describe('every reason a code cannot be used has its own error code', () => {
  it.each([
    ['not yet valid', percent({ validFrom: '2026-12-01T00:00:00Z' }), {}, 'discount_not_started'],
    ['expired', percent({ validUntil: '2026-11-22T12:00:00Z' }), {}, 'discount_expired'],
    [
      'used up',
      percent({ maxRedemptions: 100 }),
      { usage: { redemptions: 100, customerRedemptions: 0 } },
      'discount_exhausted',
    ],
    [
      'per-customer limit',
      percent({ perCustomerLimit: 1 }),
      { usage: { redemptions: 3, customerRedemptions: 1 } },
      'discount_customer_limit',
    ],
    ['minimum subtotal', percent({ minimumSubtotal: { EUR: 5000 } }), {}, 'minimum_not_met'],
    ['minimum in another currency', percent({ minimumSubtotal: { USD: 100 } }), {}, 'discount_currency_mismatch'],
    ['fixed amount in another currency', fixed({ amountOff: { USD: 500 } }), {}, 'discount_currency_mismatch'],
    [
      'no eligible product',
      percent({ appliesTo: { scope: 'products', productIds: ['other'] } }),
      {},
      'discount_not_applicable',
    ],
  ] as const)('%s → %s', (_, discount, extra, code) => {
    expect(codeOf(() => applyDiscount(discount, lines, { currency: 'EUR', now, ...extra }))).toBe(code);
  });

  it('is valid right up to validUntil and from validFrom on', () => {
    const windowed = percent({ validFrom: '2026-11-22T12:00:00Z', validUntil: '2026-11-22T12:00:00.001Z' });
    expect(applyDiscount(windowed, lines, { currency: 'EUR', now }).total).toBe(433);
  });

  it.each([
    ['bad percent', percent({ percent: '150' })],
    ['zero percent', percent({ percent: '0' })],
    ['no amount', fixed({ amountOff: {} })],
    ['negative amount', fixed({ amountOff: { EUR: -5 } })],
    ['unknown currency', fixed({ amountOff: { XYZ: 5 } })],
    ['inverted window', percent({ validFrom: '2026-12-01T00:00:00Z', validUntil: '2026-11-01T00:00:00Z' })],
    ['zero limit', percent({ maxRedemptions: 0 })],
    ['empty product list', percent({ appliesTo: { scope: 'products', productIds: [] } })],
    ['bad code', percent({ code: 'no spaces allowed' })],
  ])('definition with %s is invalid_discount or invalid_rate', (_, discount) => {
    expect(['invalid_discount', 'invalid_rate']).toContain(codeOf(() => validateDiscountCode(discount)));
  });
});

describe('discount properties', () => {
  const arbLines = fc.array(
    fc.record({
      productId: fc.constantFrom('a', 'b', 'c'),
      quantity: fc.integer({ min: 1, max: 5 }),
      amount: fc.integer({ min: 0, max: 10 ** 8 }),
    }),
    { minLength: 1, maxLength: 8 },
  );
  const arbDiscount = fc.oneof(
    fc
      .integer({ min: 1, max: 1_000_000 })
      .map((ppm) => percent({ percent: `${Math.floor(ppm / 10_000)}.${String(ppm % 10_000).padStart(4, '0')}` })),
    fc.integer({ min: 1, max: 10 ** 9 }).map((off) => fixed({ amountOff: { EUR: off } })),
    fc
      .integer({ min: 1, max: 10 ** 6 })
      .map((off) =>
        fixed({ amountOff: { EUR: off }, fixedPer: 'unit', appliesTo: { scope: 'products', productIds: ['a', 'b'] } }),
      ),
  );

  it('never exceeds a line, never goes negative, and its lines sum to its total', () => {
    fc.assert(
      fc.property(arbLines, arbDiscount, (ls, discount) => {
        fc.pre(discount.appliesTo.scope === 'cart' || ls.some((l) => l.productId !== 'c'));
        const applied = applyDiscount(discount, ls, { currency: 'EUR', now });
        expect(applied.perLine.reduce((a, b) => a + b, 0)).toBe(applied.total);
        applied.perLine.forEach((off, i) => {
          expect(off).toBeGreaterThanOrEqual(0);
          expect(off).toBeLessThanOrEqual(ls[i]?.amount ?? 0);
        });
      }),
    );
  });
});
