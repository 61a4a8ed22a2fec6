import { minorPerMajor } from '../money/currency.js';
import { roundToIncrement } from '../money/rounding.js';

/**
 * Converted prices are rounded to amounts a person would have chosen: a raw 11.37 EUR reads as
 * a computation, 10.99 reads as a price. Each currency has tiers; an amount is rounded half-up to
 * its tier's step (never below one step) and `ending` minor units are taken off.
 */
export interface CharmTier {
  /** The tier applies to amounts below this many minor units; the last tier has none. */
  readonly below?: number;
  /** Round to multiples of this many minor units. */
  readonly step: number;
  /** Minor units subtracted after rounding (1 turns 20.00 into 19.99). */
  readonly ending: number;
}

// Below 10: x.99. Below 100: x4.99 / x9.99. From 100: …9.99.
const NINETY_NINE: readonly CharmTier[] = [
  { below: 10_00, step: 1_00, ending: 1 },
  { below: 100_00, step: 5_00, ending: 1 },
  { step: 10_00, ending: 1 },
];

/** Charm rules by currency: …9.99 for EUR, USD and GBP, whole hundreds for JPY. */
export const CHARM_RULES: Readonly<Record<string, readonly CharmTier[]>> = {
  EUR: NINETY_NINE,
  USD: NINETY_NINE,
  GBP: NINETY_NINE,
  JPY: [{ step: 100, ending: 0 }],
};

/**
 * `amount` charm-rounded for `currency`; currencies without a rule round to a whole major unit.
 * Used only on display conversions, never on a price the tenant typed.
 */
export function charmRound(amount: number, currency: string): number {
  const tiers = CHARM_RULES[currency] ?? [{ step: minorPerMajor(currency), ending: 0 }];
  const tier = tiers.find((t) => t.below === undefined || amount < t.below) ?? tiers[tiers.length - 1];
  if (!tier) return amount;
  const rounded = Math.max(tier.step, roundToIncrement(amount, tier.step, 'half_up'));
  return rounded - tier.ending;
}
