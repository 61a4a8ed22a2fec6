import { createOrm, DiscountCode, DiscountRedemption, forTenant, type MikroORM } from '@fanfare/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createProducts, createTenant, type StoredProduct } from './support/catalog-fixtures.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { bearer, devToken } from './support/tokens.js';

let orm: MikroORM;
let app: FastifyInstance;
let host: string;
let track: StoredProduct;
let book: StoredProduct;
let repeatBuyer: { token: string; userId: string };

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
  app = await buildTestApp();
  const tenant = await createTenant(orm, { prefix: 'pricing' });
  host = storefrontHost(tenant.handle);
  [track, book] = (await createProducts(orm, tenant.id, [{ slug: 'track' }, { slug: 'book', mediaType: 'ebook' }])) as [
    StoredProduct,
    StoredProduct,
  ];
  const em = forTenant(orm.em, tenant.id);
  em.create(DiscountCode, { code: 'TEN', kind: 'percent', percent: '10' });
  em.create(DiscountCode, {
    code: 'OLD',
    kind: 'percent',
    percent: '10',
    validUntil: new Date('2025-01-01T00:00:00Z'),
  });
  em.create(DiscountCode, { code: 'BIG', kind: 'fixed', amountOff: { EUR: 500 }, minimumSubtotal: { EUR: 5000 } });
  // A member who used ONCE already: checkout counts a member by user id.
  repeatBuyer = await devToken(app, 'repeat@example.com', 'buyer');
  const once = em.create(DiscountCode, { code: 'ONCE', kind: 'percent', percent: '20', perCustomerLimit: 1 });
  em.create(DiscountRedemption, {
    discountCodeId: once.id,
    orderId: tenant.id,
    customerKey: repeatBuyer.userId,
    status: 'confirmed',
  });
  const used = em.create(DiscountCode, { code: 'GONE', kind: 'percent', percent: '50', maxRedemptions: 1 });
  em.create(DiscountRedemption, {
    discountCodeId: used.id,
    orderId: tenant.id,
    customerKey: 'someone@example.com',
    status: 'confirmed',
  });
  await em.flush();
});

afterAll(async () => {
  await app?.close();
  await orm?.close(true);
});

const quote = (payload: Record<string, unknown>, to = host) =>
  app.inject({ method: 'POST', url: '/v1/public/quote', headers: { host: to }, payload });

describe('POST /v1/public/quote', () => {
  it('prices an EU consumer tax-inclusive: 20% FR VAT on music, 5.5% on the e-book (CGI art. 278-0 bis)', async () => {
    const response = await quote({
      items: [
        { productId: track.id, quantity: 2 },
        { productId: book.id, quantity: 1 },
      ],
      country: 'FR',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      currency: 'EUR',
      subtotal: 2697,
      discount: 0,
      total: 2697,
      taxInclusive: true,
      reverseCharge: false,
    });
    expect(body.lines[0].tax).toEqual([{ name: expect.any(String), rate: '20', amount: 300 }]);
    expect(body.lines[1].tax[0].rate).toBe('5.5');
    expect(body.lines.reduce((s: number, l: { total: number }) => s + l.total, 0)).toBe(body.total);
  });

  it('prices a US buyer tax-exclusive in USD with the state rule, and applies a code before tax', async () => {
    const response = await quote({
      items: [{ productId: track.id, quantity: 1 }],
      country: 'US',
      region: 'NY',
      postalCode: '10001',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ currency: 'USD', subtotal: 999, taxInclusive: false });
    const discounted = (
      await quote({ items: [{ productId: book.id, quantity: 1 }], country: 'DE', discountCode: 'ten' })
    ).json();
    expect(discounted).toMatchObject({ currency: 'EUR', subtotal: 899, discount: 90, total: 809 });
  });

  it.each([
    ['NO', {}, 'VAT', true],
    ['CH', {}, 'VAT', true],
    ['AU', {}, 'GST', true],
    ['JP', {}, 'JCT', true],
    ['CA', { region: 'ON' }, 'HST', false],
  ])(
    'sells to a buyer in %s from the store default list with their own tax',
    async (country, extra, tax, inclusive) => {
      const response = await quote({ items: [{ productId: track.id, quantity: 1 }], country, ...extra });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.taxInclusive).toBe(inclusive);
      expect(body.tax[0].name).toBe(tax);
      const chosen = await quote({ items: [{ productId: track.id, quantity: 1 }], country, currency: 'EUR', ...extra });
      expect(chosen.json().currency).toBe('EUR');
    },
  );

  it('applies reverse charge for an EU business with a valid VAT id of its country', async () => {
    const body = (
      await quote({ items: [{ productId: track.id, quantity: 1 }], country: 'DE', vatId: 'DE136695976' })
    ).json();
    expect(body).toMatchObject({ reverseCharge: true, tax: [] });
    expect(body.notes.map((n: { code: string }) => n.code)).toContain('reverse_charge');
  });

  const refusals: Array<[string, number, string, Record<string, unknown>]> = [
    ['unknown country', 400, 'unknown_country', { country: 'ZZ' }],
    ['unknown currency', 400, 'unknown_currency', { country: 'FR', currency: 'XYZ' }],
    ['malformed VAT id', 400, 'malformed_vat_id', { country: 'DE', vatId: 'DE12345' }],
    ['US without a state', 400, 'region_required', { country: 'US' }],
    ['zero quantity', 400, 'invalid_quantity', { country: 'FR', items: [{ quantity: 0 }] }],
    ['empty cart', 400, 'empty_cart', { country: 'FR', items: [] }],
    ['expired code', 422, 'discount_expired', { country: 'FR', discountCode: 'OLD' }],
    ['unknown code', 422, 'unknown_discount', { country: 'FR', discountCode: 'NOPE' }],
    ['used-up code', 422, 'discount_exhausted', { country: 'FR', discountCode: 'GONE' }],
    ['minimum not met', 422, 'minimum_not_met', { country: 'FR', discountCode: 'BIG' }],
    ['VAT id of another country', 422, 'vat_id_country_mismatch', { country: 'FR', vatId: 'DE136695976' }],
    ['no price in that currency', 422, 'no_price_in_currency', { country: 'FR', currency: 'JPY' }],
    [
      'unknown product',
      422,
      'unknown_product',
      { country: 'FR', items: [{ productId: 'not-a-product', quantity: 1 }] },
    ],
  ];
  it.each(refusals)('answers a %s with %i %s', async (_what, status, code, overrides) => {
    const items = (overrides.items as Array<Record<string, unknown>> | undefined)?.map((i) => ({
      productId: track.id,
      quantity: 1,
      ...i,
    })) ?? [{ productId: track.id, quantity: 1 }];
    const response = await quote({ ...overrides, items });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, requestId: expect.any(String) });
  });

  it('refuses unknown fields and an unknown storefront', async () => {
    expect((await quote({ items: [], country: 'FR', coupon: 'X' })).json().error.code).toBe('unknown_field');
    expect((await quote({ items: [], country: 'FR' }, 'nobody.shops.test')).json().error.code).toBe('tenant_not_found');
  });
});

describe('GET /v1/public/checkout-requirements', () => {
  const ask = (query: string) =>
    app.inject({ method: 'GET', url: `/v1/public/checkout-requirements?${query}`, headers: { host } });

  it('answers the point of sale: NL in EUR offers iDEAL and asks for the withdrawal waiver', async () => {
    const response = await ask('country=NL&currency=EUR');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ country: 'NL', currency: 'EUR', taxDisplay: 'inclusive' });
    expect(response.json().paymentMethodTypes).toContain('ideal');
    expect(response.json().requiredFields).toContain('withdrawalWaiver');
    expect((await ask('country=us')).json()).toMatchObject({ currency: 'USD', taxDisplay: 'exclusive' });
  });

  it('answers unknown_country and unknown_currency', async () => {
    expect((await ask('country=ZZ')).json().error.code).toBe('unknown_country');
    const bad = await ask('country=FR&currency=XYZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_currency');
  });
});

describe('GET /v1/public/fx-rates', () => {
  it('answers the newest stored ECB snapshot (the migration seeds 2026-03-13) with its age', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/public/fx-rates' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ base: 'EUR', stale: expect.any(Boolean), ageHours: expect.any(Number) });
    expect(body.asOf >= '2026-03-13').toBe(true);
    expect(body.rates.USD).toMatch(/^\d+\.\d+$/);
  });
});

describe('POST /v1/public/quote prices as checkout does', () => {
  // The quote and checkout share db's priceStoredCart: a signed-in buyer's own uses of a
  // per-customer code count here too (guests are counted at checkout, where their email is known).
  it('refuses a per-customer code the signed-in buyer has already used, and offers it to others', async () => {
    const cart = { items: [{ productId: book.id, quantity: 1 }], country: 'DE', discountCode: 'once' };
    const mine = await app.inject({
      method: 'POST',
      url: '/v1/public/quote',
      headers: { host, ...bearer(repeatBuyer.token) },
      payload: cart,
    });
    expect(mine.statusCode).toBe(422);
    expect(mine.json()).toMatchObject({ error: { code: 'discount_customer_limit' } });
    const anonymous = await quote(cart);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ discount: 180 });
  });
});
