import { formatMoney, type InvoiceDocument } from '@fanfare/domain';

/**
 * The words and figures an invoice prints, shared by the HTML and the PDF rendering so both say
 * the same thing. Amounts carry the currency code (`EUR 20.99`): unambiguous on a legal document
 * and printable with the PDF standard fonts.
 */
export interface InvoiceText {
  title: string;
  number: string;
  meta: Array<[string, string]>;
  seller: string[];
  buyer: string[];
  lineHeader: string[];
  lines: string[][];
  taxHeader: string[];
  taxes: string[][];
  totals: Array<[string, string]>;
  notes: string[];
}

/** `amount` minor units of the document's currency, as printed. */
export function moneyText(document: InvoiceDocument, amount: number): string {
  return formatMoney({ amount, currency: document.currency }, 'en-GB', { currencyDisplay: 'code' });
}

function party(label: string, p: InvoiceDocument['seller']): string[] {
  return [label, p.name, ...p.addressLines, p.country, ...(p.vatId ? [`VAT id: ${p.vatId}`] : [])];
}

/** What `document` prints, section by section. */
export function invoiceText(document: InvoiceDocument): InvoiceText {
  const money = (amount: number) => moneyText(document, amount);
  const taxOf = (line: InvoiceDocument['lines'][number]) =>
    line.tax.map((t) => `${t.name} ${t.rate}%`).join(', ') || '-';
  return {
    title: document.kind === 'invoice' ? 'Invoice' : 'Credit note',
    number: document.number,
    meta: [
      ['Number', document.number],
      ['Date of issue', document.issueDate],
      ...(document.supplyDate ? [['Date of supply', document.supplyDate] as [string, string]] : []),
      ...(document.creditFor
        ? [['Credits invoice', `${document.creditFor.number} of ${document.creditFor.issueDate}`] as [string, string]]
        : []),
      ...(document.reason ? [['Reason', document.reason] as [string, string]] : []),
      ['Currency', document.currency],
    ],
    seller: party('Seller', document.seller),
    buyer: party('Buyer', document.buyer),
    lineHeader: [
      'Description',
      'Qty',
      document.taxInclusive ? 'Unit (incl. tax)' : 'Unit',
      'Discount',
      'Net',
      'Tax',
      'Total',
    ],
    lines: document.lines.map((l) => [
      l.description,
      String(l.quantity),
      money(l.unitAmount),
      money(l.discount),
      money(l.net),
      taxOf(l),
      money(l.total),
    ]),
    taxHeader: ['Tax', 'Rate', 'Taxable amount', 'Tax amount'],
    taxes: document.taxSummary.map((t) => [t.name, `${t.rate}%`, money(t.taxable), money(t.amount)]),
    totals: [
      ['Discount', money(document.discount)],
      ['Net total', money(document.netTotal)],
      ['Tax total', money(document.taxTotal)],
      [document.kind === 'invoice' ? 'Total' : 'Total credited', money(document.total)],
    ],
    notes: document.notes.map((n) => n.message),
  };
}
