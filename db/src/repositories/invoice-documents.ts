import type { InvoiceDocument } from '@fanfare/domain';
import type { Invoice } from '../entities/invoice.entity.js';

/** The document a stored invoice row was issued as, for credit notes and renderers. */
export function documentOf(row: Invoice): InvoiceDocument {
  const notes = row.notes;
  return {
    kind: row.kind,
    number: row.number,
    issueDate: row.issueDate,
    seller: row.seller,
    buyer: row.buyer,
    currency: row.currency,
    lines: row.lines,
    taxSummary: row.taxSummary,
    discount: row.discountMinor,
    netTotal: row.netMinor,
    taxTotal: row.taxMinor,
    total: row.totalMinor,
    taxInclusive: row.taxInclusive,
    reverseCharge: row.reverseCharge,
    notes,
    ...(row.reason == null ? {} : { reason: row.reason }),
  };
}

/** The columns of an invoice row that mirror `document`. */
export function columnsOf(
  document: InvoiceDocument,
): Pick<
  Invoice,
  | 'kind'
  | 'number'
  | 'issueDate'
  | 'seller'
  | 'buyer'
  | 'sellerVatId'
  | 'buyerVatId'
  | 'currency'
  | 'lines'
  | 'taxSummary'
  | 'discountMinor'
  | 'netMinor'
  | 'taxMinor'
  | 'totalMinor'
  | 'taxInclusive'
  | 'reverseCharge'
  | 'notes'
  | 'reason'
> {
  return {
    kind: document.kind,
    number: document.number,
    issueDate: document.issueDate,
    seller: document.seller,
    buyer: document.buyer,
    sellerVatId: document.seller.vatId ?? null,
    buyerVatId: document.buyer.vatId ?? null,
    currency: document.currency,
    lines: [...document.lines],
    taxSummary: [...document.taxSummary],
    discountMinor: document.discount,
    netMinor: document.netTotal,
    taxMinor: document.taxTotal,
    totalMinor: document.total,
    taxInclusive: document.taxInclusive,
    reverseCharge: document.reverseCharge,
    notes: [...document.notes],
    reason: document.reason ?? null,
  };
}
