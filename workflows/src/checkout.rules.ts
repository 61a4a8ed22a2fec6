import type { CheckoutLedgerLeg, CheckoutQuote } from './ports/checkout-port.js';

/**
 * Pure decisions of checkout: ledger legs for a sale and for money going back, the processor fee
 * estimate, and what a refund may take. No Temporal, no I/O, so they are unit-tested directly.
 */

/** Stripe's standard card price (2.9% + 30 minor units), used until the balance transaction is read. */
export function estimateProcessorFee(totalMinor: number): number {
  return totalMinor <= 0 ? 0 : Math.round((totalMinor * 290) / 10_000) + 30;
}

/** Splits `amount` over `weights` in proportion, largest remainder first, so the parts sum exactly. */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const raw = weights.map((w) => (amount * w) / sum);
  const parts = raw.map(Math.floor);
  let left = amount - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/**
 * The sale as a balanced transaction: the tax-exclusive amount leaves clearing and is split
 * into each creator's pending earnings, the tenant's platform fee and the processor fee. Tax is
 * owed to authorities, not earned, so it stays out of the creator ledger.
 */
export function saleLegs(quote: CheckoutQuote, platformFeeBps: number, processorFeeMinor: number): CheckoutLedgerLeg[] {
  const bases = quote.lines.map((line) => line.total - line.tax.reduce((sum, t) => sum + t.amount, 0));
  const processorParts = allocate(
    processorFeeMinor,
    quote.lines.map((line) => line.total),
  );
  const creators = new Map<string, number>();
  let platform = 0;
  quote.lines.forEach((line, i) => {
    const fee = Math.round((bases[i]! * platformFeeBps) / 10_000);
    platform += fee;
    creators.set(line.creatorId, (creators.get(line.creatorId) ?? 0) + bases[i]! - fee - processorParts[i]!);
  });
  const legs: CheckoutLedgerLeg[] = [
    { account: 'clearing', kind: 'sale', amountMinor: -bases.reduce((a, b) => a + b, 0), creatorId: null },
    ...[...creators].map(
      ([creatorId, amount]): CheckoutLedgerLeg => ({
        account: 'creator_pending',
        kind: 'sale',
        amountMinor: amount,
        creatorId,
      }),
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
  sale: readonly CheckoutLedgerLeg[],
  totalMinor: number,
  fromMinor: number,
  toMinor: number,
  kind: 'refund' | 'reversal',
): CheckoutLedgerLeg[] {
  if (totalMinor <= 0 || fromMinor === toMinor) return [];
  const share = (amount: number, taken: number): number =>
    taken >= totalMinor ? amount : Math.round((amount * taken) / totalMinor);
  const others = sale
    .filter((leg) => leg.account !== 'clearing')
    .map(
      (leg): CheckoutLedgerLeg => ({
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

/** Why a refund of `amountMinor` (null: the rest) cannot be taken, or null when it can. */
export function refundRefusal(
  orderStatus: string,
  totalMinor: number,
  takenMinor: number,
  amountMinor: number | null,
): string | null {
  if (!['paid', 'partially_refunded'].includes(orderStatus))
    return `An order that is ${orderStatus} cannot be refunded`;
  const left = totalMinor - takenMinor;
  if (left <= 0) return 'Nothing is left to refund';
  if (amountMinor !== null && (!Number.isSafeInteger(amountMinor) || amountMinor <= 0))
    return 'A refund must be a positive whole number of minor units';
  if (amountMinor !== null && amountMinor > left) return `Only ${left} minor units are left to refund`;
  return null;
}
