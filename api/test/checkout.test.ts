import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AuditEvent,
  CapacityReservation,
  forTenant,
  Invoice,
  LedgerEntry,
  Order,
  Payment,
  Price,
  Product,
  type Tenant,
} from '@fanfare/db';
import { entitlementWorkflowId } from '@fanfare/contracts';
import type { RunningWorker } from '../../worker/src/index.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createProducts, createTenant, uniqueHandle, type StoredProduct } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';
import { bearer, devToken } from './support/tokens.js';
import { postWebhook, runRealWorker, stripeEvent, webhookSecret } from './support/checkout-support.js';

// Real thing: the api, a real Worker with the real activities, PostgreSQL, the Temporal dev
// server and stripe-mock. (Stripe's hosted payment page is not exercised: webhooks stand in.)
let app: FastifyInstance;
let worker: RunningWorker | undefined;
let shop: Tenant;
let products: StoredProduct[];
let host: string;
let secret: string;
let finance: string;

beforeAll(async () => {
  app = await buildTestApp({
    STRIPE_API_BASE: inject('stripeApiBase'),
    STRIPE_SECRET_KEY: 'sk_test_fanfarecheckout',
    CHECKOUT_AFTERCARE_DAYS: '1',
  });
  shop = await createTenant(app.orm, { prefix: 'checkout' });
  products = await createProducts(app.orm, shop.id, [{ slug: 'song-a' }, { slug: 'song-b' }]);
  host = storefrontHost(shop.handle);
  secret = webhookSecret(app.config);
  finance = (await devToken(app, `${uniqueHandle('finance')}@example.com`, 'finance', host)).token;
  worker = await runRealWorker(app);
});
afterAll(async () => {
  await worker?.shutdown();
  await app?.close();
});

interface Started {
  orderId: string;
  workflowId: string;
  status: string;
  totals: { subtotal: number; discount: number; tax: number; total: number; currency: string };
  payment: { provider: string; paymentIntentId: string; clientSecret: string };
}

function checkoutBody(overrides: Record<string, unknown> = {}) {
  return {
    items: [
      { productId: products[0]!.id, quantity: 1 },
      { productId: products[1]!.id, quantity: 1 },
    ],
    country: 'DE',
    email: 'Guest@Example.com',
    idempotencyKey: `key-${randomUUID()}`,
    eulaAccepted: { version: '2026-01' },
    ...overrides,
  };
}

function checkout(payload: object, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/v1/checkout', headers: { host, ...headers }, payload });
}

async function started(payload: object, headers: Record<string, string> = {}): Promise<Started> {
  const response = await checkout(payload, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Started>();
}

function intentEvent(type: string, order: Started, extra: Record<string, unknown> = {}, id?: string): string {
  return stripeEvent(
    type,
    {
      id: order.payment.paymentIntentId,
      object: 'payment_intent',
      metadata: { tenantId: shop.id, orderId: order.orderId, workflowId: order.workflowId },
      ...extra,
    },
    id,
  );
}

async function orderAs(token: string, orderId: string) {
  return app.inject({ method: 'GET', url: `/v1/orders/${orderId}`, headers: { host, ...bearer(token) } });
}

/** Polls the order (as finance) until `done`. */
async function orderUntil(orderId: string, done: (order: { status: string; invoiceNumber: string | null }) => boolean) {
  for (let i = 0; i < 150; i += 1) {
    const order = (await orderAs(finance, orderId)).json<{ status: string; invoiceNumber: string | null }>();
    if (done(order)) return order;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`order ${orderId} never reached the expected state`);
}

/** Retries `check` until it stops throwing (about ten seconds), then throws its last failure. */
async function eventually(check: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i += 1) {
    try {
      return await check();
    } catch (error) {
      if (i >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function pay(order: Started) {
  const response = await postWebhook(app, intentEvent('payment_intent.succeeded', order), secret);
  expect(response.json()).toEqual({ received: true, outcome: 'signalled' });
  return orderUntil(order.orderId, (o) => o.status === 'paid');
}

describe('checkout through the api (real worker, PostgreSQL, Temporal, stripe-mock)', () => {
  it('answers synchronously with totals and the PaymentIntent; the same key gives the same order', async () => {
    const body = checkoutBody();
    const first = await started(body);
    expect(first).toMatchObject({
      status: 'awaiting_payment',
      totals: { subtotal: 1798, discount: 0, total: 1798, currency: 'EUR' },
      payment: { provider: 'stripe' },
    });
    expect(first.totals.tax).toBeGreaterThan(0);
    expect(first.payment.paymentIntentId).toMatch(/^pi_/);
    expect(first.payment.clientSecret).toContain('_secret_');
    const again = await Promise.all([started(body), started({ ...body, email: 'someone-else@example.com' })]);
    expect(again).toEqual([first, first]);
    const payments = await forTenant(app.orm.em.fork(), shop.id).find(Payment, { orderId: first.orderId });
    expect(payments).toHaveLength(1);
  });

  it('pays on a signed webhook: invoice number, balanced ledger, audit trail, entitlement workflow; duplicates ignored', async () => {
    const order = await started(checkoutBody());
    const event = intentEvent('payment_intent.succeeded', order);
    expect((await postWebhook(app, event, secret)).json()).toEqual({ received: true, outcome: 'signalled' });
    expect((await postWebhook(app, event, secret)).json()).toEqual({ received: true, outcome: 'duplicate' });
    const paid = await orderUntil(order.orderId, (o) => o.status === 'paid');
    expect(paid.invoiceNumber).toMatch(/^\d{4}-\d{6}$/);
    // A failure notice arriving after the payment changes nothing.
    expect((await postWebhook(app, intentEvent('payment_intent.payment_failed', order), secret)).json()).toMatchObject({
      outcome: 'signalled',
    });
    // The workflow goes on after the order row says paid: ledger, audit, then the entitlement child.
    await eventually(async () => {
      const em = forTenant(app.orm.em.fork(), shop.id);
      const entries = await em.find(LedgerEntry, { orderId: order.orderId });
      expect(entries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(0);
      expect(entries.map((e) => e.account).sort()).toEqual([
        'clearing',
        'creator_pending',
        'platform_revenue',
        'processor_fees',
      ]);
      const audit = await em.find(
        AuditEvent,
        { subjectId: order.orderId, action: { $like: 'order.%' } },
        { orderBy: { occurredAt: 'asc' } },
      );
      expect(audit.map((a) => a.action)).toEqual(['order.created', 'order.awaiting_payment', 'order.paid']);
      const entitlement = await app.temporal.client.workflow
        .getHandle(entitlementWorkflowId(shop.id, order.orderId))
        .describe();
      expect(entitlement.type).toBe('entitlementWorkflow');
    });
    expect((await orderAs(finance, order.orderId)).json()).toMatchObject({
      status: 'paid',
      total: 1798,
      payment: { paymentIntentId: order.payment.paymentIntentId, status: 'succeeded' },
    });
  });

  it('refuses unsigned, forged and malformed webhooks with their codes', async () => {
    const order = await started(checkoutBody());
    const event = intentEvent('payment_intent.succeeded', order);
    expectError(await postWebhook(app, event, 'whsec_not_ours'), 400, 'webhook_signature_invalid');
    expectError(
      await app.inject({
        method: 'POST',
        url: '/v1/webhooks/stripe',
        headers: { 'content-type': 'application/json' },
        payload: event,
      }),
      400,
      'webhook_signature_invalid',
    );
    expectError(await postWebhook(app, '{not json', secret), 400, 'webhook_payload_invalid');
    expect(
      (await postWebhook(app, stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }), secret)).json(),
    ).toEqual({ received: true, outcome: 'ignored' });
    expect((await orderAs(finance, order.orderId)).json()).toMatchObject({ status: 'awaiting_payment' });
  });

  it('refunds part, then the rest (finance only), and refuses more than was paid', async () => {
    const order = await started(checkoutBody());
    await pay(order);
    const refund = (payload: object, token = finance) =>
      app.inject({
        method: 'POST',
        url: `/v1/orders/${order.orderId}/refunds`,
        headers: { host, ...bearer(token) },
        payload,
      });
    const buyer = (await devToken(app, `${uniqueHandle('buyer')}@example.com`, 'buyer', host)).token;
    expectError(
      await refund({ amount: 100, reason: 'other', idempotencyKey: 'refund-buyer-1' }, buyer),
      403,
      'forbidden',
    );
    const partial = await refund({
      amount: 500,
      reason: 'requested_by_customer',
      idempotencyKey: `refund-${randomUUID()}`,
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ amount: 500, orderStatus: 'partially_refunded', refunded: 500 });
    expectError(
      await refund({ amount: 5000, reason: 'other', idempotencyKey: `refund-${randomUUID()}` }),
      409,
      'refund_refused',
    );
    const rest = await refund({ reason: 'requested_by_customer', idempotencyKey: `refund-${randomUUID()}` });
    expect(rest.json()).toMatchObject({ amount: 1298, orderStatus: 'refunded', refunded: 1798 });
    const legs = await forTenant(app.orm.em.fork(), shop.id).find(LedgerEntry, { orderId: order.orderId });
    expect(legs.filter((l) => l.account === 'creator_pending').reduce((sum, l) => sum + l.amountMinor, 0)).toBe(0);
    // The invoice document carries the order's number; each refund issued a credit note.
    const documents = await forTenant(app.orm.em.fork(), shop.id).find(Invoice, { orderId: order.orderId });
    expect(documents.map((d) => d.kind).sort()).toEqual(['credit_note', 'credit_note', 'invoice']);
    expectError(
      await refund({ amount: 0, reason: 'other', idempotencyKey: 'refund-zero-1' }),
      400,
      'validation_failed',
    );
  });

  it('marks the order disputed on charge.dispute.created', async () => {
    const order = await started(checkoutBody());
    await pay(order);
    const dispute = stripeEvent('charge.dispute.created', {
      id: `dp_${randomUUID().slice(0, 8)}`,
      object: 'dispute',
      payment_intent: order.payment.paymentIntentId,
      charge: 'ch_1',
      status: 'needs_response',
      metadata: {},
    });
    expect((await postWebhook(app, dispute, secret)).json()).toEqual({ received: true, outcome: 'signalled' });
    await orderUntil(order.orderId, (o) => o.status === 'disputed');
  });

  it('fails the order after repeated payment failures and cancels the PaymentIntent', async () => {
    const order = await started(checkoutBody());
    for (let i = 0; i < 3; i += 1) {
      const failed = intentEvent('payment_intent.payment_failed', order, {
        last_payment_error: { code: 'card_declined', message: 'declined' },
      });
      expect((await postWebhook(app, failed, secret)).json()).toMatchObject({ outcome: 'signalled' });
    }
    await orderUntil(order.orderId, (o) => o.status === 'failed');
    const payment = await forTenant(app.orm.em.fork(), shop.id).findOneOrFail(Payment, { orderId: order.orderId });
    expect(payment.status).toBe('failed');
  });

  it('completes the order once when the worker dies mid-checkout and a new one starts', async () => {
    const order = await started(checkoutBody());
    await worker?.shutdown();
    worker = undefined;
    expect((await postWebhook(app, intentEvent('payment_intent.succeeded', order), secret)).json()).toMatchObject({
      outcome: 'signalled',
    });
    worker = await runRealWorker(app);
    const paid = await orderUntil(order.orderId, (o) => o.status === 'paid');
    expect(paid.invoiceNumber).not.toBeNull();
    await eventually(async () => {
      const entries = await forTenant(app.orm.em.fork(), shop.id).find(LedgerEntry, { orderId: order.orderId });
      expect(entries.length).toBeGreaterThan(0);
      expect(new Set(entries.map((e) => e.transactionId)).size).toBe(1);
    });
  });

  it('expires an unpaid order after the payment window and cancels its PaymentIntent', async () => {
    const shortWindow = await buildTestApp({
      STRIPE_API_BASE: inject('stripeApiBase'),
      STRIPE_SECRET_KEY: 'sk_test_fanfarecheckout',
      CHECKOUT_PAYMENT_WINDOW_SECONDS: '5',
    });
    try {
      const response = await shortWindow.inject({
        method: 'POST',
        url: '/v1/checkout',
        headers: { host },
        payload: checkoutBody(),
      });
      expect(response.statusCode, response.body).toBe(200);
      const order = response.json<Started>();
      const expired = await orderUntil(order.orderId, (o) => o.status === 'expired');
      expect(expired.invoiceNumber).toBeNull();
      const payment = await forTenant(app.orm.em.fork(), shop.id).findOneOrFail(Payment, { orderId: order.orderId });
      expect(payment.status).toBe('canceled');
      // A payment notice after expiry is acknowledged and changes nothing.
      expect((await postWebhook(app, intentEvent('payment_intent.succeeded', order), secret)).statusCode).toBe(200);
      expect((await orderAs(finance, order.orderId)).json()).toMatchObject({ status: 'expired' });
    } finally {
      await shortWindow.close();
    }
  });

  it('lets buyers read only their own orders', async () => {
    const alice = await devToken(app, `${uniqueHandle('alice')}@example.com`, 'buyer', host);
    const bob = await devToken(app, `${uniqueHandle('bob')}@example.com`, 'buyer', host);
    const order = await started(checkoutBody({ email: undefined }), bearer(alice.token));
    expect((await orderAs(alice.token, order.orderId)).json()).toMatchObject({
      id: order.orderId,
      status: 'awaiting_payment',
    });
    expectError(await orderAs(bob.token, order.orderId), 404, 'not_found');
    expectError(await orderAs(alice.token, randomUUID()), 404, 'not_found');
    expectError(await orderAs(alice.token, 'not-a-uuid'), 400, 'validation_failed');
    expectError(
      await app.inject({ method: 'GET', url: `/v1/orders/${order.orderId}`, headers: { host } }),
      401,
      'unauthenticated',
    );
  });

  it('refuses a token pack whose capacity is sold with capacity_exhausted, holding what the first order reserved', async () => {
    const em = forTenant(app.orm.em.fork(), shop.id);
    const pack = em.create(Product, {
      creatorId: randomUUID(),
      kind: 'token_pack',
      mediaType: 'tokens',
      title: 'API calls',
      slug: uniqueHandle('api-calls'),
      status: 'active',
      eulaVersion: '2026-01',
      tokenAmount: 1000,
      capacityUnits: 2500,
    });
    em.create(Price, { productId: pack.id, currency: 'EUR', region: 'EU', amountMinor: 500, taxInclusive: true });
    await em.flush();
    const first = await started(checkoutBody({ items: [{ productId: pack.id, quantity: 2 }] }));
    const held = await forTenant(app.orm.em.fork(), shop.id).find(CapacityReservation, { productId: pack.id });
    expect(held.map((row) => ({ orderId: row.orderId, units: row.units, status: row.status }))).toEqual([
      { orderId: first.orderId, units: 2000, status: 'reserved' },
    ]);
    const refused = expectError(
      await checkout(checkoutBody({ items: [{ productId: pack.id, quantity: 1 }] })),
      422,
      'capacity_exhausted',
    );
    expect(refused.error.message).toContain('500 units');
  });

  it('gives every bad checkout input its own code', async () => {
    const { eulaAccepted: _eula, ...withoutEula } = checkoutBody();
    expectError(await checkout(withoutEula), 400, 'missing_field');
    expectError(await checkout(checkoutBody({ coupon: 'x' })), 400, 'unknown_field');
    expectError(await checkout(checkoutBody({ country: 'Germany' })), 400, 'validation_failed');
    expectError(await checkout(checkoutBody({ items: [] })), 400, 'validation_failed');
    expectError(
      await checkout(checkoutBody({ items: [{ productId: products[0]!.id, quantity: 0 }] })),
      400,
      'validation_failed',
    );
    expectError(await checkout(checkoutBody({ email: undefined })), 400, 'email_required');
    expectError(
      await checkout(checkoutBody({ items: [{ productId: randomUUID(), quantity: 1 }] })),
      422,
      'unknown_product',
    );
    expectError(await checkout(checkoutBody({ currency: 'JPY' })), 422, 'no_price_in_currency');
    expectError(await checkout(checkoutBody({ discountCode: 'NO-SUCH-CODE' })), 422, 'unknown_discount');
    expectError(
      await app.inject({
        method: 'POST',
        url: '/v1/checkout',
        headers: { host: 'nowhere.shops.test' },
        payload: checkoutBody(),
      }),
      404,
      'tenant_not_found',
    );
    expectError(await checkout(checkoutBody(), { authorization: 'Bearer not.a.token' }), 401, 'invalid_token');
  });
});

describe('tax-location evidence on the order', () => {
  async function evidenceOf(orderId: string) {
    return (await forTenant(app.orm.em.fork(), shop.id).findOneOrFail(Order, { id: orderId })).taxEvidence;
  }

  it('records the billing country and the rule that chose it; a viewer-country header is ignored without a trusted proxy', async () => {
    const order = await started(checkoutBody(), { 'cloudfront-viewer-country': 'FR' });
    expect(await evidenceOf(order.orderId)).toEqual({
      country: 'DE',
      rule: 'billing_only',
      corroborated: false,
      evidence: { billingCountry: 'DE' },
    });
  });

  it('behind a trusted CDN, the viewer country corroborates the billing country', async () => {
    const proxied = await buildTestApp({
      API_TRUST_PROXY: 'true',
      STRIPE_API_BASE: inject('stripeApiBase'),
      STRIPE_SECRET_KEY: 'sk_test_fanfarecheckout',
    });
    try {
      const response = await proxied.inject({
        method: 'POST',
        url: '/v1/checkout',
        headers: { host, 'cloudfront-viewer-country': 'de' },
        payload: checkoutBody(),
      });
      expect(response.statusCode, response.body).toBe(200);
      const { orderId } = response.json<Started>();
      expect(await evidenceOf(orderId)).toEqual({
        country: 'DE',
        rule: 'billing_confirmed_by_ip',
        corroborated: true,
        evidence: { billingCountry: 'DE', ipCountry: 'DE' },
      });
    } finally {
      await proxied.close();
    }
  });
});
