import { randomUUID } from 'node:crypto';
import { quote, type Quote } from '@fanfare/domain';
import { forTenant, loadQuoteCatalog, Order, Price, Product, type MikroORM } from '@fanfare/db';
import type { InvoiceParty } from '@fanfare/domain';

/** The seller of record the invoice tests print (a check-digit-valid Irish VAT id). */
export const TEST_SELLER: InvoiceParty = {
  name: 'Fanfare Marketplace Ltd',
  addressLines: ['1 Harbour Square', 'Dublin D02 XY45'],
  country: 'IE',
  vatId: 'IE6388047V',
};

/** One unpaid order priced by the real `quote` over stored rows. */
export interface PricedOrder {
  orderId: string;
  quote: Quote;
}

/**
 * A tenant of its own with an e-book (EUR 12.00 incl. VAT) and a track (EUR 8.99 incl. VAT), and
 * `count` orders of both for a buyer in `country`, each stored with the quote's totals.
 */
export async function pricedOrders(
  orm: MikroORM,
  count: number,
  country = 'DE',
  vatId?: string,
): Promise<{ tenantId: string; orders: PricedOrder[] }> {
  const tenantId = randomUUID();
  const em = forTenant(orm.em, tenantId);
  const creatorId = randomUUID();
  const product = (mediaType: 'ebook' | 'music', title: string, amount: number) => {
    const row = em.create(Product, {
      creatorId,
      kind: 'digital',
      mediaType,
      title,
      slug: `${mediaType}-${randomUUID().slice(0, 8)}`,
      status: 'active',
      eulaVersion: '2026-01',
    });
    em.create(Price, { productId: row.id, currency: 'EUR', region: 'EU', amountMinor: amount, taxInclusive: true });
    return row.id;
  };
  const ids = [
    product('ebook', 'The Lighthouse Keeper (e-book)', 1200),
    product('music', 'Northern Lights (single)', 899),
  ];
  await em.flush();
  const catalog = await loadQuoteCatalog(orm.em, tenantId, ids);
  const priced = quote(
    { items: ids.map((productId) => ({ productId, quantity: 1 })), country, ...(vatId === undefined ? {} : { vatId }) },
    catalog,
    { now: new Date('2026-06-01T12:00:00Z'), seller: { country: 'IE' } },
  );
  const orders = Array.from({ length: count }, () => {
    const order = em.create(Order, {
      buyerEmail: 'buyer@example.com',
      status: 'paid',
      currency: priced.currency,
      subtotalMinor: priced.subtotal,
      discountMinor: priced.discount,
      taxMinor: priced.tax.reduce((s, t) => s + t.amount, 0),
      totalMinor: priced.total,
      country,
      idempotencyKey: randomUUID(),
      workflowId: `checkout:${randomUUID()}`,
    });
    return { orderId: order.id, quote: priced };
  });
  await em.flush();
  return { tenantId, orders };
}
