import type { TaxRateRow } from './rate-row.js';

const row = (
  jurisdiction: string,
  tax: string,
  rate: string,
  effectiveFrom: string,
  source: TaxRateRow['source'],
  category: TaxRateRow['category'] = 'standard',
  note?: string,
): TaxRateRow => ({ jurisdiction, tax, category, rate, effectiveFrom, source, ...(note ? { note } : {}) });

/**
 * Canadian sales taxes on digital products sold to consumers, by province (`CA-XX`). GST (5 %)
 * applies where no HST replaces it; HST provinces charge one combined tax; Québec adds QST
 * (9.975 %, not compounded on GST since 2013); BC, Saskatchewan and Manitoba add PST on digital
 * content. E-books: BC exempts books including electronic ones, so its e-book PST row is 0.
 * Out of scope: Ontario's point-of-sale rebate and other book rebates on the provincial part.
 */
export const CANADA_RATES: readonly TaxRateRow[] = [
  ...['AB', 'BC', 'MB', 'NT', 'NU', 'QC', 'SK', 'YT'].map((p) => row(`CA-${p}`, 'GST', '5', '2008-01-01', 'caRates')),
  row('CA-ON', 'HST', '13', '2010-07-01', 'caRates'),
  row('CA-NB', 'HST', '15', '2016-07-01', 'caRates'),
  row('CA-NL', 'HST', '15', '2016-07-01', 'caRates'),
  row('CA-PE', 'HST', '15', '2016-10-01', 'caRates'),
  row('CA-NS', 'HST', '15', '2010-07-01', 'caRates'),
  row('CA-NS', 'HST', '14', '2025-04-01', 'caNs2025'),
  row('CA-QC', 'QST', '9.975', '2019-01-01', 'caQst'),
  row('CA-SK', 'PST', '6', '2019-01-01', 'caPstDigital'),
  row('CA-BC', 'PST', '7', '2021-04-01', 'caPstDigital'),
  row('CA-BC', 'PST', '0', '2021-04-01', 'caPstDigital', 'ebook', 'BC PST exempts books, including electronic books'),
  row('CA-MB', 'RST', '7', '2021-12-01', 'caPstDigital'),
];
