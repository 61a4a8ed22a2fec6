import { defineEntity, p } from '@mikro-orm/core';
import type { InvoiceLine, InvoiceParty, InvoiceTaxSummary, Note } from '@fanfare/domain';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { currencyCode, instant, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';

const InvoiceSchema = defineEntity({
  name: 'Invoice',
  tableName: 'invoices',
  filters: tenantFilters,
  uniques: [
    { properties: ['tenantId', 'number'] },
    // Issuing twice for the same business key (order, refund) finds the first document.
    { properties: ['tenantId', 'idempotencyKey'] },
  ],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    kind: p.enum(['invoice', 'credit_note'] as const),
    /** Gap-free per tenant and year (`AURORA-2026-000042`); credit notes share the sequence. */
    number: p.string().length(40),
    year: p.integer(),
    sequence: p.integer(),
    idempotencyKey: p.string(),
    orderId: uuidRef().index(),
    buyerUserId: uuidRef().nullable().index(),
    buyerEmail: p.string().lowercase(),
    /** For a credit note: the invoice it corrects. */
    creditForInvoiceId: uuidRef().nullable().index(),
    currency: currencyCode(),
    seller: p.json<InvoiceParty>(),
    buyer: p.json<InvoiceParty>(),
    sellerVatId: p.string().length(20).nullable(),
    buyerVatId: p.string().length(20).nullable(),
    lines: p.json<InvoiceLine[]>(),
    taxSummary: p.json<InvoiceTaxSummary[]>(),
    discountMinor: minorUnits(),
    netMinor: minorUnits(),
    taxMinor: minorUnits(),
    totalMinor: minorUnits(),
    taxInclusive: p.boolean(),
    reverseCharge: p.boolean(),
    /** Legal mentions, the reverse-charge sentence among them. */
    notes: p.json<Note[]>(),
    /** For a credit note: refund, chargeback, takedown. */
    reason: p.string().nullable(),
    /** Date of issue printed on the document (YYYY-MM-DD). */
    issueDate: p.string().length(10),
    issuedAt: instant(),
  },
});

/**
 * An issued invoice or credit note, immutable once written: the document is stored as issued, so
 * re-rendering it years later prints the same thing even after rates or product names change.
 */
export class Invoice extends InvoiceSchema.class {}
InvoiceSchema.setClass(Invoice);

/** Metadata of `Invoice`. */
export { InvoiceSchema };
