import { DomainError } from '../errors.js';
import { assertCountry, isEuMember } from '../geo/countries.js';
import { needsSubdivision, normalizeSubdivision } from '../geo/subdivisions.js';
import { percentToPpm } from '../money/percent.js';
import type { Note } from '../notes.js';
import { CANADA_RATES } from './data/canada.js';
import { EU_VAT_RATES } from './data/eu-vat.js';
import { OTHER_VAT_RATES } from './data/other-vat.js';
import type { TaxCategory, TaxRateRow } from './data/rate-row.js';
import type { TaxSourceKey } from './data/sources.js';
import { US_STATE_SALES_TAX } from './data/us-sales-tax.js';

/** Whether listed prices in a region already contain the tax (EU, UK, AU, JP) or exclude it (US, CA). */
export type TaxDisplay = 'inclusive' | 'exclusive';

/** One tax charged on a sale, with the row it came from. */
export interface TaxComponent {
  /** As invoices name it: `VAT`, `GST`, `QST`, `Sales tax`. */
  readonly name: string;
  /** Percent string as published ("9.975"). */
  readonly rate: string;
  /** The same rate in parts per million. */
  readonly ppm: number;
  /** `DE`, `CA-QC`, `US-TX`. */
  readonly jurisdiction: string;
  /** First day of the rate. */
  readonly effectiveFrom: string;
  /** Where the rate is published. */
  readonly source: TaxSourceKey;
}

/** Everything the engine charges for one category of product at one place on one date. */
export interface TaxRule {
  /** Country the tax is due in. */
  readonly country: string;
  /** State or province, where it matters. */
  readonly region?: string;
  /** How prices are shown there. */
  readonly display: TaxDisplay;
  /** Taxes to charge; empty when none is due or none is collected. */
  readonly components: readonly TaxComponent[];
  /** Why the components are what they are, when that is not obvious. */
  readonly notes: readonly Note[];
}

/** A place a sale is taxed: a country, and its state or province where that matters. */
export interface TaxLocation {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** ISO 3166-2 suffix (`CA`, `QC`), required in the US and Canada. */
  readonly region?: string;
}

const VAT_ROWS = [...EU_VAT_RATES, ...OTHER_VAT_RATES];
const INCLUSIVE_NON_EU = new Set(OTHER_VAT_RATES.map((r) => r.jurisdiction));

function rowInForce(
  rows: readonly TaxRateRow[],
  jurisdiction: string,
  tax: string,
  category: TaxCategory,
  on: string,
): TaxRateRow | undefined {
  let best: TaxRateRow | undefined;
  for (const row of rows) {
    if (row.jurisdiction !== jurisdiction || row.tax !== tax || row.category !== category) continue;
    if (row.effectiveFrom > on) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best;
}

/**
 * One component per tax the jurisdiction levies. A zero rate is kept for VAT (a zero-rated
 * supply is still a VAT supply and the invoice shows "VAT 0 %") and dropped for the Canadian
 * provincial taxes, where 0 means the product is exempt from that tax.
 */
function componentsFrom(
  rows: readonly TaxRateRow[],
  jurisdiction: string,
  category: TaxCategory,
  on: string,
  keepZero: boolean,
): TaxComponent[] {
  const taxes = [...new Set(rows.filter((r) => r.jurisdiction === jurisdiction).map((r) => r.tax))];
  const components: TaxComponent[] = [];
  for (const tax of taxes) {
    // A jurisdiction without a special row for the category charges its standard rate.
    const row =
      rowInForce(rows, jurisdiction, tax, category, on) ?? rowInForce(rows, jurisdiction, tax, 'standard', on);
    if (!row) {
      throw new DomainError('no_tax_rate', `No ${tax} rate for ${jurisdiction} on ${on}`, { jurisdiction, tax, on });
    }
    const ppm = percentToPpm(row.rate);
    if (ppm === 0 && !keepZero) continue;
    components.push({
      name: tax,
      rate: row.rate,
      ppm,
      jurisdiction,
      effectiveFrom: row.effectiveFrom,
      source: row.source,
    });
  }
  return components;
}

/**
 * The taxes Fanfare charges a consumer at `location` for a product of `category` on the local
 * date `on` (YYYY-MM-DD). Throws `unknown_country`, `region_required` (US, Canada),
 * `unknown_region` or `no_tax_rate` (the table has no row in force on that date).
 */
export function taxRuleFor(location: TaxLocation, category: TaxCategory, on: string): TaxRule {
  const country = assertCountry(location.country);
  if (isEuMember(country) || INCLUSIVE_NON_EU.has(country)) {
    return {
      country,
      display: 'inclusive',
      components: componentsFrom(VAT_ROWS, country, category, on, true),
      notes: [],
    };
  }
  if (!needsSubdivision(country)) {
    return {
      country,
      display: 'inclusive',
      components: [],
      notes: [{ code: 'tax_not_collected', message: `Fanfare does not collect sales tax or VAT in ${country}.` }],
    };
  }
  if (location.region === undefined || location.region.trim() === '') {
    throw new DomainError('region_required', `Tax in ${country} depends on the state or province`, { country });
  }
  const region = normalizeSubdivision(country, location.region);
  if (country === 'CA') {
    return {
      country,
      region,
      display: 'exclusive',
      components: componentsFrom(CANADA_RATES, `CA-${region}`, category, on, false),
      notes: [],
    };
  }
  return usRule(region, on);
}

function usRule(state: string, on: string): TaxRule {
  const row = US_STATE_SALES_TAX.find((r) => r.state === state);
  if (!row || row.effectiveFrom > on) {
    throw new DomainError('no_tax_rate', `No sales tax row for US-${state} on ${on}`, {
      jurisdiction: `US-${state}`,
      on,
    });
  }
  const rate = row.digitalGoodsRate ?? row.rate;
  if (!row.digitalGoodsTaxable || rate === '0') {
    return {
      country: 'US',
      region: state,
      display: 'exclusive',
      components: [],
      notes: [
        { code: 'us_digital_goods_not_taxed', message: `${state} does not tax digital products at the state level.` },
      ],
    };
  }
  return {
    country: 'US',
    region: state,
    display: 'exclusive',
    components: [
      {
        name: 'Sales tax',
        rate,
        ppm: percentToPpm(rate),
        jurisdiction: `US-${state}`,
        effectiveFrom: row.effectiveFrom,
        source: row.rateSource,
      },
    ],
    notes: [{ code: 'us_local_tax_excluded', message: 'State sales tax only; local rates are not included.' }],
  };
}

/**
 * Where a quote gets its taxes. The default is `taxRuleFor` over the tables here; an outside
 * tax service (Stripe Tax) is queried by an activity first and its answer wrapped in a source,
 * so that pricing itself stays pure and replayable.
 */
export type TaxRuleSource = (location: TaxLocation, category: TaxCategory, on: string) => TaxRule;

/** How prices are displayed in `country`: inclusive where VAT/GST is charged, exclusive in the US and Canada. */
export function taxDisplayFor(country: string): TaxDisplay {
  return needsSubdivision(assertCountry(country)) ? 'exclusive' : 'inclusive';
}
