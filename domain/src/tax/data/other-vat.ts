import type { TaxRateRow } from './rate-row.js';

/**
 * VAT/GST outside the EU where a foreign seller of digital services must register and charge
 * the buyer's rate: the UK, Norway, Switzerland, Australia, Japan, New Zealand and Singapore.
 */
export const OTHER_VAT_RATES: readonly TaxRateRow[] = [
  { jurisdiction: 'GB', tax: 'VAT', category: 'standard', rate: '20', effectiveFrom: '2011-01-04', source: 'gbVat' },
  { jurisdiction: 'GB', tax: 'VAT', category: 'ebook', rate: '0', effectiveFrom: '2020-05-01', source: 'gbEpub2020' },
  { jurisdiction: 'NO', tax: 'VAT', category: 'standard', rate: '25', effectiveFrom: '2005-01-01', source: 'noMva' },
  {
    jurisdiction: 'NO',
    tax: 'VAT',
    category: 'ebook',
    rate: '0',
    effectiveFrom: '2019-07-01',
    source: 'avalaraEpub2018',
  },
  {
    jurisdiction: 'CH',
    tax: 'VAT',
    category: 'standard',
    rate: '8.1',
    effectiveFrom: '2024-01-01',
    source: 'chMwst2024',
  },
  { jurisdiction: 'CH', tax: 'VAT', category: 'ebook', rate: '2.6', effectiveFrom: '2024-01-01', source: 'chMwst2024' },
  { jurisdiction: 'AU', tax: 'GST', category: 'standard', rate: '10', effectiveFrom: '2017-07-01', source: 'auGst' },
  { jurisdiction: 'JP', tax: 'JCT', category: 'standard', rate: '10', effectiveFrom: '2019-10-01', source: 'jpJct' },
  { jurisdiction: 'NZ', tax: 'GST', category: 'standard', rate: '15', effectiveFrom: '2016-10-01', source: 'nzGst' },
  { jurisdiction: 'SG', tax: 'GST', category: 'standard', rate: '9', effectiveFrom: '2024-01-01', source: 'sgGst' },
];
