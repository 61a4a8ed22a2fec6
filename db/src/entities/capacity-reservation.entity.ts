import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey, uuidRef } from './columns.js';

/** Where a capacity reservation is: held by a checkout, made final by payment, or given back. */
export type CapacityReservationStatus = 'reserved' | 'confirmed' | 'released';

const CapacityReservationSchema = defineEntity({
  name: 'CapacityReservation',
  tableName: 'capacity_reservations',
  filters: tenantFilters,
  // One reservation per order and product makes reserve, confirm and release idempotent by order id.
  uniques: [{ properties: ['orderId', 'productId'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    productId: uuidRef().index(),
    orderId: uuidRef().index(),
    /** Token units held (`tokenAmount × quantity`). */
    units: p.integer(),
    status: p.enum(['reserved', 'confirmed', 'released'] as const).default('reserved'),
    createdAt: createdAt(),
    updatedAt: instant()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** Units of a token pack's finite capacity held by one order. */
export class CapacityReservation extends CapacityReservationSchema.class {}
CapacityReservationSchema.setClass(CapacityReservation);

/** Metadata of `CapacityReservation`. */
export { CapacityReservationSchema };
