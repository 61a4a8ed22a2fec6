import { DomainError } from '../errors.js';

/**
 * States and provinces matter only where sales tax differs inside a country (US, Canada). Codes
 * are the ISO 3166-2 suffixes (`CA` for California under `US`, `QC` under `CA`).
 */

/** The 50 US states and the District of Columbia. */
export const US_STATES: readonly string[] = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
];

/** The 10 Canadian provinces and 3 territories. */
export const CA_PROVINCES: readonly string[] = [
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
];

/** Countries whose tax depends on the state or province. */
export const COUNTRIES_WITH_SUBDIVISION_TAX: readonly string[] = ['US', 'CA'];

const SUBDIVISIONS: Readonly<Record<string, readonly string[]>> = { US: US_STATES, CA: CA_PROVINCES };

/** True when tax in `country` cannot be computed without a state or province. */
export function needsSubdivision(country: string): boolean {
  return COUNTRIES_WITH_SUBDIVISION_TAX.includes(country);
}

/**
 * Normalizes a state/province (`ca`, `US-CA` → `CA`) and checks it belongs to `country`; throws
 * `unknown_region` otherwise. Countries without tax subdivisions accept any region unchanged.
 */
export function normalizeSubdivision(country: string, region: string): string {
  const known = SUBDIVISIONS[country];
  const code = region
    .trim()
    .toUpperCase()
    .replace(new RegExp(`^${country}-`), '');
  if (known && !known.includes(code)) {
    throw new DomainError('unknown_region', `"${region}" is not a region of ${country}`, {
      country,
      region,
    });
  }
  return known ? code : region.trim();
}

// Canada Post forward sortation areas: the first letter names the province or territory.
const CA_POSTAL_FIRST_LETTER: Readonly<Record<string, readonly string[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};

/**
 * Checks a postal code's shape where the engine relies on it and returns it normalized; throws
 * `malformed_postal_code`. US: ZIP or ZIP+4. Canada: `A1A 1A1`, whose first letter must agree
 * with the province when one is given. Elsewhere: 2–10 letters, digits, spaces or hyphens.
 */
export function normalizePostalCode(country: string, postalCode: string, region?: string): string {
  const code = postalCode.trim().toUpperCase();
  const refuse = (why: string): never => {
    throw new DomainError('malformed_postal_code', why, { country, postalCode });
  };
  if (country === 'US') {
    if (!/^\d{5}(-\d{4})?$/.test(code)) refuse('A US ZIP code is 5 digits, optionally -4 more');
    return code;
  }
  if (country === 'CA') {
    const compact = code.replace(/\s+/g, '');
    if (!/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/.test(compact)) {
      refuse('A Canadian postal code looks like A1A 1A1');
    }
    const provinces = CA_POSTAL_FIRST_LETTER[compact[0] ?? ''] ?? [];
    if (region !== undefined && !provinces.includes(region)) {
      refuse(`Postal code ${code} is not in ${region}`);
    }
    return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  }
  if (!/^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/.test(code)) refuse('Not a postal code');
  return code;
}

/** The province a Canadian postal code belongs to, when the first letter names exactly one. */
export function provinceFromCanadianPostalCode(postalCode: string): string | undefined {
  const provinces = CA_POSTAL_FIRST_LETTER[postalCode.trim().toUpperCase()[0] ?? ''];
  return provinces?.length === 1 ? provinces[0] : undefined;
}
