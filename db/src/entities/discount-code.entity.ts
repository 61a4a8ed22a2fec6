import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey } from './columns.js';

const DiscountCodeSchema = defineEntity({
  name: 'DiscountCode',
  tableName: 'discount_codes',
  filters: tenantFilters,
  // Buyers type codes in any case, so uniqueness is on the upper-cased form the code is stored in.
  uniques: [{ properties: ['tenantId', 'code'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    /** What the buyer types, stored upper case. */
    code: p.string().length(40),
    kind: p.enum(['percent', 'fixed'] as const),
    /** Percent off as published ("12.5"), for `percent`. */
    percent: p.string().length(12).nullable(),
    /** Minor units off per currency, for `fixed`. */
    amountOff: p.json<Record<string, number>>().nullable(),
    /** For `fixed`: once per order or per eligible unit. */
    fixedPer: p.enum(['order', 'unit'] as const).default('order'),
    scope: p.enum(['cart', 'products'] as const).default('cart'),
    /** Products a `products`-scoped code reduces. */
    productIds: p.array<string>().default([]),
    validFrom: instant().nullable(),
    /** Exclusive end of validity. */
    validUntil: instant().nullable(),
    maxRedemptions: p.integer().nullable(),
    perCustomerLimit: p.integer().nullable(),
    /** Subtotal needed per currency, in minor units. */
    minimumSubtotal: p.json<Record<string, number>>().nullable(),
    /** Off codes are unknown to buyers without losing their redemption history. */
    active: p.boolean().default(true),
    createdAt: createdAt(),
  },
});

/** A tenant's discount code, as the domain's `DiscountCode` rule reads it. */
export class DiscountCode extends DiscountCodeSchema.class {}
DiscountCodeSchema.setClass(DiscountCode);

/** Metadata of `DiscountCode`. */
export { DiscountCodeSchema };
