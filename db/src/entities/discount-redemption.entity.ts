import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey, uuidRef } from './columns.js';

/** Where a redemption is: held by a checkout, made final by payment, or given back. */
export type DiscountRedemptionStatus = 'reserved' | 'confirmed' | 'released';

const DiscountRedemptionSchema = defineEntity({
  name: 'DiscountRedemption',
  tableName: 'discount_redemptions',
  filters: tenantFilters,
  // One redemption per code and order makes reserve, confirm and release idempotent by order id.
  uniques: [{ properties: ['discountCodeId', 'orderId'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    discountCodeId: uuidRef().index(),
    orderId: uuidRef().index(),
    /** The buyer the per-customer limit counts for (user id, or lower-cased email for guests). */
    customerKey: p.string(),
    status: p.enum(['reserved', 'confirmed', 'released'] as const).default('reserved'),
    createdAt: createdAt(),
    updatedAt: instant()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** One use of a discount code by one order; reserved and released counts stay exact under concurrency. */
export class DiscountRedemption extends DiscountRedemptionSchema.class {}
DiscountRedemptionSchema.setClass(DiscountRedemption);

/** Metadata of `DiscountRedemption`. */
export { DiscountRedemptionSchema };
