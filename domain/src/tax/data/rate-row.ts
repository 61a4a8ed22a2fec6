import type { TaxSourceKey } from './sources.js';

/**
 * What Fanfare sells, as tax tables see it. Music, video, podcasts, token packs and memberships
 * are electronically supplied services at the standard rate; e-books get the reduced rate many
 * countries now allow for electronic publications.
 */
export type TaxCategory = 'standard' | 'ebook';

/**
 * One rate in force from a date until a later row for the same jurisdiction, tax and category
 * replaces it.
 */
export interface TaxRateRow {
  /** `DE`, `GB`, or `CA-QC` for a province. */
  readonly jurisdiction: string;
  /** The tax as invoices name it: `VAT`, `GST`, `HST`, `QST`, `PST`, `JCT`. */
  readonly tax: string;
  /** Which products the row covers. */
  readonly category: TaxCategory;
  /** Percent as printed by the source ("19", "5.5", "9.975"). */
  readonly rate: string;
  /** First day the rate applies (ISO date, in the jurisdiction's calendar). */
  readonly effectiveFrom: string;
  /** Where the rate is published. */
  readonly source: TaxSourceKey;
  /** Why a surprising row is what it is. */
  readonly note?: string;
}
