import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import {
  AuditEvent,
  createOrm,
  DiscountCode,
  DiscountRedemption,
  forPlatform,
  forTenant,
  LedgerEntry,
  Order,
  Payment,
  Price,
  Product,
  Tenant,
  type MikroORM,
} from '@fanfare/db';
import { FailureType, type CheckoutQuote } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import {
  createOrderActivities,
  createPaymentActivities,
  createStripeClient,
  StripePaymentGateway,
} from '../src/index.js';

let orm: MikroORM;
beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
});
afterAll(async () => {
  await orm?.close(true);
});

/** A tenant with one active product priced 10.00 USD (US) and 9.00 EUR tax-inclusive (EU). */
async function shop(): Promise<{ tenantId: string; productId: string; creatorId: string }> {
  const platform = forPlatform(orm.em);
  const tenant = platform.create(Tenant, {
    handle: `co-${randomUUID().slice(0, 8)}`,
    name: 'Checkout shop',
    defaultCurrency: 'USD',
    defaultLocale: 'en-US',
    platformFeeBps: 1500,
    theme: { primaryColor: '#000000', accentColor: '#ffffff' },
  });
  await platform.flush();
  const em = forTenant(orm.em, tenant.id);
  const creatorId = randomUUID();
  const product = em.create(Product, {
    creatorId,
    kind: 'digital',
    mediaType: 'music',
    title: 'Song',
    slug: 'song',
    status: 'active',
    eulaVersion: '2026-01',
  });
  em.create(Price, { productId: product.id, currency: 'USD', region: 'US', amountMinor: 1000 });
  em.create(Price, { productId: product.id, currency: 'EUR', region: 'EU', amountMinor: 900, taxInclusive: true });
  await em.flush();
  return { tenantId: tenant.id, productId: product.id, creatorId };
}

const orders = () => createOrderActivities({ em: orm.em, seller: { country: 'IE' } });

async function pricedOrder(tenantId: string, productId: string): Promise<{ orderId: string; quote: CheckoutQuote }> {
  const quote = await orders().priceCheckout({
    tenantId,
    items: [{ productId, quantity: 1 }],
    currency: 'EUR',
    country: 'DE',
    region: null,
    discountCode: null,
    customerKey: 'buyer@example.com',
  });
  const orderId = randomUUID();
  await orders().createOrder({
    tenantId,
    orderId,
    workflowId: `wf-${orderId}`,
    idempotencyKey: orderId,
    buyer: { userId: null, email: 'Buyer@Example.com' },
    country: 'DE',
    quote,
  });
  return { orderId, quote };
}

describe('order activities (real PostgreSQL, money engine quote)', () => {
  it('prices a cart from the stored price list with tax, and refuses unknown products with the domain code', async () => {
    const { tenantId, productId, creatorId } = await shop();
    const quote = await orders().priceCheckout({
      tenantId,
      items: [{ productId, quantity: 2 }],
      currency: null,
      country: 'DE',
      region: null,
      discountCode: null,
      customerKey: 'buyer@example.com',
    });
    expect(quote).toMatchObject({
      currency: 'EUR',
      total: 1800,
      taxInclusive: true,
      lines: [{ productId, creatorId, quantity: 2, total: 1800 }],
    });
    // The engine's quote itself: tax per name and rate.
    expect(quote.tax.reduce((sum, tax) => sum + tax.amount, 0)).toBeGreaterThan(0);
    const refusal = await orders()
      .priceCheckout({
        tenantId,
        items: [{ productId: randomUUID(), quantity: 1 }],
        currency: null,
        country: 'DE',
        region: null,
        discountCode: null,
        customerKey: 'buyer@example.com',
      })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApplicationFailure);
    expect(refusal).toMatchObject({ type: 'unknown_product', nonRetryable: true });
  });

  it('writes an order once, then gives concurrent payments consecutive invoice numbers with no gap or repeat', async () => {
    const { tenantId, productId } = await shop();
    const made = await Promise.all(Array.from({ length: 8 }, () => pricedOrder(tenantId, productId)));
    await orders().createOrder({
      tenantId,
      orderId: made[0]!.orderId,
      workflowId: 'again',
      idempotencyKey: made[0]!.orderId,
      buyer: { userId: null, email: 'b@e.com' },
      country: 'DE',
      quote: made[0]!.quote,
    });
    for (const { orderId } of made)
      await orders().recordPaymentIntent({
        tenantId,
        orderId,
        paymentIntentId: `pi_${orderId}`,
        amountMinor: 900,
        currency: 'EUR',
      });
    const paidAt = '2026-11-22T10:00:00.000Z';
    const numbers = await Promise.all(
      made.map(({ orderId }) =>
        orders().markOrderPaid({ tenantId, orderId, paymentIntentId: `pi_${orderId}`, feeMinor: 56, paidAt }),
      ),
    );
    const again = await orders().markOrderPaid({
      tenantId,
      orderId: made[0]!.orderId,
      paymentIntentId: `pi_${made[0]!.orderId}`,
      feeMinor: 56,
      paidAt,
    });
    expect(again.invoiceNumber).toBe(numbers[0]!.invoiceNumber);
    expect(numbers.map((n) => n.invoiceNumber).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`),
    );
    const em = forTenant(orm.em.fork(), tenantId);
    expect(await em.count(Order, { status: 'paid' })).toBe(8);
    expect(await em.findOneOrFail(Order, { id: made[0]!.orderId })).toMatchObject({
      buyerEmail: 'buyer@example.com',
      totalMinor: 900,
    });
    expect(await em.findOneOrFail(Payment, { orderId: made[0]!.orderId })).toMatchObject({
      status: 'succeeded',
      feeMinor: 56,
    });
  });

  it('writes the order with its audit entry, then the PaymentIntent with the move and its entry, each once', async () => {
    const { tenantId, productId } = await shop();
    const { quote } = await pricedOrder(tenantId, productId);
    const orderId = randomUUID();
    const entry = (action: string) => ({
      tenantId,
      actorType: 'workflow' as const,
      actorId: `wf-${orderId}`,
      action,
      subjectType: 'order',
      subjectId: orderId,
      data: { action },
      idempotencyKey: `wf-${orderId}/audit/${action}`,
    });
    const open = {
      tenantId,
      orderId,
      workflowId: `wf-${orderId}`,
      idempotencyKey: orderId,
      buyer: { userId: null, email: 'b@e.com' },
      country: 'DE',
      quote,
      audit: entry('order.created'),
    };
    const awaiting = {
      tenantId,
      orderId,
      paymentIntentId: `pi_${orderId}`,
      amountMinor: quote.total,
      currency: 'EUR',
      audit: entry('order.awaiting_payment'),
    };
    // Each twice: a retry after a lost acknowledgement writes nothing more.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await orders().openOrder(open);
      await orders().recordAwaitingPayment(awaiting);
    }
    const em = forTenant(orm.em.fork(), tenantId);
    expect((await em.findOneOrFail(Order, { id: orderId })).status).toBe('awaiting_payment');
    expect(await em.count(Payment, { orderId })).toBe(1);
    const actions = (await em.find(AuditEvent, { subjectId: orderId })).map((e) => e.action);
    expect(actions.sort()).toEqual(['order.awaiting_payment', 'order.created']);
    // Paid with its audit entry in the same transaction; the fee comes back with the invoice number.
    const paid = await orders().markOrderPaid({
      tenantId,
      orderId,
      paymentIntentId: `pi_${orderId}`,
      feeMinor: 1,
      paidAt: '2026-11-22T10:00:00.000Z',
      audit: entry('order.paid'),
    });
    expect(paid.platformFeeBps).toBeGreaterThanOrEqual(0);
    const paidAudit = await em.fork().findOneOrFail(AuditEvent, { subjectId: orderId, action: 'order.paid' });
    expect(paidAudit.data).toMatchObject({ invoiceNumber: paid.invoiceNumber });
    // A paid order cannot go back to awaiting payment under a new PaymentIntent.
    const refused = await orders()
      .recordAwaitingPayment({ ...awaiting, paymentIntentId: `pi_other_${orderId}`, audit: entry('again') })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ type: FailureType.orderTransitionRefused, nonRetryable: true });
  });

  it('prices with a discount code and names it for the reservation; a used-up code is refused with its code', async () => {
    const { tenantId, productId } = await shop();
    const em = forTenant(orm.em, tenantId);
    const code = em.create(DiscountCode, {
      code: 'LASTONE',
      kind: 'percent',
      percent: '10',
      maxRedemptions: 1,
      active: true,
    });
    await em.flush();
    const ask = {
      tenantId,
      items: [{ productId, quantity: 1 }],
      currency: 'EUR',
      country: 'DE',
      region: null,
      discountCode: 'lastone',
      customerKey: 'a@example.com',
    };
    expect(await orders().priceCheckout(ask)).toMatchObject({ discountId: code.id, discount: 90, total: 810 });
    em.create(DiscountRedemption, {
      discountCodeId: code.id,
      orderId: randomUUID(),
      customerKey: 'b@example.com',
      status: 'confirmed',
    });
    await em.flush();
    await expect(orders().priceCheckout(ask)).rejects.toMatchObject({ type: 'discount_exhausted', nonRetryable: true });
  });

  it('records a ledger transaction once per key and reads the tenant fee', async () => {
    const { tenantId, productId, creatorId } = await shop();
    const { orderId } = await pricedOrder(tenantId, productId);
    expect(await orders().tenantFeeBps({ tenantId })).toBe(1500);
    const legs = [
      { account: 'clearing' as const, kind: 'sale' as const, amountMinor: -756, creatorId: null },
      { account: 'creator_pending' as const, kind: 'sale' as const, amountMinor: 756, creatorId },
    ];
    const input = { tenantId, orderId, currency: 'EUR', transactionKey: `k-${orderId}`, legs };
    await orders().recordLedgerEntries(input);
    await orders().recordLedgerEntries(input);
    expect(await forTenant(orm.em.fork(), tenantId).count(LedgerEntry, { orderId })).toBe(2);
  });

  it('moves an order and its payment together, and refuses an unknown order as non-retryable', async () => {
    const { tenantId, productId } = await shop();
    const { orderId } = await pricedOrder(tenantId, productId);
    await orders().recordPaymentIntent({
      tenantId,
      orderId,
      paymentIntentId: `pi_${orderId}`,
      amountMinor: 900,
      currency: 'EUR',
    });
    // The lifecycle expires only an order that was awaiting payment (pending → expired is refused).
    await orders().setOrderStatus({ tenantId, orderId, status: 'awaiting_payment' });
    await orders().setOrderStatus({ tenantId, orderId, status: 'expired' });
    const em = forTenant(orm.em.fork(), tenantId);
    expect((await em.findOneOrFail(Order, { id: orderId })).status).toBe('expired');
    expect((await em.findOneOrFail(Payment, { orderId })).status).toBe('canceled');
    const missing = await orders()
      .setOrderStatus({ tenantId, orderId: randomUUID(), status: 'paid' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ type: FailureType.orderNotFound, nonRetryable: true });
  });

  it('refuses a move the order lifecycle does not allow, non-retryably, and leaves the order as it was', async () => {
    const { tenantId, productId } = await shop();
    const { orderId } = await pricedOrder(tenantId, productId);
    await orders().setOrderStatus({ tenantId, orderId, status: 'awaiting_payment' });
    await orders().setOrderStatus({ tenantId, orderId, status: 'awaiting_payment' });
    await orders().setOrderStatus({ tenantId, orderId, status: 'expired' });
    const refused = await orders()
      .setOrderStatus({ tenantId, orderId, status: 'paid' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      type: FailureType.orderTransitionRefused,
      nonRetryable: true,
      details: [{ from: 'expired', to: 'paid' }],
    });
    const em = forTenant(orm.em.fork(), tenantId);
    expect((await em.findOneOrFail(Order, { id: orderId })).status).toBe('expired');
  });
});

describe('payment activities (Stripe SDK against stripe-mock)', () => {
  const payments = () =>
    createPaymentActivities({
      payments: new StripePaymentGateway(
        createStripeClient({ secretKey: 'sk_test_fanfare', apiBase: inject('stripeApiBase') }),
      ),
    });

  it('creates a PaymentIntent with a client secret, refunds part of it and cancels one', async () => {
    const intent = await payments().createPaymentIntent({
      amountMinor: 2160,
      currency: 'USD',
      idempotencyKey: `k-${randomUUID()}`,
      receiptEmail: 'b@example.com',
      metadata: { tenantId: 't', orderId: 'o', workflowId: 'w' },
    });
    expect(intent.paymentIntentId).toMatch(/^pi_/);
    expect(intent.clientSecret).toContain('_secret_');
    const refund = await payments().createRefund({
      paymentIntentId: intent.paymentIntentId,
      amountMinor: 500,
      idempotencyKey: `r-${randomUUID()}`,
      metadata: { tenantId: 't', orderId: 'o' },
    });
    expect(refund.refundId).toMatch(/^re_/);
    await expect(
      payments().cancelPaymentIntent({ paymentIntentId: intent.paymentIntentId, idempotencyKey: `c-${randomUUID()}` }),
    ).resolves.toBeUndefined();
  });
});
