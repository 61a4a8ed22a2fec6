import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocate,
  allocateEvenly,
  applyPpm,
  currencyInfo,
  divideRounded,
  formatMoney,
  formatPercent,
  isCurrencyCode,
  money,
  parseMoney,
  percentToPpm,
  ppmToPercent,
  roundForCash,
  roundToIncrement,
  toDecimalString,
} from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

describe('currency metadata from Intl', () => {
  // Pinned so that a Node/ICU upgrade that changes a scale we store amounts in fails loudly.
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['CAD', 2],
    ['AUD', 2],
    ['CHF', 2],
    ['SEK', 2],
    ['NOK', 2],
    ['DKK', 2],
    ['PLN', 2],
    ['CZK', 2],
    ['NZD', 2],
    ['BRL', 2],
    ['MXN', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['JOD', 3],
    ['TND', 3],
  ])('%s has %i minor units', (code, digits) => {
    expect(currencyInfo(code).minorUnits).toBe(digits);
  });

  it.each(['XYZ', 'usd', 'EURO', '', 'US'])('"%s" is unknown_currency', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    expect(codeOf(() => currencyInfo(code))).toBe('unknown_currency');
  });
});

describe('divideRounded', () => {
  it.each([
    [25n, 10n, 'half_up', 3n],
    [-25n, 10n, 'half_up', -3n],
    [24n, 10n, 'half_up', 2n],
    [25n, 10n, 'half_even', 2n],
    [35n, 10n, 'half_even', 4n],
    [-25n, 10n, 'half_even', -2n],
    [26n, 10n, 'half_even', 3n],
    [29n, 10n, 'toward_zero', 2n],
    [-29n, 10n, 'toward_zero', -2n],
    [21n, 10n, 'away_from_zero', 3n],
    [-21n, 10n, 'away_from_zero', -3n],
    [20n, 10n, 'away_from_zero', 2n],
  ] as const)('%i / %i %s → %i', (n, d, mode, expected) => {
    expect(divideRounded(n, d, mode)).toBe(expected);
  });

  it('never differs from the exact quotient by more than one half (half modes)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          for (const mode of ['half_up', 'half_even'] as const) {
            const q = divideRounded(n, d, mode);
            const error = q * d - n;
            expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
          }
        },
      ),
    );
  });

  it('rounds to increments', () => {
    expect(roundToIncrement(1237, 5)).toBe(1235);
    expect(roundToIncrement(1238, 5)).toBe(1240);
    expect(roundToIncrement(1250, 100, 'half_even')).toBe(1200);
    expect(roundToIncrement(1350, 100, 'half_even')).toBe(1400);
  });
});

describe('money values', () => {
  it('adds within one currency and refuses to mix', () => {
    expect(addMoney(money(150, 'EUR'), money(-50, 'EUR'))).toEqual({ amount: 100, currency: 'EUR' });
    expect(codeOf(() => addMoney(money(1, 'EUR'), money(1, 'USD')))).toBe('currency_mismatch');
  });

  it.each([
    [1.5, 'invalid_amount'],
    [Number.NaN, 'invalid_amount'],
    [2 ** 60, 'invalid_amount'],
  ] as const)('money(%d) → %s', (amount, code) => {
    expect(codeOf(() => money(amount, 'EUR'))).toBe(code);
  });

  it.each([
    ['12.34', 'EUR', 1234],
    ['12.3', 'EUR', 1230],
    ['12', 'EUR', 1200],
    ['-0.05', 'CHF', -5],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['0.001', 'KWD', 1],
  ])('parseMoney(%s, %s) = %i', (text, currency, amount) => {
    expect(parseMoney(text, currency).amount).toBe(amount);
  });

  it.each([
    ['12.345', 'EUR'],
    ['1.5', 'JPY'],
    ['abc', 'EUR'],
    ['1,5', 'EUR'],
    ['', 'EUR'],
  ])('parseMoney(%s, %s) is invalid_amount', (text, currency) => {
    expect(codeOf(() => parseMoney(text, currency))).toBe('invalid_amount');
  });

  it('round-trips through decimal strings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (amount, currency) => {
          const text = toDecimalString(amount, currencyInfo(currency).minorUnits);
          expect(parseMoney(text, currency).amount).toBe(amount);
        },
      ),
    );
  });
});

describe('percentages as parts per million', () => {
  it.each([
    ['19', 190_000],
    ['5.5', 55_000],
    ['9.975', 99_750],
    ['0', 0],
    ['100', 1_000_000],
    ['2.6', 26_000],
  ])('%s%% = %i ppm', (text, ppm) => {
    expect(percentToPpm(text)).toBe(ppm);
    expect(ppmToPercent(ppm)).toBe(text);
  });

  it.each(['-1', '101', '1.23456', 'abc', '19%', ''])('"%s" is invalid_rate', (text) => {
    expect(codeOf(() => percentToPpm(text))).toBe('invalid_rate');
  });

  it('applies a rate half-up', () => {
    expect(applyPpm(1050, 190_000)).toBe(200); // 199.5 → 200
    expect(applyPpm(1000, 99_750)).toBe(100); // 99.75 → 100
  });
});

describe('allocate (largest remainder)', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [5, [3, 7], [2, 3]],
    [0, [0, 0], [0, 0]],
    [10, [0, 5], [0, 10]],
    [1, [1, 1], [1, 0]],
  ])('allocate(%i, %j) = %j', (total, weights, shares) => {
    expect(allocate(total, weights)).toEqual(shares);
  });

  it('refuses impossible splits with invalid_allocation', () => {
    expect(codeOf(() => allocate(5, []))).toBe('invalid_allocation');
    expect(codeOf(() => allocate(5, [0, 0]))).toBe('invalid_allocation');
    expect(codeOf(() => allocate(5, [-1, 2]))).toBe('invalid_allocation');
    expect(codeOf(() => allocateEvenly(5, 0))).toBe('invalid_allocation');
  });

  it('conserves the total and keeps every share within one unit of its exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc
          .array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 20 })
          .filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const shares = allocate(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            const exact = (total * (weights[i] ?? 0)) / sum;
            expect(Math.abs(share - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
          });
        },
      ),
    );
  });
});

describe('formatting with Intl.NumberFormat', () => {
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it.each([
    ['en-US', 123450, 'USD', '$1,234.50'],
    ['en-GB', 123450, 'GBP', '£1,234.50'],
    ['en-GB', 123450, 'USD', 'US$1,234.50'],
    ['fr-FR', 123450, 'EUR', '1 234,50 €'],
    ['de-DE', 123450, 'EUR', '1.234,50 €'],
    ['de-DE', 1500, 'JPY', '1.500 ¥'],
    ['en-US', 1500, 'JPY', '¥1,500'],
    ['en-US', 1234, 'KWD', 'KWD 1.234'],
    ['en-US', -5, 'EUR', '-€0.05'],
  ])('%s: %i %s → %s', (locale, amount, currency, text) => {
    expect(nbsp(formatMoney({ amount, currency }, locale))).toBe(text);
  });

  it('formats rates per locale', () => {
    expect(formatPercent(99_750, 'en-US')).toBe('9.975%');
    expect(nbsp(formatPercent(99_750, 'fr-FR'))).toBe('9,975 %');
    expect(formatPercent(190_000, 'de-DE').replace(/\s/g, ' ')).toBe('19 %');
  });
});

describe('cash rounding per region', () => {
  it.each([
    [1237, 'CHF', 'CH', 1235, 'Swiss Federal Council 5-centime'],
    [1238, 'CHF', 'CH', 1240, 'Swiss Federal Council 5-centime'],
    [1992, 'CAD', 'CA', 1990, 'Government of Canada penny phase-out 2013'],
    [1993, 'CAD', 'CA', 1995, 'Government of Canada penny phase-out 2013'],
    [1993, 'EUR', 'NL', 1995, 'De Nederlandsche Bank 2004'],
    [1993, 'EUR', 'DE', 1993, 'no euro cash rounding in Germany'],
    [1950, 'SEK', 'SE', 2000, 'Sveriges Riksbank 2010'],
    [1925, 'DKK', 'DK', 1950, 'Danmarks Nationalbank 2008'],
  ])('%i %s in %s → %i (%s)', (amount, currency, country, rounded) => {
    expect(roundForCash(amount, currency, country)).toBe(rounded);
  });
});
