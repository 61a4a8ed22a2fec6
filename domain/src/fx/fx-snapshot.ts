import { DomainError } from '../errors.js';
import { currencyInfo } from '../money/currency.js';
import { divideRounded, type RoundingMode } from '../money/rounding.js';

/**
 * Exchange rates for showing prices in a buyer's currency, never for charging: checkout is
 * always in a currency the tenant priced explicitly or approved. Rates follow the European
 * Central Bank's reference format (units of a currency per 1 EUR) and stay decimal strings so
 * conversion is exact rational arithmetic.
 */
export interface FxSnapshot {
  /** ECB reference rates are quoted against the euro. */
  readonly base: 'EUR';
  /** Reference date the rates are for (YYYY-MM-DD). */
  readonly asOf: string;
  /** Where they were read from (feed URL). */
  readonly source: string;
  /** Units of each currency per 1 EUR, as published ("1.1476"). */
  readonly rates: Readonly<Record<string, string>>;
}

interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function decimalToRational(text: string): Rational | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  const num = BigInt(whole + fraction);
  return num === 0n ? undefined : { num, den: 10n ** BigInt(fraction.length) };
}

function rateOf(snapshot: FxSnapshot, currency: string): Rational {
  if (currency === snapshot.base) return { num: 1n, den: 1n };
  const text = snapshot.rates[currency];
  const rational = text === undefined ? undefined : decimalToRational(text);
  if (!rational) {
    throw new DomainError('no_fx_rate', `No ${currency} rate in the ${snapshot.asOf} FX snapshot`, {
      currency,
      asOf: snapshot.asOf,
    });
  }
  return rational;
}

/**
 * `amount` minor units of `from` in minor units of `to`, through the euro cross rate, rounded
 * by `mode` (half-up by default). Throws `no_fx_rate` or `unknown_currency`.
 */
export function convertAmount(
  amount: number,
  from: string,
  to: string,
  snapshot: FxSnapshot,
  mode: RoundingMode = 'half_up',
): number {
  const fromDigits = currencyInfo(from).minorUnits;
  const toDigits = currencyInfo(to).minorUnits;
  if (from === to) return amount;
  const rFrom = rateOf(snapshot, from);
  const rTo = rateOf(snapshot, to);
  // amount/10^fromDigits major × (rTo/rFrom) × 10^toDigits
  const numerator = BigInt(amount) * rTo.num * rFrom.den * 10n ** BigInt(toDigits);
  const denominator = rTo.den * rFrom.num * 10n ** BigInt(fromDigits);
  return Number(divideRounded(numerator, denominator, mode));
}

/** Units of `to` per one unit of `from`, to six decimals (for "1 EUR = 1.147600 USD" labels). */
export function crossRate(from: string, to: string, snapshot: FxSnapshot): string {
  const rFrom = rateOf(snapshot, from);
  const rTo = rateOf(snapshot, to);
  const micro = divideRounded(rTo.num * rFrom.den * 1_000_000n, rTo.den * rFrom.num, 'half_up');
  const digits = micro.toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

/** How old a snapshot is and whether that is too old to show without a warning. */
export interface FxStaleness {
  /** True once the snapshot is older than the allowed age. */
  readonly stale: boolean;
  /** Hours since the rates were published. */
  readonly ageHours: number;
  /** When the ECB published them (the reference date, 16:00 CET ≈ 14:00 UTC at the earliest). */
  readonly publishedAt: string;
}

/**
 * 120 hours: the ECB publishes on TARGET business days only, so rates from the Thursday before
 * Easter are still the newest on Tuesday morning; anything older means the refresh is failing.
 */
export const FX_MAX_AGE_HOURS = 120;

/** Whether `snapshot` is stale at `now`. */
export function fxStaleness(snapshot: FxSnapshot, now: Date, maxAgeHours = FX_MAX_AGE_HOURS): FxStaleness {
  const publishedAt = `${snapshot.asOf}T14:00:00.000Z`;
  const ageHours = Math.max(0, Math.floor((now.getTime() - Date.parse(publishedAt)) / 3_600_000));
  return { stale: ageHours > maxAgeHours, ageHours, publishedAt };
}
