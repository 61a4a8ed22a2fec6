import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from './columns.js';

const FxRateSnapshotSchema = defineEntity({
  name: 'FxRateSnapshot',
  tableName: 'fx_rate_snapshots',
  // A refresh that finds the same reference day again stores nothing new.
  uniques: [{ properties: ['source', 'asOf'] }],
  properties: {
    id: uuidPrimaryKey(),
    /** ECB reference rates are quoted against the euro. */
    base: p.string().columnType('char(3)').length(3),
    /** Reference date (YYYY-MM-DD). */
    asOf: p.string().length(10).index(),
    /** Feed URL the rates were read from. */
    source: p.string(),
    /** Units of each currency per 1 EUR, as published decimal strings. */
    rates: p.json<Record<string, string>>(),
    /** When this row was stored. */
    fetchedAt: createdAt(),
  },
});

/** Display-only exchange rates of one reference day; platform-level, shared by every tenant. */
export class FxRateSnapshot extends FxRateSnapshotSchema.class {}
FxRateSnapshotSchema.setClass(FxRateSnapshot);

/** Metadata of `FxRateSnapshot`. */
export { FxRateSnapshotSchema };
