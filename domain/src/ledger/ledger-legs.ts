import { allocate } from '../money/allocate.js';
import { divideRounded, type RoundingMode } from '../money/rounding.js';

/**
 * Ledger legs: how a sale and money going back (refund, chargeback, a won dispute) move between
 * accounts. Every transaction balances (its legs sum to zero), every division names its rounding
 * mode, and shares are split with the domain's `allocate`, so no minor unit is lost or invented.
 */

/** The accounts a sale touches. */
export type LedgerAccount = 'creator_pending' | 'platform_revenue' | 'processor_fees' | 'clearing';

/** What a leg records. */
export type LedgerLegKind = 'sale' | 'platform_fee' | 'processor_fee' | 'refund' | 'reversal';

/** One leg of a balanced ledger transaction, in minor units (credit positive). */
export interface LedgerLeg {
  account: LedgerAccount;
  kind: LedgerLegKind;
  amountMinor: number;
  creatorId: string | null;
}

/** One sold line as the ledger needs it. */
export interface LedgerSaleLine {
  /** Whose earnings the line feeds. */
  creatorId: string;
  /** What the buyer paid for the line, tax included. */
  totalMinor: number;
  /** The line's tax: owed to authorities, not earned, so it stays out of the creator ledger. */
  taxMinor: number;
}

/** Basis points per whole (100 % = 10 000 bp). */
const BPS = 10_000n;
/** Fees are commercial amounts: ties away from zero. */
const FEE_ROUNDING: RoundingMode = 'half_up';

/** Stripe's standard card price (2.9 % + 30 minor units), used until the balance transaction is read. */
export function estimateProcessorFee(totalMinor: number): number {
  return totalMinor <= 0 ? 0 : Number(divideRounded(BigInt(totalMinor) * 290n, BPS, FEE_ROUNDING)) + 30;
}

/**
 * The sale as a balanced transaction: the tax-exclusive amount leaves clearing and is split into
 * each creator's pending earnings, the tenant's platform fee (per line, `platformFeeBps` of its
 * net) and the processor fee (spread over lines by what each cost the buyer).
 */
export function saleLegs(
  lines: readonly LedgerSaleLine[],
  platformFeeBps: number,
  processorFeeMinor: number,
): LedgerLeg[] {
  if (lines.length === 0) return [];
  const bases = lines.map((line) => line.totalMinor - line.taxMinor);
  const processorParts = allocate(
    processorFeeMinor,
    lines.map((line) => line.totalMinor),
  );
  const creators = new Map<string, number>();
  let platform = 0;
  lines.forEach((line, i) => {
    const base = bases[i] ?? 0;
    const fee = Number(divideRounded(BigInt(base) * BigInt(platformFeeBps), BPS, FEE_ROUNDING));
    platform += fee;
    creators.set(line.creatorId, (creators.get(line.creatorId) ?? 0) + base - fee - (processorParts[i] ?? 0));
  });
  const legs: LedgerLeg[] = [
    { account: 'clearing', kind: 'sale', amountMinor: -bases.reduce((a, b) => a + b, 0), creatorId: null },
    ...[...creators].map(
      ([creatorId, amountMinor]): LedgerLeg => ({ account: 'creator_pending', kind: 'sale', amountMinor, creatorId }),
    ),
    { account: 'platform_revenue', kind: 'platform_fee', amountMinor: platform, creatorId: null },
    { account: 'processor_fees', kind: 'processor_fee', amountMinor: processorFeeMinor, creatorId: null },
  ];
  return legs.filter((leg) => leg.amountMinor !== 0);
}

/**
 * The legs that move the sale from having `fromMinor` of its `totalMinor` taken back to having
 * `toMinor` taken back (a refund or chargeback when it grows, a won dispute when it shrinks).
 * Working from cumulative amounts means a series of partial refunds ends exactly at zero.
 */
export function reversalLegs(
  sale: readonly LedgerLeg[],
  totalMinor: number,
  fromMinor: number,
  toMinor: number,
  kind: 'refund' | 'reversal',
): LedgerLeg[] {
  if (totalMinor <= 0 || fromMinor === toMinor) return [];
  const share = (amount: number, taken: number): number =>
    taken >= totalMinor ? amount : Number(divideRounded(BigInt(amount) * BigInt(taken), BigInt(totalMinor), 'half_up'));
  const others = sale
    .filter((leg) => leg.account !== 'clearing')
    .map(
      (leg): LedgerLeg => ({
        account: leg.account,
        kind: leg.account === 'creator_pending' ? kind : 'reversal',
        amountMinor: -(share(leg.amountMinor, toMinor) - share(leg.amountMinor, fromMinor)),
        creatorId: leg.creatorId,
      }),
    );
  const clearing = -others.reduce((sum, leg) => sum + leg.amountMinor, 0);
  return [{ account: 'clearing' as const, kind, amountMinor: clearing, creatorId: null }, ...others].filter(
    (leg) => leg.amountMinor !== 0,
  );
}
