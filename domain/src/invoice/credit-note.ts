import { DomainError } from '../errors.js';
import { allocate } from '../money/allocate.js';
import type { InvoiceDocument, InvoiceLine } from './invoice-types.js';
import { totalsOf } from './build-invoice.js';

/** What a credit note takes back. */
export type CreditScope =
  | { readonly kind: 'full' }
  | { readonly kind: 'lines'; readonly lineIndexes: readonly number[] }
  | { readonly kind: 'amount'; readonly amount: number };

/** What a credit note needs besides the invoice it corrects. */
export interface CreditNoteDetails {
  /** Number from the tenant's sequence (credit notes share it or have their own). */
  readonly number: string;
  /** Date of issue (YYYY-MM-DD). */
  readonly issueDate: string;
  /** Refund, chargeback, takedown… printed on the note. */
  readonly reason: string;
  /** What is credited. */
  readonly scope: CreditScope;
  /** Total of earlier credit notes for the same invoice, so credits never exceed it. */
  readonly alreadyCredited?: number;
}

function refuse(why: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('invalid_credit_note', why, details);
}

/**
 * A line's share of a partial refund: the refunded amount split over the line's net and each of
 * its taxes in proportion (largest remainder), so the credited tax matches the tax charged.
 */
function partialLine(line: InvoiceLine, refund: number): InvoiceLine {
  const [net = 0, ...taxes] = allocate(refund, [line.net, ...line.tax.map((t) => t.amount)]);
  return {
    productId: line.productId,
    description: `Partial refund: ${line.description}`,
    quantity: 1,
    unitAmount: refund,
    discount: 0,
    net,
    tax: line.tax.map((t, i) => ({ name: t.name, rate: t.rate, amount: taxes[i] ?? 0 })),
    total: refund,
  };
}

function creditedLines(invoice: InvoiceDocument, scope: CreditScope): InvoiceLine[] {
  if (scope.kind === 'full') return [...invoice.lines];
  if (scope.kind === 'lines') {
    const unique = new Set(scope.lineIndexes);
    if (unique.size === 0 || unique.size !== scope.lineIndexes.length) refuse('Name each credited line once');
    return [...unique]
      .sort((a, b) => a - b)
      .map((i) => invoice.lines[i] ?? refuse(`No line ${i} on ${invoice.number}`, { line: i }));
  }
  if (!Number.isSafeInteger(scope.amount) || scope.amount <= 0)
    refuse('A credited amount must be positive minor units', { amount: scope.amount });
  const shares = allocate(
    scope.amount,
    invoice.lines.map((l) => l.total),
  );
  return invoice.lines.flatMap((line, i) => ((shares[i] ?? 0) > 0 ? [partialLine(line, shares[i] ?? 0)] : []));
}

/**
 * A credit note referencing `invoice`, for a refund of all of it, some lines, or an amount
 * spread over the lines in proportion. Amounts are positive; the note repeats the invoice's
 * reverse-charge mention and names the invoice it corrects. Throws `invalid_credit_note` when
 * crediting a credit note, an unknown line, or more than is left to credit.
 */
export function buildCreditNote(invoice: InvoiceDocument, details: CreditNoteDetails): InvoiceDocument {
  if (invoice.kind !== 'invoice') refuse('Only an invoice can be credited', { number: invoice.number });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(details.issueDate)) refuse('issueDate must be YYYY-MM-DD');
  if (!details.number.trim() || details.number === invoice.number) refuse('A credit note needs its own number');
  const left = invoice.total - (details.alreadyCredited ?? 0);
  if (details.scope.kind === 'amount' && details.scope.amount > left) {
    refuse(`Only ${left} is left to credit on ${invoice.number}`, { left, requested: details.scope.amount });
  }
  const lines = creditedLines(invoice, details.scope);
  const totals = totalsOf(lines);
  if (totals.total > left)
    refuse(`Only ${left} is left to credit on ${invoice.number}`, { left, requested: totals.total });
  return {
    ...invoice,
    kind: 'credit_note',
    number: details.number,
    issueDate: details.issueDate,
    lines,
    ...totals,
    notes: [
      ...invoice.notes.filter((n) => n.code === 'reverse_charge'),
      { code: 'credit_note', message: `Credit note for invoice ${invoice.number} of ${invoice.issueDate}.` },
    ],
    creditFor: { number: invoice.number, issueDate: invoice.issueDate },
    reason: details.reason,
  };
}
