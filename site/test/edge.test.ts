import { AnswerCache } from '@fanfare/domain';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../src/edge/compression.js';
import { createEdgeServer } from '../src/edge/edge-server.js';
import { securityHeaders } from '../src/edge/headers.js';
import { resolveStaticFile } from '../src/edge/static-files.js';
import { tenantResolver } from '../src/edge/tenant-resolver.js';
import { knownStorefronts } from './support/known-storefronts.js';
import { rawGet } from './support/raw-get.js';

describe('tenant resolver', () => {
  const setting = { platformDomain: 'fanfare.test', production: false };
  const custom: Record<string, string> = { 'shop.example.com': 'aurora', 'evil.example.com': '../inkwell' };
  const resolve = tenantResolver(setting, knownStorefronts(['aurora', 'inkwell'], custom));

  it('maps <handle>.localhost and <handle>.<platform domain>, case and port insensitive', async () => {
    expect(await resolve('aurora.localhost:4321')).toBe('aurora');
    expect(await resolve('Inkwell.Fanfare.Test')).toBe('inkwell');
    expect(await resolve('a.b.localhost')).toBeUndefined();
  });

  it('refuses <handle>.localhost in production, by the same domain rule as the API', async () => {
    const production = tenantResolver({ ...setting, production: true }, knownStorefronts(['aurora']));
    expect(await production('aurora.localhost:4321')).toBeUndefined();
    expect(await production('aurora.fanfare.test')).toBe('aurora');
  });

  it('asks the lookup for custom domains and refuses handles that are not safe folder names', async () => {
    expect(await resolve('shop.example.com')).toBe('aurora');
    expect(await resolve('evil.example.com')).toBeUndefined();
    expect(await resolve('unknown.example.com')).toBeUndefined();
    expect(await resolve('')).toBeUndefined();
  });

  it('does not serve a storefront its platform host names once it is suspended or gone', async () => {
    const guarded = tenantResolver(setting, knownStorefronts(['aurora'], custom));
    expect(await guarded('aurora.fanfare.test')).toBe('aurora');
    expect(await guarded('inkwell.localhost:4321')).toBeUndefined();
    expect(await guarded('shop.example.com')).toBe('aurora');
  });

  it('caches answers, hits for longer than misses, one entry per storefront whatever the host spelling', async () => {
    const asked: string[] = [];
    let clock = 0;
    const cached = tenantResolver(
      setting,
      async (key) => {
        asked.push(key.kind === 'handle' ? key.handle : key.hostname);
        return key.kind === 'handle' ? key.handle : undefined;
      },
      new AnswerCache<string>({ hitTtlMs: 1000, missTtlMs: 100 }, () => clock),
    );
    await cached('aurora.localhost:4321');
    await cached('AURORA.fanfare.test');
    await cached('unknown.example.com');
    await cached('unknown.example.com:443');
    expect(asked).toEqual(['aurora', 'unknown.example.com']);
    clock = 500;
    await cached('aurora.fanfare.test');
    await cached('unknown.example.com');
    expect(asked).toEqual(['aurora', 'unknown.example.com', 'unknown.example.com']);
    clock = 2000;
    await cached('aurora.fanfare.test');
    expect(asked).toHaveLength(4);
  });

  it('does not remember a lookup that failed', async () => {
    let up = false;
    const flaky = tenantResolver(
      setting,
      async (key) => {
        if (!up) throw new Error('API down');
        return key.kind === 'handle' ? key.handle : undefined;
      },
      new AnswerCache<string>({ hitTtlMs: 1000, missTtlMs: 1000 }, () => 0),
    );
    await expect(flaky('aurora.localhost')).rejects.toThrow('API down');
    up = true;
    expect(await flaky('aurora.localhost')).toBe('aurora');
  });
});

describe('content negotiation and headers', () => {
  it('prefers brotli, then gzip, honouring q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBe('identity');
  });

  it('sends HSTS only over https', () => {
    expect(securityHeaders({ https: false })['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ https: true })['strict-transport-security']).toContain('max-age=');
    expect(securityHeaders({ https: false, apiOrigin: 'http://127.0.0.1:3000' })['content-security-policy']).toContain(
      "connect-src 'self' http://127.0.0.1:3000",
    );
  });
});

describe('edge server over two storefront folders', () => {
  let dist: string;
  let server: ReturnType<typeof createEdgeServer>;
  let port: number;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'fanfare-edge-'));
    for (const handle of ['aurora', 'inkwell']) {
      await mkdir(path.join(dist, handle, 'products', 'x'), { recursive: true });
      await writeFile(path.join(dist, handle, 'index.html'), `<h1>${handle} home</h1>`.repeat(50));
      await writeFile(path.join(dist, handle, 'products', 'x', 'index.html'), `<h1>${handle} product</h1>`);
      await writeFile(path.join(dist, handle, '404.html'), `<h1>${handle} not found</h1>`);
      await writeFile(path.join(dist, handle, `secret-of-${handle}.txt`), handle);
      await writeFile(path.join(dist, handle, 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    }
    await mkdir(path.join(dist, '.aurora.next'), { recursive: true });
    await writeFile(path.join(dist, '.aurora.next', 'index.html'), 'staging');
    server = createEdgeServer({
      distDir: dist,
      resolveTenant: tenantResolver(
        { platformDomain: 'fanfare.test', production: false },
        knownStorefronts(['aurora', 'inkwell'], { 'shop.example.com': 'inkwell' }),
      ),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  it('serves the tenant the Host names, pages with and without a trailing slash', async () => {
    expect((await rawGet(port, '/', 'aurora.localhost')).body.toString()).toContain('aurora home');
    expect((await rawGet(port, '/products/x', 'inkwell.fanfare.test')).body.toString()).toBe(
      '<h1>inkwell product</h1>',
    );
    expect((await rawGet(port, '/products/x/', 'shop.example.com')).body.toString()).toBe('<h1>inkwell product</h1>');
  });

  it('answers a real 404 with the tenant’s own page, and 404 for an unknown host', async () => {
    const missing = await rawGet(port, '/nope/', 'aurora.localhost');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('aurora not found');
    expect((await rawGet(port, '/', 'nobody.example.org')).status).toBe(404);
    expect((await rawGet(port, '/', 'ghost.localhost')).status).toBe(404);
  });

  it('never serves another tenant’s files or anything outside the tenant folder', async () => {
    const attempts = [
      '/../inkwell/secret-of-inkwell.txt',
      '/%2e%2e/inkwell/secret-of-inkwell.txt',
      '/..%2finkwell%2fsecret-of-inkwell.txt',
      '/products/../../inkwell/index.html',
      '/%2e%2e%5cinkwell%5csecret-of-inkwell.txt',
      '/..\\inkwell\\secret-of-inkwell.txt',
      '/%00/index.html',
      '/../.aurora.next/index.html',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const response = await rawGet(port, attempt, 'aurora.localhost');
      expect(response.status, attempt).toBe(404);
      expect(response.body.toString(), attempt).not.toContain('inkwell');
      expect(response.body.toString(), attempt).not.toContain('staging');
    }
    expect((await rawGet(port, '/secret-of-aurora.txt', 'aurora.localhost')).status).toBe(200);
    expect((await rawGet(port, '/secret-of-inkwell.txt', 'aurora.localhost')).status).toBe(404);
    expect(await resolveStaticFile(path.join(dist, 'aurora'), '/../inkwell/index.html')).toBeUndefined();
  });

  it('compresses text with brotli or gzip, leaves images alone, and sets types and security headers', async () => {
    const br = await rawGet(port, '/', 'aurora.localhost', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('aurora home');
    const gz = await rawGet(port, '/', 'aurora.localhost', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.body).toString()).toContain('aurora home');
    expect(gz.headers['content-type']).toBe('text/html; charset=utf-8');
    const png = await rawGet(port, '/cover.png', 'aurora.localhost', { 'accept-encoding': 'br' });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-security-policy']).toContain("default-src 'self'");
    expect(png.headers['x-content-type-options']).toBe('nosniff');
    expect(png.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(png.headers['strict-transport-security']).toBeUndefined();
  });
});
