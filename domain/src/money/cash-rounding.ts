import { minorUnitsOf } from './currency.js';
import { roundToIncrement } from './rounding.js';

/**
 * Where the smallest coins have been withdrawn, a total paid in cash is rounded to what can be
 * handed over (Swiss 5 Rappen, Canadian nickel). Card and bank payments are still exact, so a
 * point of sale applies this only when it takes cash; it is data here because `Intl` exposes
 * no cash increments.
 */
export interface CashRoundingRule {
  /** ISO 4217 currency the rule applies to. */
  readonly currency: string;
  /** Countries where the rule holds; absent means wherever the currency is used. */
  readonly countries?: readonly string[];
  /** The step in minor units of the currency (5 → 0.05 CHF). */
  readonly increment: number;
  /** Where the rule is published. */
  readonly source: string;
  /** First day the rule applied (ISO date). */
  readonly effectiveFrom: string;
}

/** Cash rounding increments by currency and, for the euro, by member state. */
export const CASH_ROUNDING_RULES: readonly CashRoundingRule[] = [
  {
    currency: 'CHF',
    increment: 5,
    effectiveFrom: '2007-01-01',
    source: 'Swiss Federal Council: 1-centime coin withdrawn from circulation 2007-01-01; smallest coin 5 centimes',
  },
  {
    currency: 'CAD',
    increment: 5,
    effectiveFrom: '2013-02-04',
    source:
      'Government of Canada, Budget 2012 "Phasing out the penny": cash totals rounded to the nearest 5 cents from 2013-02-04',
  },
  {
    currency: 'AUD',
    increment: 5,
    effectiveFrom: '1992-02-01',
    source: 'Reserve Bank of Australia: 1c and 2c coins withdrawn in 1992, cash totals rounded to 5 cents',
  },
  {
    currency: 'NZD',
    increment: 10,
    effectiveFrom: '2006-07-31',
    source: 'Reserve Bank of New Zealand: 5c coin demonetised 2006-07-31, cash totals rounded to 10 cents',
  },
  {
    currency: 'SEK',
    increment: 100,
    effectiveFrom: '2010-09-30',
    source: 'Sveriges Riksbank: 50-öre coin invalid from 2010-09-30, cash totals rounded to whole kronor',
  },
  {
    currency: 'NOK',
    increment: 100,
    effectiveFrom: '2012-05-01',
    source: 'Norges Bank: 50-øre coin withdrawn 2012-05-01, cash totals rounded to whole kroner',
  },
  {
    currency: 'DKK',
    increment: 50,
    effectiveFrom: '2008-10-01',
    source: 'Danmarks Nationalbank: 25-øre coin withdrawn 2008-10-01, cash totals rounded to 50 øre',
  },
  {
    currency: 'CZK',
    increment: 100,
    effectiveFrom: '2008-09-01',
    source: 'Česká národní banka: 50-haléř coin withdrawn 2008-09-01, cash totals rounded to whole koruna',
  },
  {
    currency: 'EUR',
    countries: ['FI'],
    increment: 5,
    effectiveFrom: '2002-01-01',
    source: 'Suomen Pankki: cash totals rounded to 5 cents since the euro changeover',
  },
  {
    currency: 'EUR',
    countries: ['NL'],
    increment: 5,
    effectiveFrom: '2004-09-01',
    source: 'De Nederlandsche Bank: voluntary rounding of cash totals to 5 cents since 2004-09-01',
  },
  {
    currency: 'EUR',
    countries: ['IE'],
    increment: 5,
    effectiveFrom: '2015-10-28',
    source: 'Central Bank of Ireland: national rounding scheme from 2015-10-28',
  },
  {
    currency: 'EUR',
    countries: ['BE'],
    increment: 5,
    effectiveFrom: '2019-12-01',
    source: 'Belgian law of 2019 on rounding cash payments to 5 cents, from 2019-12-01',
  },
  {
    currency: 'EUR',
    countries: ['IT'],
    increment: 5,
    effectiveFrom: '2018-01-01',
    source: 'Italian Law 96/2017 art. 13-quater: cash totals rounded to 5 cents from 2018-01-01',
  },
];

/** The cash step for `currency` in `country` in minor units, or undefined where cash is exact. */
export function cashRoundingIncrement(currency: string, country: string): number | undefined {
  const rule = CASH_ROUNDING_RULES.find(
    (r) => r.currency === currency && (r.countries === undefined || r.countries.includes(country)),
  );
  return rule?.increment;
}

/**
 * `amount` rounded half-up to the cash step of `currency` in `country`; unchanged where no rule
 * applies. Only for amounts taken in cash: card totals are never cash-rounded.
 */
export function roundForCash(amount: number, currency: string, country: string): number {
  minorUnitsOf(currency); // refuses an unknown currency before saying "no rule"
  const increment = cashRoundingIncrement(currency, country);
  return increment === undefined ? amount : roundToIncrement(amount, increment, 'half_up');
}
