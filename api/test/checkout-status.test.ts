import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forPlatform, StripeEvent, type Tenant } from '@fanfare/db';
import type { RunningWorker } from '../../worker/src/index.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createProducts, createTenant, type StoredProduct } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';
import { runRealWorker } from './support/checkout-support.js';
import { closedPort } from './support/closed-port.js';

// Real thing: the api, a real Worker with the real activities, PostgreSQL, the Temporal dev
// server and stripe-mock. The development payment goes through the real webhook route.
let app: FastifyInstance;
let worker: RunningWorker | undefined;
let shop: Tenant;
let elsewhere: Tenant;
let products: StoredProduct[];
let host: string;

const stripeSettings = () => ({ STRIPE_API_BASE: inject('stripeApiBase'), STRIPE_SECRET_KEY: 'sk_test_fanfarestatus' });

beforeAll(async () => {
  app = await buildTestApp(stripeSettings());
  shop = await createTenant(app.orm, { prefix: 'status' });
  elsewhere = await createTenant(app.orm, { prefix: 'status-other' });
  products = await createProducts(app.orm, shop.id, [{ slug: 'song-a' }]);
  host = storefrontHost(shop.handle);
  worker = await runRealWorker(app);
});
afterAll(async () => {
  await worker?.shutdown();
  await app?.close();
});

interface Status {
  orderId: string;
  status: string;
  totals: { subtotal: number; discount: number; tax: number; total: number; currency: string };
  invoiceNumber: string | null;
  paidAt: string | null;
}

function postCheckout(idempotencyKey: string) {
  const payload = {
    items: [{ productId: products[0]!.id, quantity: 1 }],
    country: 'DE',
    email: 'guest@example.com',
    idempotencyKey,
    eulaAccepted: { version: '2026-01' },
  };
  return app.inject({ method: 'POST', url: '/v1/checkout', headers: { host }, payload });
}

async function startCheckout(): Promise<{ idempotencyKey: string; orderId: string; total: number }> {
  const idempotencyKey = `key-${randomUUID()}`;
  const response = await postCheckout(idempotencyKey);
  expect(response.statusCode, response.body).toBe(200);
  const started = response.json<{ orderId: string; totals: { total: number } }>();
  return { idempotencyKey, orderId: started.orderId, total: started.totals.total };
}

function status(idempotencyKey: string, at = host) {
  return app.inject({
    method: 'GET',
    url: `/v1/checkout/status?idempotencyKey=${encodeURIComponent(idempotencyKey)}`,
    headers: { host: at },
  });
}

function completePayment(idempotencyKey: string, target: FastifyInstance = app) {
  return target.inject({
    method: 'POST',
    url: '/v1/dev/checkout/complete-payment',
    headers: { host },
    payload: { idempotencyKey },
  });
}

async function statusUntil(idempotencyKey: string, done: (s: Status) => boolean): Promise<Status> {
  for (let i = 0; i < 150; i += 1) {
    const response = await status(idempotencyKey);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Status>();
    if (done(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`checkout ${idempotencyKey} never reached the expected state`);
}

describe('GET /v1/checkout/status', () => {
  it('answers where an unpaid checkout stands, with its totals', async () => {
    const checkout = await startCheckout();
    const response = await status(checkout.idempotencyKey);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      orderId: checkout.orderId,
      status: 'awaiting_payment',
      totals: { subtotal: 899, discount: 0, tax: expect.any(Number), total: checkout.total, currency: 'EUR' },
      invoiceNumber: null,
      paidAt: null,
    });
  });

  it("is 404 for an unknown key and for another storefront's key; 400 for a malformed key", async () => {
    const checkout = await startCheckout();
    expectError(await status(`key-${randomUUID()}`), 404, 'not_found');
    expectError(await status(checkout.idempotencyKey, storefrontHost(elsewhere.handle)), 404, 'not_found');
    expectError(await status('short'), 400, 'validation_failed');
    expectError(await status('has spaces in it'), 400, 'validation_failed');
    expectError(
      await app.inject({ method: 'GET', url: '/v1/checkout/status', headers: { host } }),
      400,
      'missing_field',
    );
  });

  it('is 503 service_unavailable when Temporal cannot be reached', async () => {
    const down = await buildTestApp({ ...stripeSettings(), TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}` });
    try {
      expectError(
        await down.inject({
          method: 'GET',
          url: `/v1/checkout/status?idempotencyKey=key-${randomUUID()}`,
          headers: { host },
        }),
        503,
        'service_unavailable',
      );
    } finally {
      await down.close();
    }
  });
});

describe('status and development payment right beside POST /v1/checkout', () => {
  const timed = async <T>(run: () => Promise<T>): Promise<{ answer: T; ms: number }> => {
    const started = Date.now();
    const answer = await run();
    return { answer, ms: Date.now() - started };
  };

  it('answer at once with the truth, never 503, whether asked milliseconds after or the moment after it answered', async () => {
    for (const delayMs of [0, 1, 3, 5, 10, 20, 40]) {
      const idempotencyKey = `key-${randomUUID()}`;
      const checkout = postCheckout(idempotencyKey);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const early = await timed(() => Promise.all([status(idempotencyKey), completePayment(idempotencyKey)]));
      expect(early.ms, `asked ${delayMs} ms after the checkout`).toBeLessThan(2_000);
      for (const answer of early.answer) expect([200, 404, 409], answer.body).toContain(answer.statusCode);
      const answered = await checkout;
      expect(answered.statusCode, answered.body).toBe(200);
      if (early.answer[1].statusCode === 200) continue;

      const after = await timed(() => status(idempotencyKey));
      expect(after.ms).toBeLessThan(1_000);
      expect(after.answer.statusCode, after.answer.body).toBe(200);
      expect(after.answer.json<Status>().status).toBe('awaiting_payment');
      const paid = await timed(() => completePayment(idempotencyKey));
      expect(paid.ms).toBeLessThan(1_000);
      expect(paid.answer.json(), paid.answer.body).toEqual({ delivered: true, outcome: 'signalled' });
    }
  });
});

describe('POST /v1/dev/checkout/complete-payment (development only)', () => {
  it('pays through the signed webhook route: the order becomes paid with an invoice number; paying again is 409', async () => {
    const checkout = await startCheckout();
    const paid = await completePayment(checkout.idempotencyKey);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toEqual({ delivered: true, outcome: 'signalled' });
    const final = await statusUntil(checkout.idempotencyKey, (s) => s.status === 'paid');
    expect(final.invoiceNumber).toMatch(/^\d{4}-\d{6}$/);
    expect(Date.parse(final.paidAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // The event went through the webhook route's own bookkeeping.
    const events = await forPlatform(app.orm.em.fork()).find(StripeEvent, {
      tenantId: shop.id,
      type: 'payment_intent.succeeded',
    });
    expect(events.map((event) => event.id)).toContain(`evt_dev_${checkout.orderId.replaceAll('-', '')}`);
    const again = expectError(await completePayment(checkout.idempotencyKey), 409, 'checkout_not_payable');
    expect(again.error.details).toEqual({ status: 'paid' });
  });

  it('acts once when asked twice at the same time', async () => {
    const checkout = await startCheckout();
    const answers = await Promise.all([
      completePayment(checkout.idempotencyKey),
      completePayment(checkout.idempotencyKey),
    ]);
    const outcomes = answers.map((answer) =>
      answer.statusCode === 200
        ? answer.json<{ outcome: string }>().outcome
        : answer.json<{ error: { code: string } }>().error.code,
    );
    expect(outcomes.sort()).toEqual(expect.arrayContaining(['signalled']));
    expect(outcomes.filter((outcome) => outcome === 'signalled')).toHaveLength(1);
    expect(outcomes.every((outcome) => ['signalled', 'duplicate', 'checkout_not_payable'].includes(outcome))).toBe(
      true,
    );
    await statusUntil(checkout.idempotencyKey, (s) => s.status === 'paid');
  });

  it("is 404 for an unknown or another storefront's checkout", async () => {
    expectError(await completePayment(`key-${randomUUID()}`), 404, 'not_found');
    const checkout = await startCheckout();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/dev/checkout/complete-payment',
      headers: { host: storefrontHost(elsewhere.handle) },
      payload: { idempotencyKey: checkout.idempotencyKey },
    });
    expectError(response, 404, 'not_found');
    expectError(
      await app.inject({ method: 'POST', url: '/v1/dev/checkout/complete-payment', headers: { host }, payload: {} }),
      400,
      'missing_field',
    );
  });

  it('does not exist when the development issuer is off', async () => {
    const production = await buildTestApp({
      ...stripeSettings(),
      AUTH_DEV_ISSUER: 'false',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    });
    try {
      const checkout = await startCheckout();
      expectError(await completePayment(checkout.idempotencyKey, production), 404, 'route_not_found');
      const docs = (await production.inject({ method: 'GET', url: '/docs/json' })).json<{
        paths: Record<string, unknown>;
      }>();
      expect(Object.keys(docs.paths)).not.toContain('/v1/dev/checkout/complete-payment');
      expect(Object.keys(docs.paths)).toContain('/v1/checkout/status');
    } finally {
      await production.close();
    }
  });
});
