import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** One HMAC key; the first configured key signs, every configured key verifies (rotation). */
export interface SigningKey {
  id: string;
  secret: string;
}

/** What a download token stands for. */
export interface DownloadClaims {
  userId: string;
  assetId: string;
  entitlementId: string;
  /** Expiry in whole seconds since the epoch. */
  expiresAt: number;
  /** Random, base64url: two links issued in the same second must still differ (their hashes are unique). */
  nonce: string;
}

/** A fresh random nonce for {@link DownloadClaims}. */
export function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** A token taken apart, before its MAC is checked. */
export interface ParsedDownloadToken {
  keyId: string;
  expiresAt: number;
  entitlementId: string;
  assetId: string;
  nonce: string;
  mac: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAC_BYTES = 32;

// Versioned and pipe-separated: uuids and integers never contain a pipe, so no two claim
// sets produce the same message.
function message(claims: DownloadClaims): string {
  return `fanfare-download-v1|${claims.userId}|${claims.assetId}|${claims.entitlementId}|${claims.expiresAt}|${claims.nonce}`;
}

function macOf(claims: DownloadClaims, secret: string): Buffer {
  return createHmac('sha256', secret).update(message(claims)).digest();
}

/**
 * `<kid>.<expiry>.<entitlementId>.<assetId>.<nonce>.<mac>`: HMAC-SHA256 over userId|assetId|
 * entitlementId|expiry|nonce under key `kid`, base64url. The user id is bound by the MAC but
 * not spelled out in the URL, which may end up in logs and browser history.
 */
export function signDownloadToken(claims: DownloadClaims, key: SigningKey): string {
  const mac = macOf(claims, key.secret).toString('base64url');
  return [key.id, String(claims.expiresAt), claims.entitlementId, claims.assetId, claims.nonce, mac].join('.');
}

/** Splits a token into its parts, or null when it cannot be one of ours. */
export function parseDownloadToken(token: string): ParsedDownloadToken | null {
  const parts = token.split('.');
  if (parts.length !== 6) return null;
  const [keyId, expiry, entitlementId, assetId, nonce, mac] = parts as [string, string, string, string, string, string];
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(keyId) || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{16}$/.test(nonce))
    return null;
  if (!UUID.test(entitlementId) || !UUID.test(assetId) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
  const macBytes = Buffer.from(mac, 'base64url');
  if (macBytes.length !== MAC_BYTES) return null;
  return { keyId, expiresAt: Number(expiry), entitlementId, assetId, nonce, mac: macBytes };
}

/**
 * Whether `parsed` carries a valid MAC for `userId` under one of `keys` (the key its id
 * names). Compares in constant time so the MAC cannot be guessed byte by byte.
 */
export function verifyDownloadToken(parsed: ParsedDownloadToken, userId: string, keys: readonly SigningKey[]): boolean {
  const key = keys.find((candidate) => candidate.id === parsed.keyId);
  if (key === undefined) return false;
  const { assetId, entitlementId, expiresAt, nonce } = parsed;
  const expected = macOf({ userId, assetId, entitlementId, expiresAt, nonce }, key.secret);
  return timingSafeEqual(expected, parsed.mac);
}

/** What the database stores instead of the token: its SHA-256, hex. */
export function downloadTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
