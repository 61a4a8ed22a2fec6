import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DevIssuer } from '../src/auth/dev-issuer.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createTenant, uniqueHandle } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';
import { bearer, devToken, foreignToken } from './support/tokens.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** The app's own key, with claims of our choosing. */
function realKeyIssuer(overrides: { issuer?: string; audience?: string; ttlSeconds?: number }): Promise<DevIssuer> {
  return DevIssuer.open({
    dataDir: app.config.dataDir,
    issuer: overrides.issuer ?? app.config.auth.issuer,
    audience: overrides.audience ?? app.config.auth.audience,
    ttlSeconds: overrides.ttlSeconds ?? 600,
  });
}

function me(headers: Record<string, string>) {
  return app.inject({ method: 'GET', url: '/v1/me', headers });
}

describe('GET /v1/me', () => {
  it('returns the signed-in user and the token roles', async () => {
    const email = `${uniqueHandle('me')}@Example.com`;
    const { token, userId } = await devToken(app, email, 'buyer');
    const response = await me(bearer(token));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      subject: userId,
      roles: ['buyer'],
      user: { id: userId, email: email.toLowerCase(), displayName: expect.any(String), roles: ['buyer'] },
    });
  });

  it('missing token → 401 unauthenticated', async () => {
    expectError(await me({}), 401, 'unauthenticated');
  });

  it('a token signed by another key → 401 invalid_token', async () => {
    expectError(await me(bearer(await foreignToken(app.config))), 401, 'invalid_token');
  });

  it('wrong audience or issuer → 401 invalid_token', async () => {
    const wrongAudience = await (await realKeyIssuer({ audience: 'someone-else' })).sign({
      subject: 's',
      email: 'a@b.c',
      roles: ['buyer'],
    });
    expectError(await me(bearer(wrongAudience.token)), 401, 'invalid_token');
    const wrongIssuer = await (await realKeyIssuer({ issuer: 'https://evil.example' })).sign({
      subject: 's',
      email: 'a@b.c',
      roles: ['buyer'],
    });
    expectError(await me(bearer(wrongIssuer.token)), 401, 'invalid_token');
  });

  it('expired → 401 token_expired', async () => {
    const expired = await (await realKeyIssuer({ ttlSeconds: -120 })).sign({
      subject: 's',
      email: 'a@b.c',
      roles: ['buyer'],
    });
    expectError(await me(bearer(expired.token)), 401, 'token_expired');
  });

  it('garbage, a non-bearer scheme or a token with no Fanfare role → 401 invalid_token', async () => {
    expectError(await me(bearer('not.a.jwt')), 401, 'invalid_token');
    expectError(await me({ authorization: 'Basic dXNlcjpwYXNz' }), 401, 'invalid_token');
    const noRole = await (await realKeyIssuer({})).sign({ subject: 's', email: 'a@b.c', roles: [] });
    expectError(await me(bearer(noRole.token)), 401, 'invalid_token');
  });

  it('tokens survive a restart: the key pair is kept under the data directory', async () => {
    const { token } = await devToken(app, `${uniqueHandle('restart')}@example.com`, 'buyer');
    const again = await buildTestApp();
    try {
      expect((await again.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) })).statusCode).toBe(200);
    } finally {
      await again.close();
    }
  });
});

describe('roles', () => {
  it('a buyer may not create works → 403 forbidden', async () => {
    const tenant = await createTenant(app.orm, { prefix: 'roles' });
    const host = storefrontHost(tenant.handle);
    const { token } = await devToken(app, `${uniqueHandle('buyer')}@example.com`, 'buyer', host);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/creator/works',
      headers: { host, ...bearer(token) },
      payload: { title: 'Not mine', kind: 'single' },
    });
    expectError(response, 403, 'forbidden');
  });
});

describe('development issuer', () => {
  it('publishes its public key and signs tokens it verifies', async () => {
    const jwks = await app.inject({ method: 'GET', url: '/v1/dev/jwks.json' });
    expect(jwks.statusCode).toBe(200);
    const { keys } = jwks.json<{ keys: Array<Record<string, string>> }>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('does not exist when AUTH_DEV_ISSUER is off', async () => {
    const production = await buildTestApp({ AUTH_DEV_ISSUER: 'false', AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' });
    try {
      const token = await production.inject({
        method: 'POST',
        url: '/v1/dev/token',
        payload: { email: 'a@example.com', role: 'admin' },
      });
      expectError(token, 404, 'route_not_found');
      expectError(await production.inject({ method: 'GET', url: '/v1/dev/jwks.json' }), 404, 'route_not_found');
      const docs = (await production.inject({ method: 'GET', url: '/docs/json' })).json<{
        paths: Record<string, unknown>;
      }>();
      expect(Object.keys(docs.paths).filter((route) => route.startsWith('/v1/dev'))).toEqual([]);
    } finally {
      await production.close();
    }
  });
});
