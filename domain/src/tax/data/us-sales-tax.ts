import type { TaxSourceKey } from './sources.js';

/**
 * US sales tax at the state level only. Local (county, city, district) rates are out of scope:
 * with them a ZIP+4 can carry a dozen jurisdictions, which is what a tax service is for. The
 * `TaxRuleSource` seam (tax/tax-rules.ts) is where Stripe Tax replaces this table: an activity
 * calls `stripe.tax.calculations.create` with the address and lines, turns the per-jurisdiction
 * breakdown into a `TaxRule`, and passes it to `quote` in place of `taxRuleFor`.
 */
export interface UsStateSalesTax {
  /** USPS/ISO 3166-2 state code. */
  readonly state: string;
  /** State-level rate in percent ("0" where there is no state sales tax). */
  readonly rate: string;
  /** Whether the state taxes digital downloads (music, e-books, video) sold to consumers. */
  readonly digitalGoodsTaxable: boolean;
  /** A special state rate for digital goods, where one replaces `rate`. */
  readonly digitalGoodsRate?: string;
  /** First day the state rate applies. */
  readonly effectiveFrom: string;
  /** Source of the rate. */
  readonly rateSource: TaxSourceKey;
  /** Source of the digital-goods flag. */
  readonly taxabilitySource: TaxSourceKey;
  /** Why a surprising row is what it is. */
  readonly note?: string;
}

const s = (
  state: string,
  rate: string,
  digitalGoodsTaxable: boolean,
  effectiveFrom = '2025-01-01',
  note?: string,
): UsStateSalesTax => ({
  state,
  rate,
  digitalGoodsTaxable,
  effectiveFrom,
  rateSource: 'usRates2025',
  taxabilitySource: 'usDigital',
  ...(note ? { note } : {}),
});

/** Every state and DC; `effectiveFrom` is the table's as-of date unless a later change is known. */
export const US_STATE_SALES_TAX: readonly UsStateSalesTax[] = [
  s('AL', '4', true),
  s('AK', '0', false, '2025-01-01', 'no state tax; local remote-seller taxes out of scope'),
  s('AZ', '5.6', true),
  s('AR', '6.5', true),
  s('CA', '7.25', false),
  s('CO', '2.9', true),
  {
    ...s('CT', '6.35', true, '2025-01-01', 'digital goods taxed at a reduced 1 % rate since 2019-10-01'),
    digitalGoodsRate: '1',
  },
  s('DE', '0', false),
  s('DC', '6', true),
  s('FL', '6', false),
  s('GA', '4', false),
  s('HI', '4', true, '2025-01-01', 'general excise tax'),
  s('ID', '6', true, '2025-01-01', 'taxable when the buyer gets a permanent right to use'),
  s('IL', '6.25', false),
  s('IN', '7', true),
  s('IA', '6', true),
  s('KS', '6.5', false),
  s('KY', '6', true),
  {
    state: 'LA',
    rate: '5',
    digitalGoodsTaxable: true,
    effectiveFrom: '2025-01-01',
    rateSource: 'usLa2025',
    taxabilitySource: 'usLa2025',
  },
  s('ME', '5.5', true),
  s('MD', '6', true),
  s('MA', '6.25', false),
  s('MI', '6', false),
  s('MN', '6.875', true),
  s('MS', '7', true),
  s('MO', '4.225', false),
  s('MT', '0', false),
  s('NE', '5.5', true),
  s('NV', '6.85', false),
  s('NH', '0', false),
  s('NJ', '6.625', true),
  s('NM', '4.875', true, '2024-07-01', 'gross receipts tax'),
  s('NY', '4', false),
  s('NC', '4.75', true),
  s('ND', '5', false),
  s('OH', '5.75', true),
  s('OK', '4.5', false),
  s('OR', '0', false),
  s('PA', '6', true),
  s('RI', '7', true),
  s('SC', '6', false),
  s('SD', '4.2', true),
  s('TN', '7', true),
  s('TX', '6.25', true),
  s('UT', '6.1', true, '2025-01-01', 'includes the statewide 1.25 % local share'),
  s('VT', '6', true),
  s('VA', '5.3', false, '2025-01-01', 'includes the statewide 1 % local share'),
  s('WA', '6.5', true),
  s('WV', '6', false),
  s('WI', '5', true),
  s('WY', '4', true),
];
