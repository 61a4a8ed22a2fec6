/**
 * The currency a buyer in a country expects to see first. `Intl` exposes no region → currency
 * mapping, so this is the short list of markets the storefront localizes for; elsewhere the
 * tenant's own currency is used.
 */

/** Euro area members on 2026-01-01 (Croatia joined 2023-01-01, Bulgaria 2026-01-01). */
export const EURO_AREA: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PT',
  'SK',
  'SI',
  'ES',
];

const OTHERS: Readonly<Record<string, string>> = {
  CZ: 'CZK',
  DK: 'DKK',
  HU: 'HUF',
  PL: 'PLN',
  RO: 'RON',
  SE: 'SEK',
  GB: 'GBP',
  CH: 'CHF',
  LI: 'CHF',
  NO: 'NOK',
  IS: 'ISK',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  SG: 'SGD',
  KR: 'KRW',
  BR: 'BRL',
  MX: 'MXN',
  IN: 'INR',
  ZA: 'ZAR',
};

/** The local currency of `country`, when the storefront knows it. */
export function localCurrencyOf(country: string): string | undefined {
  return EURO_AREA.includes(country) ? 'EUR' : OTHERS[country];
}
