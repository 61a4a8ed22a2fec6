import { allocate } from '../money/allocate.js';
import { PPM_PER_UNIT } from '../money/percent.js';
import { divideRounded } from '../money/rounding.js';

/** A rate to charge: only its name, published percent and ppm matter to the arithmetic. */
export interface ChargeableRate {
  /** Tax name (`VAT`, `GST`). */
  readonly name: string;
  /** Percent string. */
  readonly rate: string;
  /** Parts per million. */
  readonly ppm: number;
}

/** One tax amount on one line. */
export interface TaxAmount {
  /** Tax name. */
  readonly name: string;
  /** Percent string. */
  readonly rate: string;
  /** Minor units. */
  readonly amount: number;
}

/**
 * Taxes on a tax-exclusive amount: each rate applied to the same base and rounded half-up on
 * its own (QST has not compounded on GST since 2013, so no rate applies to another's tax).
 */
export function taxOnNet(net: number, rates: readonly ChargeableRate[]): TaxAmount[] {
  return rates.map((r) => ({
    name: r.name,
    rate: r.rate,
    amount: Number(divideRounded(BigInt(net) * BigInt(r.ppm), BigInt(PPM_PER_UNIT), 'half_up')),
  }));
}

/**
 * The taxes contained in a tax-inclusive amount. The net is `gross ÷ (1 + Σ rates)` rounded
 * half-up, the tax is what is left, and that tax is split across the rates by largest
 * remainder, so net + taxes is exactly the gross the buyer was shown.
 */
export function taxInGross(gross: number, rates: readonly ChargeableRate[]): { net: number; taxes: TaxAmount[] } {
  const net = grossToNet(gross, rates);
  const totalTax = gross - net;
  const weights = rates.map((r) => r.ppm);
  const shares = weights.some((w) => w > 0) ? allocate(totalTax, weights) : weights.map(() => 0);
  return { net, taxes: rates.map((r, i) => ({ name: r.name, rate: r.rate, amount: shares[i] ?? 0 })) };
}

/** The net contained in a gross amount: `gross × 1e6 ÷ (1e6 + Σ ppm)`, half-up. */
export function grossToNet(gross: number, rates: readonly ChargeableRate[]): number {
  const totalPpm = rates.reduce((sum, r) => sum + r.ppm, 0);
  return Number(divideRounded(BigInt(gross) * BigInt(PPM_PER_UNIT), BigInt(PPM_PER_UNIT + totalPpm), 'half_up'));
}

/** The gross a buyer pays for a net amount: net plus each rate's half-up tax. */
export function netToGross(net: number, rates: readonly ChargeableRate[]): number {
  return taxOnNet(net, rates).reduce((sum, t) => sum + t.amount, net);
}
