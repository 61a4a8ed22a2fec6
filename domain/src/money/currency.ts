import { DomainError } from '../errors.js';

/**
 * Currency metadata comes from the runtime's `Intl` (ICU/CLDR data shipped with Node), not a
 * hand-typed table. Caveat kept in view by a pinning test: CLDR gives 0 display digits for a
 * few currencies whose ISO 4217 minor unit is 2 (HUF, IDR, PKR) or 3 (IQD). Fanfare stores and
 * charges in these digits; a payment adapter with its own convention (Stripe's zero-decimal and
 * "divisible by 100" currencies) scales at its boundary.
 */

/** An ISO 4217 alphabetic code such as `EUR`, upper case. */
export type CurrencyCode = string;

/** What the engine needs to know about a currency. */
export interface CurrencyInfo {
  /** The ISO 4217 code. */
  readonly code: CurrencyCode;
  /** Digits after the decimal point in one major unit: JPY 0, USD 2, KWD 3. */
  readonly minorUnits: number;
}

// `Intl` accepts any three letters ("XYZ") and answers 2 digits, so membership is checked
// against the list of currencies the runtime actually knows.
const KNOWN = new Set(Intl.supportedValuesOf('currency'));
const cache = new Map<string, CurrencyInfo>();

/** True for an upper-case ISO 4217 code the runtime knows. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/** Metadata of a currency; throws `unknown_currency` for anything else. */
export function currencyInfo(code: string): CurrencyInfo {
  const hit = cache.get(code);
  if (hit) return hit;
  if (!isCurrencyCode(code)) {
    throw new DomainError('unknown_currency', `Unknown currency "${code}"`, { currency: code });
  }
  const minorUnits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits;
  const info: CurrencyInfo = { code, minorUnits: minorUnits ?? 2 };
  cache.set(code, info);
  return info;
}

/** Digits after the decimal point for `code` (JPY 0, USD 2, KWD 3). */
export function minorUnitsOf(code: string): number {
  return currencyInfo(code).minorUnits;
}

/** How many minor units make one major unit of `code` (100 for USD, 1 for JPY). */
export function minorPerMajor(code: string): number {
  return 10 ** minorUnitsOf(code);
}
