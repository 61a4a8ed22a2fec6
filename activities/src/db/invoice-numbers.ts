import { InvoiceCounter, type EntityManager } from '@fanfare/db';

/**
 * The next invoice number of `tenantId` for `year`, as `2026-000042`. The counter row is
 * upserted and incremented in one statement inside the caller's transaction: its row lock makes
 * concurrent payments wait their turn, and a rolled-back payment gives its number back, so
 * numbers have no gaps and no repeats.
 */
export async function nextInvoiceNumber(tx: EntityManager, tenantId: string, year: number): Promise<string> {
  const meta = tx.getMetadata().get(InvoiceCounter);
  const rows = await tx.getConnection().execute<Array<{ last_number: number }>>(
    `insert into "${meta.tableName}" ("tenant_id", "year", "last_number") values (?, ?, 1)
     on conflict ("tenant_id", "year") do update set "last_number" = "${meta.tableName}"."last_number" + 1
     returning "last_number"`,
    [tenantId, year],
    'all',
    tx.getTransactionContext(),
  );
  const next = rows[0]?.last_number;
  if (next === undefined) throw new Error('The invoice counter returned no row');
  return `${year}-${String(next).padStart(6, '0')}`;
}
