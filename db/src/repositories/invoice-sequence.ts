import type { EntityManager } from '@mikro-orm/postgresql';
import { InvoiceCounter } from '../entities/invoice-counter.entity.js';

/** One position in a tenant's yearly invoice sequence. */
export interface InvoiceSequenceNumber {
  /** Calendar year of the sequence. */
  readonly year: number;
  /** 1-based position. */
  readonly sequence: number;
  /** As printed and stored on `Order.invoiceNumber`: `2026-000042`. */
  readonly number: string;
}

/** `2026-000042`: the one format of invoice and credit-note numbers (per tenant, so no prefix). */
export function formatSequenceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a number made by `formatSequenceNumber`, or undefined for anything else. */
export function parseSequenceNumber(number: string): InvoiceSequenceNumber | undefined {
  const match = /^(\d{4})-(\d{6,})$/.exec(number);
  if (!match) return undefined;
  return { year: Number(match[1]), sequence: Number(match[2]), number };
}

/**
 * Takes the next number of `tenantId`'s `invoice_counters` row for `year` (invoices and credit
 * notes share it). One upsert-and-increment statement inside the caller's transaction `tx`: the
 * row lock makes concurrent issuers wait their turn and a rolled-back issue gives its number
 * back, so numbers have no gap and no repeat. Call it only inside `em.transactional`.
 */
export async function nextInvoiceSequence(
  tx: EntityManager,
  tenantId: string,
  year: number,
): Promise<InvoiceSequenceNumber> {
  const table = tx.getMetadata().get(InvoiceCounter).tableName;
  const rows = await tx.getConnection().execute<Array<{ last_number: number }>>(
    `insert into "${table}" ("tenant_id", "year", "last_number") values (?, ?, 1)
     on conflict ("tenant_id", "year") do update set "last_number" = "${table}"."last_number" + 1
     returning "last_number"`,
    [tenantId, year],
    'all',
    tx.getTransactionContext(),
  );
  const sequence = rows[0]?.last_number;
  if (sequence === undefined) throw new Error('The invoice counter returned no row');
  return { year, sequence, number: formatSequenceNumber(year, sequence) };
}
