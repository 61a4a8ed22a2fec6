import { randomUUID } from 'node:crypto';
import { createOrm, forTenant, Invoice, InvoiceCounter, Order, type MikroORM } from '@fanfare/db';
import { FailureType, type IssueInvoiceInput } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createInvoiceActivities } from '../src/db/invoice-activities.js';
import { pricedOrders, TEST_SELLER, type PricedOrder } from './support/invoice-fixtures.js';
import { failureOf } from './support/failure-of.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'), { pool: { min: 0, max: 12 } });
});
afterAll(async () => {
  await orm?.close(true);
});

const activities = () => createInvoiceActivities({ em: orm.em, seller: TEST_SELLER });

function issueInput(
  tenantId: string,
  order: PricedOrder,
  overrides: Partial<IssueInvoiceInput> = {},
): IssueInvoiceInput {
  return {
    tenantId,
    orderId: order.orderId,
    quote: order.quote,
    buyer: { userId: randomUUID(), email: 'buyer@example.com', country: 'DE', name: 'Jana Buyer' },
    issuedAt: '2026-06-01T12:00:00.000Z',
    ...overrides,
  };
}

describe('invoice activities (real PostgreSQL)', () => {
  it('numbers 30 invoices issued in parallel 1..30 in the year with no gap and no duplicate', async () => {
    const { tenantId, orders } = await pricedOrders(orm, 30);
    const issued = await Promise.all(
      orders.map((order) => activities().issueInvoiceForOrder(issueInput(tenantId, order))),
    );
    const sequences = issued.map((i) => Number(i.number.split('-')[1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(issued.map((i) => i.number)).size).toBe(30);
    const counter = await forTenant(orm.em, tenantId).findOneOrFail(InvoiceCounter, { tenantId, year: 2026 });
    expect(counter.lastNumber).toBe(30);
  });

  it('is idempotent by order, reuses the number markOrderPaid gave, and stores lines, tax per rate and totals', async () => {
    const { tenantId, orders } = await pricedOrders(orm, 1);
    const [order] = orders as [PricedOrder];
    await forTenant(orm.em, tenantId).nativeUpdate(Order, { id: order.orderId }, { invoiceNumber: '2026-000007' });
    const first = await activities().issueInvoiceForOrder(issueInput(tenantId, order));
    const again = await activities().issueInvoiceForOrder(issueInput(tenantId, order));
    expect(again).toEqual(first);
    expect(first.number).toBe('2026-000007');
    const row = await forTenant(orm.em, tenantId).findOneOrFail(Invoice, { id: first.invoiceId });
    // German VAT (UStG § 12): 7% on e-books, 19% on the rest.
    expect(row.taxSummary.map((t) => t.rate).sort()).toEqual(['19', '7']);
    expect(row.totalMinor).toBe(2099);
    expect(row.netMinor + row.taxMinor).toBe(row.totalMinor);
    expect(row.lines.map((l) => l.description).sort()).toEqual([
      'Northern Lights (single)',
      'The Lighthouse Keeper (e-book)',
    ]);
    expect(row.seller.vatId).toBe('IE6388047V');
  });

  it('prints the reverse-charge note and the buyer VAT id for an EU business buyer', async () => {
    const { tenantId, orders } = await pricedOrders(orm, 1, 'DE', 'DE136695976');
    const [order] = orders as [PricedOrder];
    const issued = await activities().issueInvoiceForOrder(
      issueInput(tenantId, order, {
        buyer: { userId: null, email: 'ap@firma.example', country: 'DE', name: 'Firma GmbH', vatId: 'DE136695976' },
      }),
    );
    const row = await forTenant(orm.em, tenantId).findOneOrFail(Invoice, { id: issued.invoiceId });
    expect(row.reverseCharge).toBe(true);
    expect(row.taxMinor).toBe(0);
    expect(row.buyerVatId).toBe('DE136695976');
    expect(row.notes.map((n) => n.code)).toContain('reverse_charge');
  });

  it('issues credit notes on the same sequence, referencing the invoice, never crediting more than it', async () => {
    const { tenantId, orders } = await pricedOrders(orm, 1);
    const [order] = orders as [PricedOrder];
    const invoice = await activities().issueInvoiceForOrder(issueInput(tenantId, order));
    const credit = (creditKey: string, amount: number) =>
      activities().issueCreditNote({
        tenantId,
        orderId: order.orderId,
        creditKey,
        scope: { kind: 'amount', amount },
        reason: 'refund',
        issuedAt: '2026-06-03T09:00:00.000Z',
      });
    const note = await credit('re_1', 1000);
    expect(await credit('re_1', 1000)).toEqual(note);
    expect(note).toMatchObject({ kind: 'credit_note', number: '2026-000002', totalMinor: 1000 });
    const row = await forTenant(orm.em, tenantId).findOneOrFail(Invoice, { id: note.invoiceId });
    expect(row.creditForInvoiceId).toBe(invoice.invoiceId);
    expect(row.notes.map((n) => n.message).join(' ')).toContain(invoice.number);
    const over = await failureOf(credit('re_2', 1100));
    expect(over.type).toBe(FailureType.invalidInput);
    expect(over.details?.[0]).toMatchObject({ code: 'invalid_credit_note' });
    // The refused credit gave its number back: the next one is 3, not 4.
    expect((await credit('re_3', 1099)).number).toBe('2026-000003');
  });

  it('refuses an unknown order and a quote that is not what the order was paid at', async () => {
    const { tenantId, orders } = await pricedOrders(orm, 1);
    const [order] = orders as [PricedOrder];
    expect(
      (await failureOf(activities().issueInvoiceForOrder(issueInput(tenantId, { ...order, orderId: randomUUID() }))))
        .type,
    ).toBe(FailureType.orderNotFound);
    const wrong = { ...order, quote: { ...order.quote, total: order.quote.total + 1 } };
    expect((await failureOf(activities().issueInvoiceForOrder(issueInput(tenantId, wrong)))).type).toBe(
      FailureType.invalidInput,
    );
  });
});
