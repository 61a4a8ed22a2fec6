import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createTenant } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';
import { bearer, devToken } from './support/tokens.js';

let app: FastifyInstance;
let host: string;
let creatorAuth: { authorization: string };

beforeAll(async () => {
  app = await buildTestApp({ API_BODY_LIMIT_BYTES: '2048' });
  const tenant = await createTenant(app.orm, { prefix: 'errors' });
  host = storefrontHost(tenant.handle);
  creatorAuth = bearer((await devToken(app, `errors-${tenant.handle}@example.com`, 'creator', host)).token);
});
afterAll(() => app.close());

function postWork(payload: string | object, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/creator/works',
    headers: { host, 'content-type': 'application/json', ...creatorAuth, ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

describe('request body errors', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    expectError(await postWork('{"title": "x", '), 400, 'malformed_json');
  });

  it('empty JSON body → 400 malformed_json', async () => {
    expectError(await postWork(''), 400, 'malformed_json');
  });

  it('unknown field → 400 unknown_field naming the field', async () => {
    const body = expectError(await postWork({ title: 'A', kind: 'album', colour: 'red' }), 400, 'unknown_field');
    expect(body.error.details).toMatchObject({ location: 'body', field: 'colour' });
  });

  it('wrong type → 400 invalid_type, without coercing strings to numbers', async () => {
    const body = expectError(await postWork({ title: 'A', kind: 'album', releaseYear: '1999' }), 400, 'invalid_type');
    expect(body.error.details).toMatchObject({ field: 'releaseYear' });
  });

  it('missing field → 400 missing_field naming the field', async () => {
    const body = expectError(await postWork({ kind: 'album' }), 400, 'missing_field');
    expect(body.error.details).toMatchObject({ field: 'title' });
  });

  it('a value outside the schema → 400 validation_failed', async () => {
    const body = expectError(await postWork({ title: 'A', kind: 'symphony' }), 400, 'validation_failed');
    expect(body.error.details).toMatchObject({ field: 'kind' });
    expectError(await postWork({ title: '', kind: 'album' }), 400, 'validation_failed');
  });

  it('a nested unknown field is named by its path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/dev/token',
      payload: { email: 'a@example.com', role: 'buyer', extra: { deep: true } },
    });
    expect(expectError(response, 400, 'unknown_field').error.details).toMatchObject({ field: 'extra' });
  });

  it('body over the limit → 413 payload_too_large', async () => {
    expectError(await postWork({ title: 'A', kind: 'album', description: 'x'.repeat(4096) }), 413, 'payload_too_large');
  });

  it('a body that is not JSON → 415 unsupported_media_type', async () => {
    expectError(
      await postWork('title=A', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
    expectError(await postWork('hello', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
  });

  it('a wrong query parameter → 400 with the querystring named', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/catalog/products?limit=many', headers: { host } });
    expect(expectError(response, 400, 'invalid_type').error.details).toMatchObject({
      location: 'querystring',
      field: 'limit',
    });
    const unknown = await app.inject({ method: 'GET', url: '/v1/catalog/products?sort=price', headers: { host } });
    expectError(unknown, 400, 'unknown_field');
    const cursor = await app.inject({ method: 'GET', url: '/v1/catalog/products?cursor=bm9wZQ', headers: { host } });
    expectError(cursor, 400, 'validation_failed');
  });
});

describe('routing and request ids', () => {
  it('unknown route → 404 route_not_found', async () => {
    expectError(await app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'route_not_found');
    expectError(await app.inject({ method: 'DELETE', url: '/v1/health' }), 404, 'route_not_found');
  });

  it('keeps a sane incoming x-request-id and replaces an odd one', async () => {
    const kept = await app.inject({ method: 'GET', url: '/v1/nope', headers: { 'x-request-id': 'edge-1234.abcd' } });
    expect(kept.headers['x-request-id']).toBe('edge-1234.abcd');
    expect(expectError(kept, 404, 'route_not_found').error.requestId).toBe('edge-1234.abcd');
    const replaced = await app.inject({
      method: 'GET',
      url: '/v1/health',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('server failures', () => {
  it('hides the cause of a 500 and still answers with the error shape', async () => {
    const broken = await buildTestApp();
    broken.get('/v1/explode', async () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    });
    try {
      const response = await broken.inject({ method: 'GET', url: '/v1/explode' });
      const body = expectError(response, 500, 'internal_error');
      expect(response.body).not.toContain('hunter2');
      expect(body.error.details).toBeUndefined();
    } finally {
      await broken.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 rate_limited once a client exceeds the configured limit', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof limited.inject>> | undefined;
      for (let i = 0; i < 5; i += 1) {
        last = await limited.inject({ method: 'GET', url: '/v1/dev/jwks.json' });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      if (last === undefined) throw new Error('no response');
      expectError(last, 429, 'rate_limited');
      expect(last.headers['retry-after']).toBeDefined();
      // Counted before routing, auth and tenancy: unknown routes and bad tokens spend the same budget.
      expectError(await limited.inject({ method: 'GET', url: '/v1/no-such-route' }), 429, 'rate_limited');
      expectError(
        await limited.inject({ method: 'GET', url: '/v1/me', headers: { authorization: 'Bearer x' } }),
        429,
        'rate_limited',
      );
    } finally {
      await limited.close();
    }
  });
});
