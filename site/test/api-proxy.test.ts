import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEdgeServer } from '../src/edge/edge-server.js';
import { tenantResolver } from '../src/edge/tenant-resolver.js';
import { knownStorefronts } from './support/known-storefronts.js';

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

function post(port: number, urlPath: string, host: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', headers: { host, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('edge forwards /v1 to the API with the buyer’s Host', () => {
  let api: Server;
  let edge: Server;
  let deadEdge: Server;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'fanfare-edge-proxy-'));
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            host: req.headers.host,
            forwardedHost: req.headers['x-forwarded-host'],
            body,
          }),
        );
      });
    });
    const apiPort = await listen(api);
    const resolveTenant = tenantResolver(
      { platformDomain: 'fanfare.test', production: false },
      knownStorefronts(['aurora', 'inkwell']),
    );
    edge = createEdgeServer({ distDir: dist, resolveTenant, apiUpstream: `http://127.0.0.1:${apiPort}` });
    deadEdge = createEdgeServer({ distDir: dist, resolveTenant, apiUpstream: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    for (const server of [api, edge, deadEdge]) await new Promise((resolve) => server.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  it('passes method, path, query, body and the Host header through', async () => {
    const port = await listen(edge);
    const answer = await post(port, '/v1/checkout?x=1', 'aurora.localhost:4321', '{"cart":1}');
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({
      method: 'POST',
      url: '/v1/checkout?x=1',
      host: 'aurora.localhost:4321',
      forwardedHost: 'aurora.localhost:4321',
      body: '{"cart":1}',
    });
    expect((await post(port, '/v1x', 'aurora.localhost', '')).status).toBe(405);
  });

  it('passes the API’s early 413 through for a body larger than its limit', async () => {
    // Like Fastify over its bodyLimit: answer from the headers alone, then close the socket
    // without reading the body, so the edge's upload fails mid-way.
    const strict = createServer((req, res) => {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ error: { code: 'payload_too_large', message: 'Too large', requestId: 'r' } }), () =>
        req.socket.destroy(),
      );
    });
    const strictPort = await listen(strict);
    const resolveTenant = tenantResolver({ platformDomain: 'fanfare.test', production: false }, async () => undefined);
    const strictEdge = createEdgeServer({
      distDir: dist,
      resolveTenant,
      apiUpstream: `http://127.0.0.1:${strictPort}`,
    });
    const port = await listen(strictEdge);
    try {
      const big = JSON.stringify({ pad: 'x'.repeat(8 * 1024 * 1024) });
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await post(port, '/v1/checkout', 'aurora.localhost', big);
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'payload_too_large' } });
      }
    } finally {
      for (const server of [strictEdge, strict]) await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 502 in the API error shape when the API is down', async () => {
    const port = await listen(deadEdge);
    const answer = await post(port, '/v1/checkout', 'aurora.localhost', '{}');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'api_unreachable' } });
  });
});
