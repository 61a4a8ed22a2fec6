import { DomainError } from '../errors.js';

/**
 * Country codes are ISO 3166-1 alpha-2, checked against the region names the runtime's `Intl`
 * knows rather than a hand-typed list. CLDR also names groupings and reserved codes; those are
 * not places a buyer lives in and are refused here.
 */

const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ', // CLDR groupings and "unknown"
  'UK',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'CQ',
  'SU', // ISO "exceptionally reserved", not assigned
  // Withdrawn codes CLDR still names (a buyer sending DD must not escape German VAT), and pseudo-locales.
  'AN',
  'BU',
  'CS',
  'DD',
  'DY',
  'FX',
  'HV',
  'NH',
  'RH',
  'TP',
  'VD',
  'YD',
  'YU',
  'ZR',
  'XA',
  'XB',
]);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** An ISO 3166-1 alpha-2 country code such as `DE`, upper case. */
export type CountryCode = string;

/** True for an assigned ISO 3166-1 alpha-2 code (Kosovo's `XK` included, as payment networks use it). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}

/** Throws `unknown_country` unless `code` is a country; returns it for chaining. */
export function assertCountry(code: string): CountryCode {
  if (!isCountryCode(code)) {
    throw new DomainError('unknown_country', `Unknown country "${code}"`, { country: code });
  }
  return code;
}

/** English name of a country, for documents. */
export function countryName(code: CountryCode): string {
  return regionNames.of(assertCountry(code)) ?? code;
}

/** The 27 EU member states (since 2020-02-01), where EU VAT and its place-of-supply rules apply. */
export const EU_MEMBER_STATES: readonly CountryCode[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

const EU = new Set(EU_MEMBER_STATES);

/** True for an EU member state. */
export function isEuMember(country: CountryCode): boolean {
  return EU.has(country);
}
