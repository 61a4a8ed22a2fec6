import type { Note } from '../notes.js';
import type { TaxAmount } from '../tax/tax-math.js';

/** Seller or buyer as an invoice names them (Directive 2006/112/EC art. 226 (5), (4)). */
export interface InvoiceParty {
  /** Legal or personal name. */
  readonly name: string;
  /** Postal address, one line per entry. */
  readonly addressLines: readonly string[];
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** VAT id with its prefix; required of the seller, and of a reverse-charge buyer. */
  readonly vatId?: string;
}

/** One line of an invoice or credit note. */
export interface InvoiceLine {
  /** Product id. */
  readonly productId: string;
  /** What was sold, as printed. */
  readonly description: string;
  /** Units. */
  readonly quantity: number;
  /** Unit price in the document's tax terms (`taxInclusive`). */
  readonly unitAmount: number;
  /** Discount on the line. */
  readonly discount: number;
  /** Taxable amount of the line, tax excluded. */
  readonly net: number;
  /** Taxes on the line. */
  readonly tax: readonly TaxAmount[];
  /** Net plus taxes. */
  readonly total: number;
}

/** Tax per rate over the whole document (art. 226 (8)–(10)). */
export interface InvoiceTaxSummary {
  /** Tax name. */
  readonly name: string;
  /** Percent string. */
  readonly rate: string;
  /** Sum of the nets of lines taxed at this rate. */
  readonly taxable: number;
  /** Tax at this rate. */
  readonly amount: number;
}

/**
 * An invoice or a credit note as data, ready for an HTML/PDF renderer. Amounts are positive
 * minor units in both kinds; a credit note's `kind` and `creditFor` say they are taken back.
 */
export interface InvoiceDocument {
  /** Invoice, or credit note for a refund. */
  readonly kind: 'invoice' | 'credit_note';
  /** Sequential number, unique per tenant and year (`FAN-2026-000042`). */
  readonly number: string;
  /** Date of issue (YYYY-MM-DD). */
  readonly issueDate: string;
  /** Date of supply when it differs from the issue date. */
  readonly supplyDate?: string;
  /** Who sells. */
  readonly seller: InvoiceParty;
  /** Who buys. */
  readonly buyer: InvoiceParty;
  /** Currency of every amount. */
  readonly currency: string;
  /** Lines. */
  readonly lines: readonly InvoiceLine[];
  /** Tax per name and rate. */
  readonly taxSummary: readonly InvoiceTaxSummary[];
  /** Sum of line discounts. */
  readonly discount: number;
  /** Sum of line nets. */
  readonly netTotal: number;
  /** Sum of taxes. */
  readonly taxTotal: number;
  /** What was paid (or is refunded): net plus taxes. */
  readonly total: number;
  /** Whether unit amounts contain tax. */
  readonly taxInclusive: boolean;
  /** True when the buyer accounts for the VAT. */
  readonly reverseCharge: boolean;
  /** Legal mentions (reverse charge, credit reference). */
  readonly notes: readonly Note[];
  /** For a credit note: the invoice it corrects. */
  readonly creditFor?: { readonly number: string; readonly issueDate: string };
  /** For a credit note: why (refund, chargeback, takedown). */
  readonly reason?: string;
}
