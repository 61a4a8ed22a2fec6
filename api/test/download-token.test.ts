import { describe, expect, it } from 'vitest';
import { parseRange } from '../src/downloads/byte-range.js';
import { attachmentDisposition } from '../src/downloads/content-disposition.js';
import {
  newNonce,
  parseDownloadToken,
  signDownloadToken,
  verifyDownloadToken,
} from '../src/downloads/download-token.js';
import { LinkRateLimiter } from '../src/downloads/link-rate-limiter.js';

const key = { id: 'k1', secret: 's'.repeat(40) };
const claims = {
  userId: '11111111-1111-4111-8111-111111111111',
  assetId: '22222222-2222-4222-8222-222222222222',
  entitlementId: '33333333-3333-4333-8333-333333333333',
  expiresAt: 1_900_000_000,
  nonce: newNonce(),
};

describe('download tokens', () => {
  it('verifies for the user it was issued to, under any configured key with its id, and no other', () => {
    const parsed = parseDownloadToken(signDownloadToken(claims, key));
    expect(parsed).toMatchObject({
      keyId: 'k1',
      expiresAt: 1_900_000_000,
      assetId: claims.assetId,
      entitlementId: claims.entitlementId,
    });
    expect(verifyDownloadToken(parsed!, claims.userId, [{ id: 'k0', secret: 'o'.repeat(40) }, key])).toBe(true);
    expect(verifyDownloadToken(parsed!, '44444444-4444-4444-8444-444444444444', [key])).toBe(false);
    expect(verifyDownloadToken(parsed!, claims.userId, [{ id: 'k1', secret: 'x'.repeat(40) }])).toBe(false);
    expect(verifyDownloadToken(parsed!, claims.userId, [{ id: 'k2', secret: key.secret }])).toBe(false);
  });

  it('differs for two links with the same claims in the same second', () => {
    expect(signDownloadToken({ ...claims, nonce: newNonce() }, key)).not.toBe(
      signDownloadToken({ ...claims, nonce: newNonce() }, key),
    );
  });

  it('rejects anything that is not shaped like a token', () => {
    for (const token of [
      '',
      'a.b.c',
      `${signDownloadToken(claims, key)}.x`,
      signDownloadToken(claims, key).replace('k1.', 'k 1.'),
      'k1.12.x.y.z.w',
    ]) {
      expect(parseDownloadToken(token)).toBeNull();
    }
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 100, undefined],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=90-500', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    ['bytes=100-', 100, null],
    ['bytes=9-3', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=-', 100, null],
    ['bytes=-0', 100, null],
  ])('%s of %i bytes → %o', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('attachmentDisposition', () => {
  it('keeps names safe in both forms', () => {
    expect(attachmentDisposition('a.mp3')).toBe(`attachment; filename="a.mp3"; filename*=UTF-8''a.mp3`);
    expect(attachmentDisposition('../"x"\r\n.pdf')).toBe(
      `attachment; filename="..__x___.pdf"; filename*=UTF-8''.._%22x%22%0D%0A.pdf`,
    );
    expect(attachmentDisposition('日本.epub')).toBe(
      `attachment; filename="__.epub"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.epub`,
    );
  });
});

describe('LinkRateLimiter', () => {
  it('limits per user and per address within a minute and starts afresh the next minute', () => {
    let now = 120_000;
    const limiter = new LinkRateLimiter(2, () => now);
    expect(limiter.attempt('u1', 'ip1')).toEqual({ allowed: true });
    expect(limiter.attempt('u1', 'ip2')).toEqual({ allowed: true });
    expect(limiter.attempt('u1', 'ip3')).toMatchObject({ allowed: false, limitedBy: 'user', retryAfterSeconds: 60 });
    expect(limiter.attempt('u2', 'ip1')).toEqual({ allowed: true });
    expect(limiter.attempt('u3', 'ip1')).toMatchObject({ allowed: false, limitedBy: 'ip' });
    now += 60_000;
    expect(limiter.attempt('u1', 'ip1')).toEqual({ allowed: true });
  });
});
