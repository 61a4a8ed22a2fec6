import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './support/test-app.js';

describe('OpenAPI document', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('is served at /docs/json and lists every route with its responses', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/health',
        '/v1/storefront',
        '/v1/catalog/products',
        '/v1/catalog/products/{slug}',
        '/v1/me',
        '/v1/creator/works',
        '/v1/dev/token',
        '/v1/dev/jwks.json',
        '/v1/catalog/search',
        '/v1/checkout/status',
        '/v1/me/wishlist',
        '/v1/me/wishlist/{productId}',
        '/v1/dev/checkout/complete-payment',
      ]),
    );
    expect(Object.keys(doc.paths['/v1/creator/works']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409']),
    );
  });

  it('serves the docs UI at /docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
