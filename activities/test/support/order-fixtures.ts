import { randomUUID } from 'node:crypto';
import { forTenant, Order, OrderLine, Product, type MikroORM } from '@fanfare/db';

/** A product to put on a test order. */
export interface ProductSpec {
  kind?: Product['kind'];
  mediaType?: Product['mediaType'];
  downloadLimit?: number;
  tokenAmount?: number;
  subscriptionInterval?: 'month' | 'year';
  quantity?: number;
}

/** A paid order of a tenant of its own, with one line per spec, and its product ids. */
export async function paidOrder(
  orm: MikroORM,
  specs: ProductSpec[],
): Promise<{ tenantId: string; orderId: string; productIds: string[] }> {
  const tenantId = randomUUID();
  const em = forTenant(orm.em, tenantId);
  const order = em.create(Order, {
    buyerEmail: 'buyer@example.com',
    status: 'paid',
    currency: 'EUR',
    subtotalMinor: 1000,
    totalMinor: 1000,
    country: 'FR',
    idempotencyKey: randomUUID(),
    workflowId: `checkout:${randomUUID()}`,
  });
  const productIds = specs.map((spec, index) => {
    const product = em.create(Product, {
      creatorId: randomUUID(),
      kind: spec.kind ?? 'digital',
      mediaType: spec.mediaType ?? 'music',
      title: `Product ${index}`,
      slug: `product-${index}-${randomUUID().slice(0, 8)}`,
      status: 'active',
      downloadLimit: spec.downloadLimit ?? 5,
      tokenAmount: spec.tokenAmount ?? null,
      subscriptionInterval: spec.subscriptionInterval ?? null,
      eulaVersion: '2026-01',
    });
    em.create(OrderLine, {
      order,
      productId: product.id,
      quantity: spec.quantity ?? 1,
      unitAmountMinor: 500,
      totalMinor: 500 * (spec.quantity ?? 1),
    });
    return product.id;
  });
  await em.flush();
  return { tenantId, orderId: order.id, productIds };
}
