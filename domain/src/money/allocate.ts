import { DomainError } from '../errors.js';
import { assertMinorUnits } from './money.js';

/**
 * Splits `total` minor units in proportion to `weights` by the largest-remainder method: each
 * share is first floored, then the minor units left over go one each to the shares with the
 * largest remainders (ties to the earlier index, so the result is deterministic). The shares
 * always add up to `total` exactly: no minor unit is lost or invented.
 *
 * Used to spread a cart discount over lines, a tax total over rates, and a refund over lines.
 * A negative total is split as its magnitude and negated. When every weight is 0 the total
 * must be 0 too (there is nothing to hang it on) or `invalid_allocation` is thrown.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'total');
  if (weights.length === 0) {
    throw new DomainError('invalid_allocation', 'Nothing to allocate across', { total });
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new DomainError('invalid_allocation', 'Weights must be non-negative integers', {
        weight: w,
      });
    }
  }
  if (total < 0) return allocate(-total, weights).map((share) => (share === 0 ? 0 : -share));
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weightSum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new DomainError('invalid_allocation', 'Cannot allocate a non-zero total over zero weights', {
      total,
    });
  }
  const big = BigInt(total);
  const shares = weights.map((w) => (big * BigInt(w)) / weightSum);
  const remainders = weights.map((w, index) => ({ index, rest: (big * BigInt(w)) % weightSum }));
  let left = big - shares.reduce((sum, s) => sum + s, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/** Splits `total` into `parts` shares that differ by at most one minor unit. */
export function allocateEvenly(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new DomainError('invalid_allocation', 'parts must be a positive integer', { parts });
  }
  return allocate(
    total,
    Array.from({ length: parts }, () => 1),
  );
}
