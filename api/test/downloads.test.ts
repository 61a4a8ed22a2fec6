import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AuditEvent, DownloadGrant, Entitlement, forTenant, type Tenant } from '@fanfare/db';
import type { FanfareConfig } from '@fanfare/config';
import { buildApp } from '../src/app.js';
import { newNonce, signDownloadToken } from '../src/downloads/download-token.js';
import { storefrontHost, testConfig } from './support/test-app.js';
import { createTenant, uniqueHandle } from './support/catalog-fixtures.js';
import { bundleOf, ownedBy, productWithFile, type OwnedFile } from './support/library-fixtures.js';
import { expectError } from './support/responses.js';
import { enforceResponseContract } from './support/response-contract.js';
import { bearer, devToken } from './support/tokens.js';

const OLD_KEY = { id: 'k2025', secret: 'old-download-signing-secret-0123456789abcdef' };
const NEW_KEY = { id: 'k2026', secret: 'new-download-signing-secret-0123456789abcdef' };
const blobDir = mkdtempSync(path.join(tmpdir(), 'fanfare-downloads-test-'));
const PUBLIC_URL = 'https://api.fanfare.test';

function configWith(keys: Array<{ id: string; secret: string }>, linksPerMinute = 1000): FanfareConfig {
  return testConfig({
    BLOB_DIR: blobDir,
    API_PUBLIC_URL: PUBLIC_URL,
    DOWNLOAD_SIGNING_KEYS: keys.map((key) => `${key.id}:${key.secret}`).join(','),
    DOWNLOAD_LINKS_PER_MINUTE: String(linksPerMinute),
  });
}

let app: FastifyInstance;
let config: FanfareConfig;
let shop: Tenant;
let host: string;
let buyer: { token: string; userId: string; email: string };
let stranger: { token: string; userId: string; email: string };
let album: OwnedFile;
let albumEntitlement: string;
const albumBytes = randomBytes(4096);

async function signIn(prefix: string): Promise<{ token: string; userId: string; email: string }> {
  const email = `${uniqueHandle(prefix)}@example.com`;
  const { token, userId } = await devToken(app, email, 'buyer');
  return { token, userId, email };
}

function requestLink(assetId: string, who: { token: string }, options: { app?: FastifyInstance; ip?: string } = {}) {
  return (options.app ?? app).inject({
    method: 'POST',
    url: '/v1/downloads/link',
    headers: { host, ...bearer(who.token) },
    payload: { assetId },
    ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
  });
}

/** Issues a link and returns the path part of its url, for `app.inject`. */
async function linkPath(assetId: string, who = buyer, via = app): Promise<string> {
  const response = await requestLink(assetId, who, { app: via });
  expect(response.statusCode).toBe(201);
  return new URL(response.json<{ url: string }>().url).pathname;
}

function download(url: string, headers: Record<string, string> = {}, via = app) {
  return via.inject({ method: 'GET', url, headers });
}

beforeAll(async () => {
  config = configWith([NEW_KEY, OLD_KEY]);
  app = await buildApp({ config, tenantCacheTtlMs: 0 });
  enforceResponseContract(app);
  shop = await createTenant(app.orm, { prefix: 'downloads' });
  host = storefrontHost(shop.handle);
  buyer = await signIn('buyer');
  stranger = await signIn('stranger');
  album = await productWithFile(app.orm, config, shop.id, {
    filename: 'Été à "Paris"; final.mp3',
    contentType: 'audio/mpeg',
    bytes: albumBytes,
    downloadLimit: 3,
  });
  albumEntitlement = await ownedBy(app.orm, shop.id, album.productId, { userId: buyer.userId, email: buyer.email }, 3);
});
afterAll(() => app.close());

describe('GET /v1/me/entitlements', () => {
  it('lists what the buyer owns with its downloadable files, and nothing for another buyer', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/me/entitlements',
      headers: { host, ...bearer(buyer.token) },
    });
    expect(response.statusCode).toBe(200);
    const { entitlements } = response.json<{ entitlements: Array<Record<string, unknown>> }>();
    expect(entitlements).toEqual([
      expect.objectContaining({
        id: albumEntitlement,
        status: 'active',
        expiresAt: null,
        eulaVersion: '2026-01',
        rights: { download: true, stream: true, deviceLimit: 3, downloadLimit: 3, usageUsed: 0 },
        product: expect.objectContaining({ id: album.productId, kind: 'digital', mediaType: 'music' }),
        assets: [
          { id: album.assetId, filename: 'Été à "Paris"; final.mp3', contentType: 'audio/mpeg', sizeBytes: 4096 },
        ],
      }),
    ]);
    const theirs = await app.inject({
      method: 'GET',
      url: '/v1/me/entitlements',
      headers: { host, ...bearer(stranger.token) },
    });
    expect(theirs.json()).toEqual({ entitlements: [] });
  });

  it('gives a bundle’s owner every file of every product it bundles, and links to them', async () => {
    const owner = await signIn('bundle');
    const tracks = await Promise.all(
      ['one.mp3', 'two.mp3'].map((filename) =>
        productWithFile(app.orm, config, shop.id, { filename, contentType: 'audio/mpeg', bytes: randomBytes(64) }),
      ),
    );
    const bundle = await bundleOf(
      app.orm,
      shop.id,
      tracks.map((t) => t.productId),
    );
    await ownedBy(app.orm, shop.id, bundle, { userId: owner.userId, email: owner.email });
    const response = await app.inject({
      method: 'GET',
      url: '/v1/me/entitlements',
      headers: { host, ...bearer(owner.token) },
    });
    const [entry] = response.json<{ entitlements: Array<{ product: { id: string }; assets: Array<{ id: string }> }> }>()
      .entitlements;
    expect(entry?.product.id).toBe(bundle);
    expect(entry?.assets.map((a) => a.id).sort()).toEqual(tracks.map((t) => t.assetId).sort());
    for (const track of tracks) expect((await requestLink(track.assetId, owner)).statusCode).toBe(201);
    expectError(await requestLink(album.assetId, owner), 403, 'forbidden');
  });

  it('counts a guest purchase made with the buyer’s email', async () => {
    const guest = await signIn('guest');
    const ebook = await productWithFile(app.orm, config, shop.id, {
      filename: 'book.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.7'),
    });
    await ownedBy(app.orm, shop.id, ebook.productId, { userId: null, email: guest.email });
    const response = await app.inject({
      method: 'GET',
      url: '/v1/me/entitlements',
      headers: { host, ...bearer(guest.token) },
    });
    expect(
      response.json<{ entitlements: Array<{ product: { id: string } }> }>().entitlements.map((e) => e.product.id),
    ).toEqual([ebook.productId]);
    expect((await requestLink(ebook.assetId, guest)).statusCode).toBe(201);
  });
});

describe('POST /v1/downloads/link and GET /v1/downloads/:token', () => {
  it('issues a link, stores only its hash with the product’s uses, and audits it', async () => {
    const response = await requestLink(album.assetId, buyer);
    expect(response.statusCode).toBe(201);
    const link = response.json<{ url: string; expiresAt: string; usesLeft: number }>();
    expect(link.url.startsWith(`${PUBLIC_URL}/v1/downloads/${NEW_KEY.id}.`)).toBe(true);
    expect(link.usesLeft).toBe(3);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan((config.downloads.linkTtlSeconds - 5) * 1000);
    const token = decodeURIComponent(link.url.split('/').pop() ?? '');
    const hash = createHash('sha256').update(token).digest('hex');
    const grant = await forTenant(app.orm.em, shop.id).findOneOrFail(DownloadGrant, { tokenHash: hash });
    expect(grant).toMatchObject({
      entitlementId: albumEntitlement,
      assetId: album.assetId,
      userId: buyer.userId,
      keyId: NEW_KEY.id,
      usesLeft: 3,
      revokedAt: null,
    });
    const audit = await forTenant(app.orm.em, shop.id).find(AuditEvent, {
      action: 'download.link_issued',
      data: { grantId: grant.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: 'user',
      actorId: buyer.userId,
      subjectId: album.assetId,
      requestId: response.headers['x-request-id'],
    });
  });

  it('serves the whole file and ranges, refuses a bad range and answers HEAD without spending a use, then runs out', async () => {
    const url = await linkPath(album.assetId);
    const head = await app.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.headers).toMatchObject({
      'content-length': '4096',
      'content-type': 'audio/mpeg',
      'x-download-uses-left': '3',
    });
    expect(head.rawPayload.length).toBe(0);
    const whole = await download(url);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(albumBytes)).toBe(true);
    expect(whole.headers).toMatchObject({
      'content-type': 'audio/mpeg',
      'content-length': '4096',
      'accept-ranges': 'bytes',
      'content-disposition': `attachment; filename="Ete a _Paris_; final.mp3"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20%22Paris%22%3B%20final.mp3`,
      'x-download-uses-left': '2',
    });
    const part = await download(url, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/4096');
    expect(part.rawPayload.equals(albumBytes.subarray(100, 200))).toBe(true);
    const bad = await download(url, { range: 'bytes=5000-' });
    expectError(bad, 416, 'range_not_satisfiable');
    expect(bad.headers['content-range']).toBe('bytes */4096');
    const tail = await download(url, { range: 'bytes=-10' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(albumBytes.subarray(4086))).toBe(true);
    expect(tail.headers['x-download-uses-left']).toBe('0');
    expectError(await download(url), 410, 'download_limit_reached');
    const uses = await forTenant(app.orm.em, shop.id).find(AuditEvent, {
      action: 'download.used',
      actorId: buyer.userId,
    });
    expect(uses.length).toBeGreaterThanOrEqual(3);
  });

  it('spends uses atomically under concurrent requests', async () => {
    const url = await linkPath(album.assetId);
    const responses = await Promise.all(Array.from({ length: 6 }, () => download(url, { range: 'bytes=0-0' })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([206, 206, 206, 410, 410, 410]);
  });

  it('refuses forged tokens: tampered MAC, unknown key id, tampered expiry, garbage', async () => {
    const url = await linkPath(album.assetId);
    const token = url.split('/').pop() ?? '';
    const parts = token.split('.');
    const mac = parts[5] ?? '';
    const tampered = [...parts.slice(0, 5), `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`].join('.');
    expectError(await download(`/v1/downloads/${tampered}`), 403, 'download_token_invalid');
    expectError(
      await download(`/v1/downloads/${['nokey', ...parts.slice(1)].join('.')}`),
      403,
      'download_token_invalid',
    );
    expectError(
      await download(`/v1/downloads/${[parts[0], String(Number(parts[1]) + 3600), ...parts.slice(2)].join('.')}`),
      403,
      'download_token_invalid',
    );
    expectError(await download('/v1/downloads/not-a-token'), 403, 'download_token_invalid');
    // A well-formed token signed with a key the server does not have, for a real grant's claims.
    const forged = signDownloadToken(
      {
        userId: buyer.userId,
        assetId: album.assetId,
        entitlementId: albumEntitlement,
        expiresAt: Number(parts[1]),
        nonce: parts[4] ?? '',
      },
      { id: NEW_KEY.id, secret: 'x'.repeat(40) },
    );
    expectError(await download(`/v1/downloads/${forged}`), 403, 'download_token_invalid');
    expect((await download(url)).statusCode).toBe(200);
  });

  it('refuses an expired link with its own code', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) - 1;
    const token = signDownloadToken(
      { userId: buyer.userId, assetId: album.assetId, entitlementId: albumEntitlement, expiresAt, nonce: newNonce() },
      NEW_KEY,
    );
    const em = forTenant(app.orm.em, shop.id);
    em.create(DownloadGrant, {
      entitlementId: albumEntitlement,
      assetId: album.assetId,
      userId: buyer.userId,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      keyId: NEW_KEY.id,
      expiresAt: new Date(expiresAt * 1000),
      usesLeft: 3,
      revokedAt: null,
    });
    await em.flush();
    expectError(await download(`/v1/downloads/${token}`), 410, 'download_token_expired');
  });

  it('keeps verifying links signed with a retired key after rotation, and refuses them once the key is removed', async () => {
    const before = await buildApp({ config: configWith([OLD_KEY]), orm: app.orm, tenantCacheTtlMs: 0 });
    const after = await buildApp({ config: configWith([NEW_KEY]), orm: app.orm, tenantCacheTtlMs: 0 });
    try {
      const oldUrl = await linkPath(album.assetId, buyer, before);
      expect(oldUrl).toContain(`/${OLD_KEY.id}.`);
      const rotated = await download(oldUrl);
      expect(rotated.statusCode).toBe(200);
      expect(await linkPath(album.assetId)).toContain(`/${NEW_KEY.id}.`);
      expectError(await download(oldUrl, {}, after), 403, 'download_token_invalid');
    } finally {
      await Promise.all([before.close(), after.close()]);
    }
  });

  it('never reaches a file of another storefront, even the buyer’s own', async () => {
    const elsewhere = await createTenant(app.orm, { prefix: 'downloads-other' });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/downloads/link',
      headers: { host: storefrontHost(elsewhere.handle), ...bearer(buyer.token) },
      payload: { assetId: album.assetId },
    });
    expectError(response, 404, 'not_found');
    const library = await app.inject({
      method: 'GET',
      url: '/v1/me/entitlements',
      headers: { host: storefrontHost(elsewhere.handle), ...bearer(buyer.token) },
    });
    expect(library.json()).toEqual({ entitlements: [] });
  });

  it('refuses another buyer’s file and an unknown asset', async () => {
    expectError(await requestLink(album.assetId, stranger), 403, 'forbidden');
    expectError(await requestLink(randomUUID(), buyer), 404, 'not_found');
    expectError(
      await app.inject({
        method: 'POST',
        url: '/v1/downloads/link',
        headers: { host },
        payload: { assetId: album.assetId },
      }),
      401,
      'unauthenticated',
    );
  });

  it('makes existing links fail at once when the entitlement or its links are revoked', async () => {
    const single = await productWithFile(app.orm, config, shop.id, {
      filename: 'single.mp3',
      contentType: 'audio/mpeg',
      bytes: Buffer.from('abc'),
    });
    const entitlementId = await ownedBy(app.orm, shop.id, single.productId, {
      userId: buyer.userId,
      email: buyer.email,
    });
    const first = await linkPath(single.assetId);
    const second = await linkPath(single.assetId);
    const em = forTenant(app.orm.em, shop.id);
    // What the revoke activity does to links: they are stopped in the same transaction.
    await em.nativeUpdate(
      DownloadGrant,
      {
        entitlementId,
        tokenHash: createHash('sha256')
          .update(first.split('/').pop() ?? '')
          .digest('hex'),
      },
      { revokedAt: new Date() },
    );
    expectError(await download(first), 410, 'download_revoked');
    await em.nativeUpdate(Entitlement, { id: entitlementId }, { status: 'revoked', revokedReason: 'refund' });
    expectError(await download(second), 410, 'download_revoked');
    expectError(await requestLink(single.assetId, buyer), 403, 'forbidden');
  });
});

describe('download link rate limit', () => {
  /** Starts a test away from a minute boundary, where the fixed window would reset mid-test. */
  async function awayFromWindowEdge(): Promise<void> {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
  }

  it('answers 429 rate_limited per user across addresses, and per address across users', async () => {
    const limited = await buildApp({ config: configWith([NEW_KEY], 3), orm: app.orm, tenantCacheTtlMs: 0 });
    try {
      await awayFromWindowEdge();
      const statuses = [];
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])
        statuses.push((await requestLink(album.assetId, buyer, { app: limited, ip })).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = expectError(
        await requestLink(album.assetId, buyer, { app: limited, ip: '10.0.0.9' }),
        429,
        'rate_limited',
      );
      expect(refused.error.details).toMatchObject({ limit: 3, limitedBy: 'user' });

      const others = [await signIn('a'), await signIn('b'), await signIn('c'), await signIn('d')];
      const byAddress = [];
      for (const other of others)
        byAddress.push((await requestLink(album.assetId, other, { app: limited, ip: '10.9.9.9' })).statusCode);
      expect(byAddress).toEqual([403, 403, 403, 429]);
      const body = expectError(
        await requestLink(album.assetId, others[0]!, { app: limited, ip: '10.9.9.9' }),
        429,
        'rate_limited',
      );
      expect(body.error.details).toMatchObject({ limitedBy: 'ip' });
    } finally {
      await limited.close();
    }
  });
});
