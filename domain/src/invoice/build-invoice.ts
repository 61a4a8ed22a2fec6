import { DomainError } from '../errors.js';
import { assertCountry } from '../geo/countries.js';
import type { Note } from '../notes.js';
import type { Quote } from '../quote/quote-types.js';
import type { TaxAmount } from '../tax/tax-math.js';
import { parseVatId } from '../tax/vat-id/vat-id.js';
import type { InvoiceDocument, InvoiceLine, InvoiceParty, InvoiceTaxSummary } from './invoice-types.js';

/** What an invoice needs besides the quote the order was paid at. */
export interface InvoiceDetails {
  /** Number from the tenant's gap-free sequence. */
  readonly number: string;
  /** Date of issue (YYYY-MM-DD). */
  readonly issueDate: string;
  /** Date of supply, when different. */
  readonly supplyDate?: string;
  /** Seller of record. */
  readonly seller: InvoiceParty;
  /** Buyer. */
  readonly buyer: InvoiceParty;
  /** Printed description per product id. */
  readonly descriptions: Readonly<Record<string, string>>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function refuse(why: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('invalid_invoice', why, details);
}

function checkParties(seller: InvoiceParty, buyer: InvoiceParty, reverseCharge: boolean): void {
  assertCountry(seller.country);
  assertCountry(buyer.country);
  if (!seller.name.trim() || !buyer.name.trim()) refuse('Seller and buyer need a name');
  if (seller.vatId) parseVatId(seller.vatId);
  if (reverseCharge && !buyer.vatId) refuse('A reverse-charge invoice must show the buyer’s VAT id');
  if (buyer.vatId) parseVatId(buyer.vatId);
}

/** Tax per name and rate with the taxable base of the lines carrying it. */
export function summarizeTaxes(lines: readonly InvoiceLine[]): InvoiceTaxSummary[] {
  const summary = new Map<string, InvoiceTaxSummary>();
  for (const line of lines) {
    for (const t of line.tax) {
      const key = `${t.name}|${t.rate}`;
      const seen = summary.get(key);
      summary.set(key, {
        name: t.name,
        rate: t.rate,
        taxable: (seen?.taxable ?? 0) + line.net,
        amount: (seen?.amount ?? 0) + t.amount,
      });
    }
  }
  return [...summary.values()];
}

/** Totals of a set of lines. */
export function totalsOf(
  lines: readonly InvoiceLine[],
): Pick<InvoiceDocument, 'discount' | 'netTotal' | 'taxTotal' | 'total' | 'taxSummary'> {
  const taxOf = (tax: readonly TaxAmount[]) => tax.reduce((s, t) => s + t.amount, 0);
  return {
    discount: lines.reduce((s, l) => s + l.discount, 0),
    netTotal: lines.reduce((s, l) => s + l.net, 0),
    taxTotal: lines.reduce((s, l) => s + taxOf(l.tax), 0),
    total: lines.reduce((s, l) => s + l.total, 0),
    taxSummary: summarizeTaxes(lines),
  };
}

/**
 * The invoice for an order paid at `quote`: every line with its net, taxes and total, tax per
 * rate with its taxable base, and the quote's legal notes (the reverse-charge mention among
 * them). Throws `invalid_invoice` for a missing name, date or reverse-charge buyer VAT id, and
 * `malformed_vat_id` for a bad VAT id.
 */
export function buildInvoice(quote: Quote, details: InvoiceDetails): InvoiceDocument {
  if (!details.number.trim()) refuse('An invoice needs a number');
  if (!ISO_DATE.test(details.issueDate)) refuse('issueDate must be YYYY-MM-DD', { issueDate: details.issueDate });
  checkParties(details.seller, details.buyer, quote.reverseCharge);
  const lines: InvoiceLine[] = quote.lines.map((l) => {
    const tax = l.tax.reduce((s, t) => s + t.amount, 0);
    return {
      productId: l.productId,
      description: details.descriptions[l.productId] ?? l.productId,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      discount: l.discount,
      net: l.total - tax,
      tax: l.tax,
      total: l.total,
    };
  });
  const notes: Note[] = quote.notes.filter((n) => n.code === 'reverse_charge' || n.code === 'prices_include_tax');
  return {
    kind: 'invoice',
    number: details.number,
    issueDate: details.issueDate,
    ...(details.supplyDate ? { supplyDate: details.supplyDate } : {}),
    seller: details.seller,
    buyer: details.buyer,
    currency: quote.currency,
    lines,
    ...totalsOf(lines),
    taxInclusive: quote.taxInclusive,
    reverseCharge: quote.reverseCharge,
    notes,
  };
}
