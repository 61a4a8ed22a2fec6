import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './support/test-app.js';

// Over a real socket: Node's and Fastify's own answers (bad URL, long parameter, header
// overflow) happen before `app.inject` would see them.
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

interface Answer {
  status: number;
  contentType: string | undefined;
  body: string;
}

function ask(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectEnvelope(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
  expect(answer.contentType).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(Object.keys(body.error).every((key) => ['code', 'message', 'details', 'requestId'].includes(key))).toBe(true);
}

describe('every answer the API gives is the error envelope, even Fastify’s and Node’s own', () => {
  it('a bad percent-encoding in the path → 400 bad_url', async () => {
    expectEnvelope(await ask('GET', '/v1/orders/%ZZ'), 400, 'bad_url');
  });

  it('an over-long path parameter → 414 uri_too_long', async () => {
    expectEnvelope(await ask('GET', `/v1/orders/${'a'.repeat(300)}`), 414, 'uri_too_long');
  });

  it('a CORS preflight without Origin → 400 bad_request', async () => {
    expectEnvelope(
      await ask('OPTIONS', '/v1/catalog/products', { 'access-control-request-method': 'GET' }),
      400,
      'bad_request',
    );
  });

  it('an oversized header → 431 header_too_large', async () => {
    expectEnvelope(await ask('GET', '/v1/health', { 'x-big': 'x'.repeat(20_000) }), 431, 'header_too_large');
  });

  it('a request Node cannot parse → 400 bad_request', async () => {
    expectEnvelope(await ask('GET', '/v1/health', { 'content-length': 'nope' }), 400, 'bad_request');
  });
});
