/**
 * Rate changes start at midnight where the tax is due, so "which rate applies" is decided on
 * the calendar date in the buyer's jurisdiction, not in UTC. One zone per country; countries
 * spanning zones use their most populous one, a few hours' imprecision only on the night of a
 * change.
 */
const ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  HR: 'Europe/Zagreb',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid',
  SE: 'Europe/Stockholm',
  GB: 'Europe/London',
  NO: 'Europe/Oslo',
  CH: 'Europe/Zurich',
  AU: 'Australia/Sydney',
  JP: 'Asia/Tokyo',
  NZ: 'Pacific/Auckland',
  SG: 'Asia/Singapore',
  US: 'America/Chicago',
  CA: 'America/Toronto',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `now` as an ISO calendar date (YYYY-MM-DD) in `country`'s time zone (UTC when unknown). */
export function localDate(now: Date, country: string): string {
  const timeZone = ZONES[country] ?? 'UTC';
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}
