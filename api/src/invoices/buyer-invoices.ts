import { documentOf, forPlatform, Invoice, type EntityManager } from '@fanfare/db';
import { type AccessCaller, type InvoiceDocument, mayAccess } from '@fanfare/domain';
import { boughtBy, type BuyerAccount } from '../auth/access-caller.js';
import { notFound } from '../errors/api-error.js';

/** What a buyer's invoice list shows of one document. */
export interface InvoiceSummaryView {
  id: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  orderId: string;
  issueDate: string;
  currency: string;
  totalMinor: number;
  taxMinor: number;
  reverseCharge: boolean;
  pdfUrl: string;
}

/** The caller's invoices and credit notes in the storefront `em` is scoped to, newest first. */
export async function listBuyerInvoices(em: EntityManager, buyer: BuyerAccount): Promise<InvoiceSummaryView[]> {
  const rows = await em.find(Invoice, boughtBy(buyer, 'buyerUserId'), {
    orderBy: { issuedAt: 'desc', sequence: 'desc' },
    limit: 200,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    number: row.number,
    orderId: row.orderId,
    issueDate: row.issueDate,
    currency: row.currency,
    totalMinor: row.totalMinor,
    taxMinor: row.taxMinor,
    reverseCharge: row.reverseCharge,
    pdfUrl: `/v1/invoices/${row.id}.pdf`,
  }));
}

/**
 * The document of invoice `id` for a caller the access policy lets read it. Anyone else gets
 * the same 404 as for a missing id, so invoice ids reveal nothing about other buyers.
 */
export async function readableInvoice(em: EntityManager, id: string, caller: AccessCaller): Promise<InvoiceDocument> {
  const row = await forPlatform(em).findOne(Invoice, { id: id.toLowerCase() });
  if (
    row === null ||
    !mayAccess(caller, 'invoice', 'read', { buyerUserId: row.buyerUserId ?? null, buyerEmail: row.buyerEmail })
  )
    throw notFound('Invoice');
  return documentOf(row);
}
