import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '@fanfare/db';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createProducts, createTenant, uniqueHandle, type StoredProduct } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';
import { bearer, devToken } from './support/tokens.js';

// Real api and PostgreSQL.
let app: FastifyInstance;
let shop: Tenant;
let other: Tenant;
let products: StoredProduct[];
let otherProducts: StoredProduct[];
let host: string;

beforeAll(async () => {
  app = await buildTestApp();
  shop = await createTenant(app.orm, { prefix: 'wish' });
  other = await createTenant(app.orm, { prefix: 'wish-other' });
  products = await createProducts(app.orm, shop.id, [
    { slug: 'song-a' },
    { slug: 'song-b' },
    { slug: 'song-c' },
    { slug: 'song-old', status: 'archived' },
  ]);
  otherProducts = await createProducts(app.orm, other.id, [{ slug: 'song-z' }]);
  host = storefrontHost(shop.handle);
});
afterAll(() => app?.close());

async function buyer(): Promise<string> {
  return (await devToken(app, `${uniqueHandle('wisher')}@example.com`, 'buyer', host)).token;
}

/** A change time `seconds` after a fixed recent minute, so tests control the order. */
const base = Date.now() - 60 * 60_000;
const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();

function put(token: string, productId: string, changedAt: unknown, at_ = host): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PUT',
    url: `/v1/me/wishlist/${productId}`,
    headers: { host: at_, ...bearer(token) },
    payload: { changedAt },
  });
}

function remove(token: string, productId: string, changedAt: string, at_ = host): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'DELETE',
    url: `/v1/me/wishlist/${productId}?changedAt=${encodeURIComponent(changedAt)}`,
    headers: { host: at_, ...bearer(token) },
  });
}

async function list(token: string, at_ = host): Promise<Array<{ productId: string; addedAt: string }>> {
  const response = await app.inject({
    method: 'GET',
    url: '/v1/me/wishlist',
    headers: { host: at_, ...bearer(token) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Array<{ productId: string; addedAt: string }> }>().items;
}

async function ok(response: Promise<LightMyRequestResponse>) {
  const answered = await response;
  expect(answered.statusCode, answered.body).toBe(200);
  return answered.json<{ productId: string; inWishlist: boolean; changedAt: string; applied: boolean }>();
}

describe('wishlist (last writer wins by changedAt)', () => {
  it('adds, lists newest first, removes', async () => {
    const token = await buyer();
    const [a, b] = [products[0]!.id, products[1]!.id];
    expect(await ok(put(token, a, at(1)))).toEqual({ productId: a, inWishlist: true, changedAt: at(1), applied: true });
    await ok(put(token, b, at(2)));
    expect(await list(token)).toEqual([
      { productId: b, addedAt: at(2) },
      { productId: a, addedAt: at(1) },
    ]);
    expect(await ok(remove(token, a, at(3)))).toEqual({
      productId: a,
      inWishlist: false,
      changedAt: at(3),
      applied: true,
    });
    expect(await list(token)).toEqual([{ productId: b, addedAt: at(2) }]);
  });

  it('acknowledges an older change replayed late without applying it', async () => {
    const token = await buyer();
    const a = products[0]!.id;
    await ok(put(token, a, at(10)));
    await ok(remove(token, a, at(20)));
    // An "add" queued offline before the removal arrives after it.
    expect(await ok(put(token, a, at(15)))).toMatchObject({ inWishlist: true, applied: false });
    expect(await list(token)).toEqual([]);
    expect(await ok(put(token, a, at(25)))).toMatchObject({ applied: true });
    expect(await list(token)).toEqual([{ productId: a, addedAt: at(25) }]);
  });

  it('applies a change replayed twice once', async () => {
    const token = await buyer();
    const a = products[2]!.id;
    expect(await ok(put(token, a, at(30)))).toMatchObject({ applied: true });
    expect(await ok(put(token, a, at(30)))).toMatchObject({ applied: false });
    expect(await ok(remove(token, a, at(31)))).toMatchObject({ applied: true });
    expect(await ok(remove(token, a, at(31)))).toMatchObject({ applied: false });
    expect(await list(token)).toEqual([]);
  });

  it('keeps the newest of concurrent changes', async () => {
    const token = await buyer();
    const a = products[1]!.id;
    const seconds = [41, 48, 43, 46, 40, 47, 44];
    await Promise.all(seconds.map((s) => ok(s % 2 === 0 ? put(token, a, at(s)) : remove(token, a, at(s)))));
    // 48, an add, is the newest.
    expect(await list(token)).toEqual([{ productId: a, addedAt: at(48) }]);
  });

  it('keeps each storefront to itself', async () => {
    const token = await buyer();
    const otherHost = storefrontHost(other.handle);
    await ok(put(token, products[0]!.id, at(50)));
    expect(await list(token, otherHost)).toEqual([]);
    expectError(await put(token, products[0]!.id, at(51), otherHost), 404, 'not_found');
    expectError(await put(token, otherProducts[0]!.id, at(52)), 404, 'not_found');
    await ok(put(token, otherProducts[0]!.id, at(53), otherHost));
    expect(await list(token, otherHost)).toEqual([{ productId: otherProducts[0]!.id, addedAt: at(53) }]);
    expect(await list(token)).toEqual([{ productId: products[0]!.id, addedAt: at(50) }]);
  });

  it('adds only products on sale, but lets any product of the storefront be removed', async () => {
    const token = await buyer();
    const archived = products[3]!.id;
    expectError(await put(token, archived, at(60)), 404, 'not_found');
    expect(await ok(remove(token, archived, at(61)))).toMatchObject({ applied: true });
    expectError(await put(token, randomUUID(), at(62)), 404, 'not_found');
  });

  it('gives bad input its code', async () => {
    const token = await buyer();
    const a = products[0]!.id;
    expectError(await put(token, a, undefined), 400, 'missing_field');
    expectError(await put(token, a, 'yesterday'), 400, 'validation_failed');
    expectError(await put(token, a, 12), 400, 'invalid_type');
    expectError(await put(token, 'not-a-uuid', at(1)), 400, 'validation_failed');
    const ahead = expectError(
      await put(token, a, new Date(Date.now() + 10 * 60_000).toISOString()),
      400,
      'validation_failed',
    );
    expect(ahead.error.details).toMatchObject({ field: 'changedAt' });
    expect(await ok(put(token, a, new Date(Date.now() + 60_000).toISOString()))).toMatchObject({ applied: true });
    expectError(
      await app.inject({ method: 'DELETE', url: `/v1/me/wishlist/${a}`, headers: { host, ...bearer(token) } }),
      400,
      'missing_field',
    );
    expectError(await app.inject({ method: 'GET', url: '/v1/me/wishlist', headers: { host } }), 401, 'unauthenticated');
    expectError(
      await app.inject({
        method: 'GET',
        url: '/v1/me/wishlist',
        headers: { host: 'nowhere.shops.test', ...bearer(token) },
      }),
      404,
      'tenant_not_found',
    );
  });

  it('refuses a signed-in caller with no Fanfare account (403), as downloads do', async () => {
    const { token } = await app.devIssuer!.sign({
      subject: randomUUID(),
      email: `${uniqueHandle('ghost')}@example.com`,
      roles: ['buyer'],
    });
    expectError(
      await app.inject({ method: 'GET', url: '/v1/me/wishlist', headers: { host, ...bearer(token) } }),
      403,
      'forbidden',
    );
    expectError(await put(token, products[0]!.id, at(70)), 403, 'forbidden');
  });
});
