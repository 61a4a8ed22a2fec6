import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, currencyCode, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';

/** Payment states: Stripe's PaymentIntent states plus what refunds and disputes do to them. */
export const PAYMENT_STATUSES = [
  'requires_payment_method',
  'requires_action',
  'processing',
  'succeeded',
  'canceled',
  'failed',
  'refunded',
  'partially_refunded',
  'disputed',
] as const;

/** One state of a payment. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const PaymentSchema = defineEntity({
  name: 'Payment',
  tableName: 'payments',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    orderId: uuidRef().index(),
    provider: p.enum(['stripe'] as const).default('stripe'),
    /** Unique so a replayed webhook or retried activity cannot record one charge twice. */
    providerPaymentId: p.string().unique(),
    status: p.enum(PAYMENT_STATUSES),
    amountMinor: minorUnits(),
    currency: currencyCode(),
    feeMinor: minorUnits().nullable(),
    createdAt: createdAt(),
  },
});

/** A charge at the payment processor for one order. */
export class Payment extends PaymentSchema.class {}
PaymentSchema.setClass(Payment);

/** Metadata of `Payment`. */
export { PaymentSchema };
