import { currencyInfo } from './currency.js';
import { toDecimalString, type Money } from './money.js';
import { ppmToPercent } from './percent.js';

/** Locales the storefront ships; any BCP 47 tag `Intl` knows also works. */
export const STOREFRONT_LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE'] as const;

/** How a formatted amount names its currency (passed to `Intl.NumberFormat`). */
export type CurrencyDisplay = 'symbol' | 'narrowSymbol' | 'code' | 'name';

/** Options for `formatMoney`. */
export interface FormatMoneyOptions {
  /** Defaults to `symbol` ("$", "US$" or "$US" depending on the locale). */
  readonly currencyDisplay?: CurrencyDisplay;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * `m` for people in `locale`: "$1,234.50" (en-US), "1 234,50 €" (fr-FR), "1.234,50 €" (de-DE).
 * The amount reaches `Intl` as an exact decimal string, never as a float, and always shows the
 * currency's own number of decimals (JPY none, KWD three).
 */
export function formatMoney(m: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const { minorUnits } = currencyInfo(m.currency);
  const display = options.currencyDisplay ?? 'symbol';
  const key = `${locale}|${m.currency}|${display}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: m.currency,
      currencyDisplay: display,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(toDecimalString(m.amount, minorUnits) as Intl.StringNumericLiteral);
}

/** A rate in parts per million for people in `locale`: 99750 → "9.975%" / "9,975 %". */
export function formatPercent(ppm: number, locale: string): string {
  const fraction = ppmToPercent(ppm);
  const asUnit = toDecimalString(ppm, 6);
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: Math.max(0, (fraction.split('.')[1] ?? '').length),
  }).format(asUnit as Intl.StringNumericLiteral);
}
