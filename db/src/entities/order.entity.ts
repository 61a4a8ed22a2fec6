import { ORDER_STATUSES } from '@fanfare/domain';
import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, currencyCode, instant, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';
import { OrderLine } from './order-line.entity.js';

/** Why the order was taxed where it was: the place-of-supply decision with its evidence. */
export interface OrderTaxEvidence {
  country: string;
  rule: string;
  corroborated: boolean;
  evidence: { billingCountry?: string; ipCountry?: string; cardCountry?: string };
}

const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'orders',
  filters: tenantFilters,
  uniques: [{ properties: ['tenantId', 'idempotencyKey'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    /** Absent for guest checkout; the email then identifies the buyer. */
    buyerUserId: uuidRef().nullable().index(),
    buyerEmail: p.string().lowercase(),
    /** The lifecycle is the domain's (`ORDER_STATUSES`); the check constraint is derived from it. */
    status: p.enum(ORDER_STATUSES).default('pending'),
    currency: currencyCode(),
    subtotalMinor: minorUnits(),
    discountMinor: minorUnits().default(0),
    taxMinor: minorUnits().default(0),
    totalMinor: minorUnits(),
    /** ISO 3166-1 alpha-2 country the tax was computed for. */
    country: p.string().columnType('char(2)').length(2),
    /**
     * The location evidence the tax country was chosen from and the rule that chose it
     * (billing, IP, card country), kept for tax audits; null on orders priced before it was kept.
     */
    taxEvidence: p.json<OrderTaxEvidence>().nullable(),
    /** Sequential per tenant, assigned when the order is paid. */
    invoiceNumber: p.string().nullable(),
    idempotencyKey: p.string(),
    workflowId: p.string(),
    createdAt: createdAt(),
    paidAt: instant().nullable(),
    lines: () => p.oneToMany(OrderLine).mappedBy('order'),
  },
});

/** A buyer's purchase from one tenant, priced in one currency. */
export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);

/** Metadata of `Order`. */
export { OrderSchema };
