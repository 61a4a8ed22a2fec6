import { DomainError } from '../errors.js';
import { currencyInfo, type CurrencyCode } from './currency.js';

/**
 * An amount of one currency in integer minor units (cents, pence, yen). Plain data so it crosses
 * Temporal, JSON and the database unchanged.
 */
export interface Money {
  /** Minor units; a safe integer, negative only for refunds and credits. */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: CurrencyCode;
}

/** Throws `invalid_amount` unless `amount` is a safe integer (minor units never have fractions). */
export function assertMinorUnits(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('invalid_amount', `${what} must be an integer number of minor units`, {
      [what]: amount,
    });
  }
}

/** A validated Money value: known currency, integer amount. */
export function money(amount: number, currency: CurrencyCode): Money {
  currencyInfo(currency);
  assertMinorUnits(amount);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError('currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}`, {
      left: a.currency,
      right: b.currency,
    });
  }
}

/** a + b in the same currency. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** a − b in the same currency. */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** `m` times an integer count (a unit price times a quantity). */
export function multiplyMoney(m: Money, count: number): Money {
  if (!Number.isSafeInteger(count)) {
    throw new DomainError('invalid_quantity', 'A quantity must be an integer', { count });
  }
  return money(m.amount * count, m.currency);
}

/** Sum of amounts, checking each stays a safe integer. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) total += a;
  assertMinorUnits(total, 'total');
  return total;
}

/**
 * Minor units as a plain decimal string in major units: (123450, 2) → "1234.50". Used for
 * display input to `Intl` and for documents, never for arithmetic.
 */
export function toDecimalString(amount: number | bigint, minorUnits: number): string {
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(minorUnits + 1, '0');
  const whole = digits.slice(0, digits.length - minorUnits);
  const fraction = minorUnits > 0 ? `.${digits.slice(digits.length - minorUnits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Parses a decimal in major units ("12.5", "-0.05") into minor units of `currency`; refuses
 * more fraction digits than the currency has rather than rounding silently.
 */
export function parseMoney(text: string, currency: CurrencyCode): Money {
  const { minorUnits } = currencyInfo(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new DomainError('invalid_amount', `Not a decimal amount: "${text}"`, { text });
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > minorUnits) {
    throw new DomainError('invalid_amount', `${currency} has ${minorUnits} decimal places`, {
      text,
      currency,
    });
  }
  const minor = BigInt(whole + fraction.padEnd(minorUnits, '0')) * (sign ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DomainError('invalid_amount', 'Amount too large', { text });
  }
  return { amount: Number(minor), currency };
}
