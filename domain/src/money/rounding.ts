/**
 * Integer division with an explicit rounding rule. Every place the engine divides money (tax,
 * percent discounts, FX, allocation) goes through here in bigint, so no float ever touches an
 * amount and the rule used is visible at the call site.
 */

/**
 * How a quotient that falls between two integers is settled.
 * - `half_up`: ties away from zero (commercial rounding; the default for money).
 * - `half_even`: ties to the even neighbour (banker's rounding, where a rule asks for it).
 * - `toward_zero`: truncate.
 * - `away_from_zero`: any remainder rounds outward.
 */
export type RoundingMode = 'half_up' | 'half_even' | 'toward_zero' | 'away_from_zero';

/** `numerator / denominator` rounded to an integer by `mode`; the denominator must not be 0. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode = 'half_up'): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  let q = a / b;
  const r = a % b;
  if (r !== 0n) {
    const twice = 2n * r;
    if (mode === 'away_from_zero') q += 1n;
    else if (mode === 'half_up' && twice >= b) q += 1n;
    else if (mode === 'half_even' && (twice > b || (twice === b && q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

/** `amount` rounded to the nearest multiple of `increment` (a positive integer) by `mode`. */
export function roundToIncrement(amount: number, increment: number, mode: RoundingMode = 'half_up'): number {
  if (!Number.isSafeInteger(increment) || increment <= 0) {
    throw new RangeError(`increment must be a positive integer, got ${increment}`);
  }
  const steps = divideRounded(BigInt(amount), BigInt(increment), mode);
  return Number(steps * BigInt(increment));
}
