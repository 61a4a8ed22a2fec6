import { documentOf, forPlatform, Invoice, type EntityManager, type User } from '@fanfare/db';
import type { InvoiceDocument, Role } from '@fanfare/domain';
import { notFound } from '../errors/api-error.js';

/** Roles that may read any buyer's invoice (support, refunds, bookkeeping). */
const OPERATORS: ReadonlySet<Role> = new Set<Role>(['admin', 'finance']);

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

function ownedBy(user: User): object {
  return { $or: [{ buyerUserId: user.id }, { buyerEmail: user.email }] };
}

/** The caller's invoices and credit notes in the storefront `em` is scoped to, newest first. */
export async function listBuyerInvoices(em: EntityManager, user: User): Promise<InvoiceSummaryView[]> {
  const rows = await em.find(Invoice, ownedBy(user), { orderBy: { issuedAt: 'desc', sequence: 'desc' }, limit: 200 });
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
 * The document of invoice `id` for a caller who owns it or is an operator. Anyone else gets the
 * same 404 as for a missing id, so invoice ids reveal nothing about other buyers.
 */
export async function readableInvoice(
  em: EntityManager,
  id: string,
  caller: { user: User | null; roles: readonly Role[] },
): Promise<InvoiceDocument> {
  const row = await forPlatform(em).findOne(Invoice, { id: id.toLowerCase() });
  const operator = caller.roles.some((role) => OPERATORS.has(role));
  const owner =
    caller.user !== null &&
    row !== null &&
    (row.buyerUserId === caller.user.id || row.buyerEmail === caller.user.email);
  if (row === null || (!operator && !owner)) throw notFound('Invoice');
  return documentOf(row);
}
