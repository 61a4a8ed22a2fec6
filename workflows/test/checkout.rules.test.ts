import { describe, expect, it } from 'vitest';
import { allocate, estimateProcessorFee, refundRefusal, reversalLegs, saleLegs } from '../src/index.js';
import { QUOTE } from './support/fake-checkout-activities.js';

const sum = (legs: Array<{ amountMinor: number }>) => legs.reduce((total, leg) => total + leg.amountMinor, 0);

describe('checkout rules', () => {
  it('allocates by weight with the remainder to the largest fractions', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(93, [1080, 1080])).toEqual([47, 46]);
    expect(allocate(5, [0, 0])).toEqual([5, 0]);
  });

  it('estimates the processor fee as 2.9% + 30', () => {
    expect(estimateProcessorFee(2160)).toBe(93);
    expect(estimateProcessorFee(0)).toBe(0);
  });

  it('splits a sale into creator earnings, platform fee and processor fee that balance', () => {
    const legs = saleLegs(QUOTE, 1000, 93);
    expect(sum(legs)).toBe(0);
    expect(legs).toEqual([
      { account: 'clearing', kind: 'sale', amountMinor: -2000, creatorId: null },
      { account: 'creator_pending', kind: 'sale', amountMinor: 1000 - 100 - 47, creatorId: 'c1' },
      { account: 'creator_pending', kind: 'sale', amountMinor: 1000 - 100 - 46, creatorId: 'c2' },
      { account: 'platform_revenue', kind: 'platform_fee', amountMinor: 200, creatorId: null },
      { account: 'processor_fees', kind: 'processor_fee', amountMinor: 93, creatorId: null },
    ]);
  });

  it('reverses from cumulative amounts, so odd partial refunds end exactly at zero', () => {
    const sale = saleLegs(QUOTE, 1000, 93);
    const steps = [0, 7, 333, 1001, 2160];
    const all = steps.slice(1).flatMap((to, i) => {
      const legs = reversalLegs(sale, 2160, steps[i]!, to, 'refund');
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

  it('refuses refunds an order cannot take', () => {
    expect(refundRefusal('awaiting_payment', 100, 0, null)).toMatch(/cannot be refunded/);
    expect(refundRefusal('paid', 100, 0, 101)).toMatch(/Only 100/);
    expect(refundRefusal('paid', 100, 0, 0)).toMatch(/positive/);
    expect(refundRefusal('partially_refunded', 100, 100, null)).toMatch(/Nothing/);
    expect(refundRefusal('paid', 100, 40, 60)).toBeNull();
  });
});
