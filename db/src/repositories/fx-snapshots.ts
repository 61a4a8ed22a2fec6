import { ECB_REFERENCE_SNAPSHOT, type FxSnapshot } from '@fanfare/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FxRateSnapshot } from '../entities/fx-rate-snapshot.entity.js';

/**
 * The newest stored FX snapshot (by reference date), or the one shipped in `@fanfare/domain`
 * when the table is empty, so display conversions always have rates (flagged stale when old).
 */
export async function latestFxSnapshot(em: EntityManager): Promise<FxSnapshot> {
  const [row] = await em.fork().find(FxRateSnapshot, {}, { orderBy: { asOf: 'desc', fetchedAt: 'desc' }, limit: 1 });
  if (row === undefined) return ECB_REFERENCE_SNAPSHOT;
  return { base: 'EUR', asOf: row.asOf, source: row.source, rates: row.rates };
}

/** Stores `snapshot` unless that source's day is already stored; true when a row was added. */
export async function storeFxSnapshot(em: EntityManager, snapshot: FxSnapshot): Promise<boolean> {
  const table = em.getMetadata().get(FxRateSnapshot).tableName;
  const result = await em.getConnection().execute<{ affectedRows: number }>(
    `insert into "${table}" ("id", "base", "as_of", "source", "rates", "fetched_at")
     values (gen_random_uuid(), ?, ?, ?, ?::jsonb, now()) on conflict ("source", "as_of") do nothing`,
    [snapshot.base, snapshot.asOf, snapshot.source, JSON.stringify(snapshot.rates)],
    'run',
  );
  return result.affectedRows > 0;
}
