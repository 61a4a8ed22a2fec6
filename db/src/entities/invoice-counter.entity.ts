import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';

const InvoiceCounterSchema = defineEntity({
  name: 'InvoiceCounter',
  tableName: 'invoice_counters',
  filters: tenantFilters,
  primaryKeys: ['tenantId', 'year'],
  properties: {
    tenantId: tenantIdColumn().primary(),
    year: p.integer().primary(),
    /** The last invoice number given out this year; bumped in the transaction that marks an order paid. */
    lastNumber: p.integer().default(0),
  },
});

/**
 * The running invoice number of one tenant in one calendar year. One row locked per increment,
 * so concurrent payments get consecutive numbers with no gap and no repeat.
 */
export class InvoiceCounter extends InvoiceCounterSchema.class {}
InvoiceCounterSchema.setClass(InvoiceCounter);

/** Metadata of `InvoiceCounter`. */
export { InvoiceCounterSchema };
