/**
 * Small wording helpers for islands. Islands get their strings as props (the page picks them
 * from i18n.ts at build time), so these fill and format without pulling the message tables in.
 */

/** `template` with `{name}` placeholders filled from `values`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** "in 42 seconds", "in 2 minutes" in `locale`, for a retry-after. */
export function retryWhen(seconds: number, locale: string): string {
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return seconds < 90
    ? words.format(Math.max(1, Math.ceil(seconds)), 'second')
    : words.format(Math.ceil(seconds / 60), 'minute');
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size the way people read it ("4.2 MB", "4,2 Mo"), in decimal units like file managers. */
export function humanSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A date (no time) in the locale's long form, in the buyer's own time zone. */
export function longDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
}
