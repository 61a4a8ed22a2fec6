import { DomainError } from '../errors.js';

/**
 * Invoice numbers run without gaps per tenant and calendar year. Handing out the next sequence
 * value needs the database (a row lock or counter per tenant and year); formatting and parsing
 * it is pure and lives here.
 */

/** The parts of an invoice number. */
export interface InvoiceNumberParts {
  /** Tenant's prefix: 2–10 upper-case letters or digits. */
  readonly prefix: string;
  /** Calendar year the sequence belongs to. */
  readonly year: number;
  /** 1-based position in the year's sequence. */
  readonly sequence: number;
}

/** `FAN-2026-000042`; throws `invalid_invoice` for parts that cannot make a number. */
export function formatInvoiceNumber(parts: InvoiceNumberParts): string {
  const { prefix, year, sequence } = parts;
  if (!/^[A-Z0-9]{2,10}$/.test(prefix))
    throw new DomainError('invalid_invoice', 'Invoice prefix must be 2–10 of A–Z, 0–9', { prefix });
  if (!Number.isInteger(year) || year < 2000 || year > 9999)
    throw new DomainError('invalid_invoice', 'Bad invoice year', { year });
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new DomainError('invalid_invoice', 'Invoice sequence starts at 1', { sequence });
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a number made by `formatInvoiceNumber`; throws `invalid_invoice` otherwise. */
export function parseInvoiceNumber(number: string): InvoiceNumberParts {
  const match = /^([A-Z0-9]{2,10})-(\d{4})-(\d{6,})$/.exec(number);
  if (!match) throw new DomainError('invalid_invoice', `Not an invoice number: "${number}"`, { number });
  return { prefix: match[1] ?? '', year: Number(match[2]), sequence: Number(match[3]) };
}
