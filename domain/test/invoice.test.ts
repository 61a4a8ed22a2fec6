import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCreditNote,
  buildInvoice,
  formatInvoiceNumber,
  parseInvoiceNumber,
  quote,
  type InvoiceDocument,
  type QuoteCatalog,
} from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

const catalog: QuoteCatalog = {
  products: [
    { id: 'album', taxCategory: 'standard', forSale: true },
    { id: 'ebook', taxCategory: 'ebook', forSale: true },
  ],
  prices: [
    { productId: 'album', currency: 'EUR', region: 'EU', amount: 999, taxInclusive: true },
    { productId: 'ebook', currency: 'EUR', region: 'EU', amount: 1499, taxInclusive: true },
    { productId: 'album', currency: 'CAD', region: 'CA', amount: 1299, taxInclusive: false },
  ],
};
const context = { now: new Date('2026-11-22T12:00:00Z'), seller: { country: 'IE' } };
const seller = {
  name: 'Fanfare Marketplace Ltd',
  addressLines: ['1 Grand Canal Sq', 'Dublin 2'],
  country: 'IE',
  vatId: 'IE6433435F',
};
const consumer = { name: 'Erika Musterfrau', addressLines: ['Hauptstr. 1', '10115 Berlin'], country: 'DE' };
const descriptions = { album: 'Aurora — Northern Lights (album, FLAC)', ebook: 'The Long Night (e-book, EPUB)' };

function invoiceFor(
  country: string,
  extra: { vatId?: string } = {},
  buyer: typeof consumer & { vatId?: string } = consumer,
): InvoiceDocument {
  const items = [
    { productId: 'album', quantity: 2 },
    { productId: 'ebook', quantity: 1 },
  ];
  const q = quote({ items, country, ...extra }, catalog, context);
  return buildInvoice(q, { number: 'FAN-2026-000042', issueDate: '2026-11-22', seller, buyer, descriptions });
}

describe('invoice numbers', () => {
  it('formats and parses per tenant and year', () => {
    expect(formatInvoiceNumber({ prefix: 'FAN', year: 2026, sequence: 42 })).toBe('FAN-2026-000042');
    expect(parseInvoiceNumber('FAN-2026-1234567')).toEqual({ prefix: 'FAN', year: 2026, sequence: 1_234_567 });
  });
  it.each([
    [() => formatInvoiceNumber({ prefix: 'fan', year: 2026, sequence: 1 })],
    [() => formatInvoiceNumber({ prefix: 'FAN', year: 2026, sequence: 0 })],
    [() => parseInvoiceNumber('2026/42')],
  ])('refuses bad parts with invalid_invoice (%#)', (run) => {
    expect(codeOf(run)).toBe('invalid_invoice');
  });
});

describe('invoice document', () => {
  it('carries lines, tax per rate with its base, and totals that add up', () => {
    const invoice = invoiceFor('DE');
    expect(invoice.lines.map((l) => [l.description, l.net, l.tax[0]?.amount, l.total])).toEqual([
      ['Aurora — Northern Lights (album, FLAC)', 1679, 319, 1998],
      ['The Long Night (e-book, EPUB)', 1401, 98, 1499],
    ]);
    expect(invoice.taxSummary).toEqual([
      { name: 'VAT', rate: '19', taxable: 1679, amount: 319 },
      { name: 'VAT', rate: '7', taxable: 1401, amount: 98 },
    ]);
    expect([invoice.netTotal + invoice.taxTotal, invoice.total]).toEqual([3497, 3497]);
    expect(invoice.notes.map((n) => n.code)).toEqual(['prices_include_tax']);
  });

  it('shows GST and QST on separate rates for Québec', () => {
    const q = quote({ items: [{ productId: 'album', quantity: 1 }], country: 'CA', region: 'QC' }, catalog, context);
    const invoice = buildInvoice(q, {
      number: 'FAN-2026-000043',
      issueDate: '2026-11-22',
      seller,
      buyer: { ...consumer, country: 'CA' },
      descriptions,
    });
    expect(invoice.taxSummary).toEqual([
      { name: 'GST', rate: '5', taxable: 1299, amount: 65 },
      { name: 'QST', rate: '9.975', taxable: 1299, amount: 130 },
    ]);
  });

  it('prints the reverse-charge mention and requires the buyer’s VAT id', () => {
    const business = { ...consumer, name: 'Muster GmbH', vatId: 'DE136308783' };
    const invoice = invoiceFor('DE', { vatId: 'DE136308783' }, business);
    expect(invoice.reverseCharge).toBe(true);
    expect(invoice.taxTotal).toBe(0);
    expect(invoice.notes[0]?.message).toContain('Article 196');
    expect(codeOf(() => invoiceFor('DE', { vatId: 'DE136308783' }))).toBe('invalid_invoice');
  });

  it('refuses a bad date or a malformed seller VAT id', () => {
    const q = quote({ items: [{ productId: 'album', quantity: 1 }], country: 'DE' }, catalog, context);
    expect(
      codeOf(() => buildInvoice(q, { number: 'X', issueDate: '22.11.2026', seller, buyer: consumer, descriptions })),
    ).toBe('invalid_invoice');
    expect(
      codeOf(() =>
        buildInvoice(q, {
          number: 'X',
          issueDate: '2026-11-22',
          seller: { ...seller, vatId: 'IE123' },
          buyer: consumer,
          descriptions,
        }),
      ),
    ).toBe('malformed_vat_id');
  });
});

describe('credit notes', () => {
  const invoice = invoiceFor('DE');
  const base = { number: 'FAN-2026-000050', issueDate: '2026-11-30', reason: 'Refund requested by buyer' };

  it('credits a whole invoice and references it', () => {
    const note = buildCreditNote(invoice, { ...base, scope: { kind: 'full' } });
    expect(note.kind).toBe('credit_note');
    expect(note.creditFor).toEqual({ number: 'FAN-2026-000042', issueDate: '2026-11-22' });
    expect([note.total, note.taxTotal]).toEqual([invoice.total, invoice.taxTotal]);
    expect(note.notes.map((n) => n.code)).toEqual(['credit_note']);
  });

  it('credits chosen lines', () => {
    const note = buildCreditNote(invoice, { ...base, scope: { kind: 'lines', lineIndexes: [1] } });
    expect(note.lines.map((l) => l.productId)).toEqual(['ebook']);
    expect(note.taxSummary).toEqual([{ name: 'VAT', rate: '7', taxable: 1401, amount: 98 }]);
  });

  it('credits an amount spread over lines, net and tax in proportion', () => {
    const note = buildCreditNote(invoice, { ...base, scope: { kind: 'amount', amount: 1000 } });
    expect(note.total).toBe(1000);
    expect(note.netTotal + note.taxTotal).toBe(1000);
    expect(note.lines.map((l) => l.total)).toEqual([571, 429]);
  });

  it('never credits more than the invoice, across notes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: invoice.total }), (amount) => {
        const note = buildCreditNote(invoice, { ...base, scope: { kind: 'amount', amount } });
        expect(note.total).toBe(amount);
        expect(note.netTotal + note.taxTotal).toBe(amount);
        for (const line of note.lines) for (const t of line.tax) expect(t.amount).toBeGreaterThanOrEqual(0);
        expect(
          codeOf(() =>
            buildCreditNote(invoice, {
              ...base,
              scope: { kind: 'amount', amount: invoice.total - amount + 1 },
              alreadyCredited: amount,
            }),
          ),
        ).toBe('invalid_credit_note');
      }),
    );
  });

  it.each([
    [
      'a credit note',
      () =>
        buildCreditNote(buildCreditNote(invoice, { ...base, scope: { kind: 'full' } }), {
          ...base,
          number: 'FAN-2026-000051',
          scope: { kind: 'full' },
        }),
    ],
    ['an unknown line', () => buildCreditNote(invoice, { ...base, scope: { kind: 'lines', lineIndexes: [5] } })],
    ['a line twice', () => buildCreditNote(invoice, { ...base, scope: { kind: 'lines', lineIndexes: [0, 0] } })],
    ['a negative amount', () => buildCreditNote(invoice, { ...base, scope: { kind: 'amount', amount: -1 } })],
    [
      'the invoice’s own number',
      () => buildCreditNote(invoice, { ...base, number: invoice.number, scope: { kind: 'full' } }),
    ],
  ])('refuses crediting %s with invalid_credit_note', (_, run) => {
    expect(codeOf(run)).toBe('invalid_credit_note');
  });
});
