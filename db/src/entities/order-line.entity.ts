import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';
import { Order } from './order.entity.js';

const OrderLineSchema = defineEntity({
  name: 'OrderLine',
  tableName: 'order_lines',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    order: () => p.manyToOne(Order).deleteRule('cascade').index(),
    productId: uuidRef().index(),
    quantity: p.integer().default(1),
    unitAmountMinor: minorUnits(),
    discountMinor: minorUnits().default(0),
    taxMinor: minorUnits().default(0),
    totalMinor: minorUnits(),
  },
});

/** One product on an order, with its share of discount and tax. */
export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine);

/** Metadata of `OrderLine`. */
export { OrderLineSchema };
