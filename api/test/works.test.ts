import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { forTenant, Work, type Tenant } from '@fanfare/db';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createTenant, uniqueHandle } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';
import { bearer, devToken } from './support/tokens.js';

let app: FastifyInstance;
let shop: Tenant;
let otherShop: Tenant;
let creator: { token: string; creatorId: string | null };

beforeAll(async () => {
  app = await buildTestApp();
  shop = await createTenant(app.orm, { prefix: 'works' });
  otherShop = await createTenant(app.orm, { prefix: 'works-other' });
  creator = await devToken(app, `${uniqueHandle('artist')}@example.com`, 'creator', storefrontHost(shop.handle));
});
afterAll(() => app.close());

function createWork(host: string, token: string, payload: object) {
  return app.inject({ method: 'POST', url: '/v1/creator/works', headers: { host, ...bearer(token) }, payload });
}

describe('POST /v1/creator/works', () => {
  it('creates a draft work for the caller’s creator profile in this storefront', async () => {
    const response = await createWork(storefrontHost(shop.handle), creator.token, {
      title: 'Ça Plane Pour Moi',
      kind: 'single',
      genre: 'punk',
      tags: ['1977', 'belgium'],
      releaseYear: 1977,
    });
    expect(response.statusCode).toBe(201);
    const work = response.json<{ id: string }>();
    expect(work).toEqual({
      id: expect.any(String),
      creatorId: creator.creatorId,
      slug: 'ca-plane-pour-moi',
      title: 'Ça Plane Pour Moi',
      kind: 'single',
      status: 'draft',
      description: '',
      genre: 'punk',
      tags: ['1977', 'belgium'],
      releaseYear: 1977,
    });
    const stored = await forTenant(app.orm.em, shop.id).findOneOrFail(Work, work.id);
    expect(stored.tenantId).toBe(shop.id);
  });

  it('409 conflict when the slug is taken in this storefront', async () => {
    const host = storefrontHost(shop.handle);
    expect((await createWork(host, creator.token, { title: 'Twice Told', kind: 'album' })).statusCode).toBe(201);
    const again = expectError(
      await createWork(host, creator.token, { title: 'twice  told!', kind: 'book' }),
      409,
      'conflict',
    );
    expect(again.error.details).toEqual({ field: 'slug', slug: 'twice-told' });
  });

  it('403 for a creator with no profile in this storefront', async () => {
    const response = await createWork(storefrontHost(otherShop.handle), creator.token, {
      title: 'Elsewhere',
      kind: 'album',
    });
    expectError(response, 403, 'forbidden');
  });

  it('401 without a token, and 404 tenant_not_found on an unknown host', async () => {
    const unauthenticated = await app.inject({
      method: 'POST',
      url: '/v1/creator/works',
      headers: { host: storefrontHost(shop.handle) },
      payload: { title: 'x', kind: 'album' },
    });
    expectError(unauthenticated, 401, 'unauthenticated');
    expectError(
      await createWork('nowhere.example.net', creator.token, { title: 'x', kind: 'album' }),
      404,
      'tenant_not_found',
    );
  });
});
