import type { TaxRateRow } from './rate-row.js';

const std = (
  jurisdiction: string,
  rate: string,
  effectiveFrom: string,
  source: TaxRateRow['source'] = 'ecRates',
): TaxRateRow => ({ jurisdiction, tax: 'VAT', category: 'standard', rate, effectiveFrom, source });
const ebook = (
  jurisdiction: string,
  rate: string,
  effectiveFrom: string,
  source: TaxRateRow['source'],
  note?: string,
): TaxRateRow => ({
  jurisdiction,
  tax: 'VAT',
  category: 'ebook',
  rate,
  effectiveFrom,
  source,
  ...(note ? { note } : {}),
});

/**
 * EU VAT for electronically supplied services to consumers, charged at the buyer's member-state
 * rate (Directive 2006/112/EC art. 58). Each member state has its standard rate and, where it
 * applies one to electronically supplied books (allowed since Directive (EU) 2018/1713), the
 * e-book rate. A member state without an e-book row charges its standard rate on e-books.
 */
export const EU_VAT_RATES: readonly TaxRateRow[] = [
  std('AT', '20', '1984-01-01'),
  ebook('AT', '10', '2020-01-01', 'gvcEbooks2021'),
  std('BE', '21', '1996-01-01'),
  ebook('BE', '6', '2019-04-01', 'avalaraEpub2018'),
  std('BG', '20', '1999-01-01'),
  ebook('BG', '9', '2020-07-01', 'gvcEbooks2021'),
  std('HR', '25', '2012-03-01'),
  ebook('HR', '5', '2020-01-01', 'gvcEbooks2021'),
  std('CY', '19', '2014-01-13'),
  ebook('CY', '3', '2023-07-21', 'cyBooks2023'),
  std('CZ', '21', '2013-01-01'),
  ebook('CZ', '10', '2020-05-01', 'avalaraEpub2018'),
  ebook('CZ', '0', '2024-01-01', 'czBooks2024', 'exempt with right of deduction, charged as 0 %'),
  std('DK', '25', '1992-01-01'),
  std('EE', '22', '2024-01-01', 'vatapiNews'),
  std('EE', '24', '2025-07-01', 'eeRate2025'),
  ebook('EE', '9', '2020-05-01', 'eeEbooks2020'),
  std('FI', '24', '2013-01-01'),
  std('FI', '25.5', '2024-09-01', 'fiVero2024'),
  ebook('FI', '10', '2019-07-01', 'avalaraEpub2018'),
  ebook('FI', '14', '2025-01-01', 'fiReduced2025'),
  ebook('FI', '13.5', '2026-01-01', 'fiReduced2026'),
  std('FR', '20', '2014-01-01'),
  ebook('FR', '5.5', '2013-01-01', 'gvcEbooks2021'),
  std('DE', '19', '2021-01-01'),
  ebook('DE', '7', '2020-01-01', 'avalaraEpub2018'),
  std('GR', '24', '2016-06-01'),
  ebook('GR', '6', '2021-07-01', 'gvcEbooks2021'),
  std('HU', '27', '2012-01-01'),
  std('IE', '23', '2021-03-01'),
  ebook('IE', '9', '2019-01-01', 'avalaraEpub2018'),
  ebook('IE', '0', '2024-01-01', 'ieEbooks2024'),
  std('IT', '22', '2013-10-01'),
  ebook('IT', '4', '2015-01-01', 'gvcEbooks2021'),
  std('LV', '21', '2012-07-01'),
  ebook('LV', '5', '2022-01-01', 'lvEbooks2022'),
  std('LT', '21', '2009-09-01'),
  ebook('LT', '9', '2023-01-01', 'ltBooks2023'),
  ebook('LT', '5', '2026-01-01', 'ltBooks2026'),
  std('LU', '17', '2024-01-01', 'vatapiNews'),
  ebook('LU', '3', '2019-01-01', 'avalaraEpub2018'),
  std('MT', '18', '2004-01-01'),
  ebook('MT', '5', '2019-01-01', 'avalaraEpub2018'),
  std('NL', '21', '2012-10-01'),
  ebook('NL', '9', '2020-01-01', 'avalaraEpub2018'),
  std('PL', '23', '2011-01-01'),
  ebook('PL', '5', '2019-11-01', 'avalaraEpub2018'),
  std('PT', '23', '2011-01-01'),
  ebook('PT', '6', '2019-01-01', 'avalaraEpub2018'),
  std('RO', '19', '2017-01-01'),
  std('RO', '21', '2025-08-01', 'roRates2025'),
  ebook('RO', '5', '2022-01-01', 'roEbooks2022'),
  ebook('RO', '11', '2025-08-01', 'roRates2025', 'the 5 % and 9 % rates merged into 11 %'),
  std('SK', '20', '2011-01-01'),
  std('SK', '23', '2025-01-01', 'skRates2025'),
  std('SI', '22', '2013-07-01'),
  ebook('SI', '5', '2020-01-01', 'siEbooks2020'),
  std('ES', '21', '2012-09-01'),
  ebook('ES', '4', '2020-04-23', 'esEbooks2020'),
  std('SE', '25', '1990-07-01'),
  ebook('SE', '6', '2019-07-01', 'avalaraEpub2018'),
];

/**
 * Member states whose e-book treatment the sources above did not confirm (DK and HU apply no
 * reduced rate to electronically supplied books; SK's 2025 5 % book rate is not confirmed for
 * electronic supply). They fall back to the standard rate, the safe side for the seller.
 */
export const EU_EBOOKS_AT_STANDARD_RATE: readonly string[] = ['DK', 'HU', 'SK'];
