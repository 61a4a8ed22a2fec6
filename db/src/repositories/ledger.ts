import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LedgerEntry, type LedgerAccount, type LedgerEntryKind } from '../entities/ledger-entry.entity.js';

/** One leg of a transaction, before it is stored. */
export interface LedgerLeg {
  account: LedgerAccount;
  kind: LedgerEntryKind;
  /** Signed integer minor units. */
  amountMinor: number;
  currency: string;
  creatorId?: string | null;
  orderId?: string | null;
  payoutId?: string | null;
  availableAt?: Date | null;
}

/** The legs offered to `LedgerRepository.record` do not form a balanced transaction. */
export class UnbalancedLedgerTransactionError extends Error {
  readonly code = 'ledger_unbalanced';
  constructor(reason: string) {
    super(`Refusing ledger transaction: ${reason}`);
    this.name = 'UnbalancedLedgerTransactionError';
  }
}

/** Why `legs` cannot be one double-entry transaction, or undefined when they can. */
export function ledgerImbalance(legs: readonly LedgerLeg[]): string | undefined {
  if (legs.length < 2) return 'a transaction needs at least two legs';
  const totals = new Map<string, number>();
  for (const leg of legs) {
    if (!Number.isSafeInteger(leg.amountMinor))
      return `amount ${leg.amountMinor} is not an integer number of minor units`;
    if (leg.amountMinor === 0) return 'a leg of zero moves nothing';
    if (!/^[A-Z]{3}$/.test(leg.currency)) return `"${leg.currency}" is not an ISO currency code`;
    totals.set(leg.currency, (totals.get(leg.currency) ?? 0) + leg.amountMinor);
  }
  for (const [currency, total] of totals) {
    if (total !== 0) return `legs in ${currency} sum to ${total}, not 0`;
  }
  return undefined;
}

/**
 * Persists `legs` as one double-entry transaction (one shared `transactionId`) in `em`'s tenant
 * scope, refusing an unbalanced set before anything is written; the database checks the same
 * rule again at commit. Flush (or commit) to store them.
 */
export function recordLedgerTransaction(
  em: EntityManager,
  legs: readonly LedgerLeg[],
  transactionId: string = randomUUID(),
): LedgerEntry[] {
  const problem = ledgerImbalance(legs);
  if (problem !== undefined) throw new UnbalancedLedgerTransactionError(problem);
  return legs.map((leg) => {
    const entry = em.create(LedgerEntry, {
      transactionId,
      account: leg.account,
      kind: leg.kind,
      amountMinor: leg.amountMinor,
      currency: leg.currency,
      creatorId: leg.creatorId ?? null,
      orderId: leg.orderId ?? null,
      payoutId: leg.payoutId ?? null,
      availableAt: leg.availableAt ?? null,
    });
    em.persist(entry);
    return entry;
  });
}

/** Balance of one creator's account per currency, in minor units, within `em`'s tenant scope. */
export async function creatorBalances(
  em: EntityManager,
  creatorId: string,
  account: LedgerAccount,
): Promise<Map<string, number>> {
  const entries = await em.find(LedgerEntry, { creatorId, account }, { fields: ['currency', 'amountMinor'] });
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(entry.currency, (totals.get(entry.currency) ?? 0) + entry.amountMinor);
  return totals;
}
