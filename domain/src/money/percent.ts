import { DomainError } from '../errors.js';
import { divideRounded, type RoundingMode } from './rounding.js';

/**
 * Percentages (tax rates, percent discounts) are written as decimal strings exactly as a
 * statute prints them ("19", "5.5", "9.975") and computed as integer parts per million, so
 * Québec's 9.975 % is 99 750 ppm with no binary fraction anywhere.
 */

/** One hundred percent in parts per million. */
export const PPM_PER_UNIT = 1_000_000;

/**
 * Parses a percent string with at most four decimals into parts per million; throws
 * `invalid_rate` for anything else (negative, over 100 %, more precision than ppm holds).
 */
export function percentToPpm(percent: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(percent);
  if (!match) throw new DomainError('invalid_rate', `Not a percentage: "${percent}"`, { percent });
  const [, whole = '0', fraction = ''] = match;
  const ppm = Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
  if (ppm > PPM_PER_UNIT) {
    throw new DomainError('invalid_rate', `A percentage cannot exceed 100: "${percent}"`, { percent });
  }
  return ppm;
}

/** Parts per million back to the shortest percent string: 99750 → "9.975". */
export function ppmToPercent(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** `amount × ppm / 1 000 000`, rounded by `mode` (half-up unless a rule says otherwise). */
export function applyPpm(amount: number, ppm: number, mode: RoundingMode = 'half_up'): number {
  return Number(divideRounded(BigInt(amount) * BigInt(ppm), BigInt(PPM_PER_UNIT), mode));
}
