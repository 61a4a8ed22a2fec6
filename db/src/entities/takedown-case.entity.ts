import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey, uuidRef } from './columns.js';

/** Where a DMCA case is under 17 U.S.C. § 512. */
export const TAKEDOWN_STATUSES = [
  'received',
  'rejected',
  'under_review',
  'taken_down',
  'counter_noticed',
  'restored',
  'court_action',
  'closed',
] as const;

/** One state of a takedown case. */
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

/**
 * Free-form JSON as received: the statutory elements are validated by the takedown workflow,
 * and the record keeps exactly what was filed.
 */
export type TakedownDocument = Record<string, unknown>;

const TakedownCaseSchema = defineEntity({
  name: 'TakedownCase',
  tableName: 'takedown_cases',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    productId: uuidRef().nullable().index(),
    assetId: uuidRef().nullable(),
    status: p.enum(TAKEDOWN_STATUSES).default('received'),
    complainant: p.json<TakedownDocument>(),
    notice: p.json<TakedownDocument>(),
    counterNotice: p.json<TakedownDocument>().nullable(),
    workflowId: p.string(),
    createdAt: createdAt(),
    updatedAt: instant()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** A DMCA notice against a product or asset, and everything that followed it. */
export class TakedownCase extends TakedownCaseSchema.class {}
TakedownCaseSchema.setClass(TakedownCase);

/** Metadata of `TakedownCase`. */
export { TakedownCaseSchema };
