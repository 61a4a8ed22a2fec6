import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, currencyCode, instant, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';

/** Ledger accounts. Creator accounts carry `creatorId`; the others are the platform's. */
export const LEDGER_ACCOUNTS = [
  'creator_pending',
  'creator_available',
  'platform_revenue',
  'processor_fees',
  'clearing',
] as const;

/** One ledger account. */
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** Why money moved. */
export const LEDGER_ENTRY_KINDS = [
  'sale',
  'platform_fee',
  'processor_fee',
  'refund',
  'release',
  'payout',
  'reversal',
] as const;

/** One reason for a ledger movement. */
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entries',
  filters: tenantFilters,
  indexes: [{ properties: ['tenantId', 'creatorId', 'account'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    /** The entries of one transaction sum to zero (a deferred trigger checks at commit). */
    transactionId: uuidRef().index(),
    creatorId: uuidRef().nullable(),
    orderId: uuidRef().nullable().index(),
    payoutId: uuidRef().nullable().index(),
    account: p.enum(LEDGER_ACCOUNTS),
    /** Signed: credits to an account are positive, debits negative. */
    amountMinor: minorUnits(),
    currency: currencyCode(),
    kind: p.enum(LEDGER_ENTRY_KINDS),
    /** When pending earnings become available (end of the hold period). */
    availableAt: instant().nullable(),
    createdAt: createdAt(),
  },
});

/** One leg of a balanced double-entry transaction. */
export class LedgerEntry extends LedgerEntrySchema.class {}
LedgerEntrySchema.setClass(LedgerEntry);

/** Metadata of `LedgerEntry`. */
export { LedgerEntrySchema };
