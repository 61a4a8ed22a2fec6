import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateProcessorFee,
  refundRefusal,
  reversalLegs,
  saleLegs,
  type LedgerLeg,
  type LedgerSaleLine,
} from '../src/index.js';

const sum = (legs: readonly LedgerLeg[]) => legs.reduce((total, leg) => total + leg.amountMinor, 0);
const credited = (legs: readonly LedgerLeg[]) => sum(legs.filter((leg) => leg.account !== 'clearing'));
/** Two lines of 10.00 + 8 % tax, one per creator. */
const LINES: LedgerSaleLine[] = [
  { creatorId: 'c1', totalMinor: 1080, taxMinor: 80 },
  { creatorId: 'c2', totalMinor: 1080, taxMinor: 80 },
];

describe('ledger legs', () => {
  it.each([
    [2160, 93],
    [0, 0],
    [-5, 0],
    [1, 30],
    [17, 30],
    [18, 31],
  ])('estimates the processor fee of %i as 2.9 %% + 30, half up: %i', (total, fee) => {
    expect(estimateProcessorFee(total)).toBe(fee);
  });

  it('splits a sale into creator earnings, platform fee and processor fee that balance', () => {
    const legs = saleLegs(LINES, 1000, 93);
    expect(sum(legs)).toBe(0);
    expect(legs).toEqual([
      { account: 'clearing', kind: 'sale', amountMinor: -2000, creatorId: null },
      { account: 'creator_pending', kind: 'sale', amountMinor: 1000 - 100 - 47, creatorId: 'c1' },
      { account: 'creator_pending', kind: 'sale', amountMinor: 1000 - 100 - 46, creatorId: 'c2' },
      { account: 'platform_revenue', kind: 'platform_fee', amountMinor: 200, creatorId: null },
      { account: 'processor_fees', kind: 'processor_fee', amountMinor: 93, creatorId: null },
    ]);
  });

  it.each([
    ['a free order', [{ creatorId: 'c1', totalMinor: 0, taxMinor: 0 }], 1000, 0, []],
    ['no lines', [], 1000, 0, []],
    [
      'a half-unit platform fee rounds half up',
      [{ creatorId: 'c1', totalMinor: 110, taxMinor: 0 }],
      500,
      0,
      [
        { account: 'clearing', kind: 'sale', amountMinor: -110, creatorId: null },
        { account: 'creator_pending', kind: 'sale', amountMinor: 104, creatorId: 'c1' },
        { account: 'platform_revenue', kind: 'platform_fee', amountMinor: 6, creatorId: null },
      ],
    ],
  ])('sale legs of %s', (_name, lines, bps, fee, expected) => {
    expect(saleLegs(lines as LedgerSaleLine[], bps, fee)).toEqual(expected);
  });

  it('reverses from cumulative amounts, so odd partial refunds end exactly at zero', () => {
    const sale = saleLegs(LINES, 1000, 93);
    const steps = [0, 7, 333, 1001, 2160];
    const all = steps.slice(1).flatMap((to, i) => {
      const legs = reversalLegs(sale, 2160, steps[i] ?? 0, to, 'refund');
      expect(sum(legs)).toBe(0);
      return legs;
    });
    for (const leg of sale) {
      const back = all
        .filter((l) => l.account === leg.account && l.creatorId === leg.creatorId)
        .reduce((t, l) => t + l.amountMinor, 0);
      expect(back).toBe(-leg.amountMinor);
    }
    expect(reversalLegs(sale, 2160, 500, 500, 'refund')).toEqual([]);
  });

  const line = fc.record({
    creatorId: fc.constantFrom('c1', 'c2', 'c3'),
    net: fc.integer({ min: 0, max: 1_000_000 }),
    taxMinor: fc.integer({ min: 0, max: 200_000 }),
  });
  const sale = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    bps: fc.integer({ min: 0, max: 3000 }),
  });

  it('always balances, and the credited legs always sum to the charged amount net of tax', () => {
    fc.assert(
      fc.property(sale, ({ lines, bps }) => {
        const ledgerLines = lines.map((l) => ({
          creatorId: l.creatorId,
          totalMinor: l.net + l.taxMinor,
          taxMinor: l.taxMinor,
        }));
        const charged = ledgerLines.reduce((t, l) => t + l.totalMinor, 0);
        const legs = saleLegs(ledgerLines, bps, estimateProcessorFee(charged));
        expect(sum(legs)).toBe(0);
        expect(credited(legs)).toBe(charged - ledgerLines.reduce((t, l) => t + l.taxMinor, 0));
      }),
    );
  });

  it('any series of partial refunds gives back exactly the sale', () => {
    fc.assert(
      fc.property(sale, fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }), ({ lines, bps }, cuts) => {
        const ledgerLines = lines.map((l) => ({
          creatorId: l.creatorId,
          totalMinor: l.net + l.taxMinor,
          taxMinor: l.taxMinor,
        }));
        const total = ledgerLines.reduce((t, l) => t + l.totalMinor, 0);
        fc.pre(total > 0);
        const legs = saleLegs(ledgerLines, bps, estimateProcessorFee(total));
        const points = [0, ...cuts.map((c) => c % total).sort((a, b) => a - b), total];
        const back = points.slice(1).flatMap((to, i) => reversalLegs(legs, total, points[i] ?? 0, to, 'refund'));
        expect(sum(back)).toBe(0);
        expect(credited(back)).toBe(-credited(legs));
      }),
    );
  });

  it.each([
    ['awaiting_payment', 100, 0, null, /cannot be refunded/],
    ['paid', 100, 0, 101, /Only 100/],
    ['paid', 100, 0, 0, /positive/],
    ['partially_refunded', 100, 100, null, /Nothing/],
  ] as const)('refuses a refund of an order %s (total %i, taken %i, asked %s)', (status, total, taken, asked, why) => {
    expect(refundRefusal(status, total, taken, asked)).toMatch(why);
  });

  it('accepts a refund within what is left', () => {
    expect(refundRefusal('paid', 100, 40, 60)).toBeNull();
  });
});
