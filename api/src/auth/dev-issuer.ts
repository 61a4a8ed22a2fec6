import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Role } from '@fanfare/domain';
import { ROLES_CLAIM } from './principal.js';

/** The algorithm of the local issuer's key. */
export const DEV_ISSUER_ALG = 'ES256';

/** What the local issuer needs to know to mint tokens the API accepts. */
export interface DevIssuerSettings {
  dataDir: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Claims of one development token. */
export interface DevTokenClaims {
  subject: string;
  email: string;
  roles: Role[];
}

/** A freshly signed development token. */
export interface DevToken {
  token: string;
  expiresAt: Date;
}

/** The issuer's public key as published in its JWKS. */
export interface DevPublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: string;
  use: string;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

/**
 * A development-only OIDC stand-in: one ES256 key pair kept under the data directory (so tokens
 * survive restarts), its public half as a JWKS, and a way to sign tokens with it.
 */
export class DevIssuer {
  private constructor(
    private readonly settings: DevIssuerSettings,
    private readonly kid: string,
    private readonly privateKey: CryptoKey,
    /** The public key as a JWK, with `kid`, `alg` and `use` set. */
    readonly publicJwk: DevPublicJwk,
  ) {}

  /** Where the key pair is kept under `dataDir`. */
  static keyFile(dataDir: string): string {
    return path.join(dataDir, 'dev-issuer', 'key.json');
  }

  /** Loads the persisted key pair, creating it on first start. */
  static async open(settings: DevIssuerSettings): Promise<DevIssuer> {
    const stored = await loadOrCreateKey(DevIssuer.keyFile(settings.dataDir));
    const privateKey = (await importJWK(stored.privateJwk, DEV_ISSUER_ALG)) as CryptoKey;
    const { kty, crv, x, y } = stored.privateJwk;
    if (kty === undefined || crv === undefined || x === undefined || y === undefined) {
      throw new Error('The development issuer key file holds no EC key; delete it to make a new key');
    }
    const publicJwk: DevPublicJwk = { kty, crv, x, y, kid: stored.kid, alg: DEV_ISSUER_ALG, use: 'sig' };
    return new DevIssuer(settings, stored.kid, privateKey, publicJwk);
  }

  /** The JWKS document a verifier (ours, or another service's) fetches. */
  jwks(): { keys: DevPublicJwk[] } {
    return { keys: [this.publicJwk] };
  }

  /** Signs a token for `claims` that expires after the configured lifetime. */
  async sign(claims: DevTokenClaims): Promise<DevToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.settings.ttlSeconds;
    const token = await new SignJWT({ email: claims.email, [ROLES_CLAIM]: claims.roles })
      .setProtectedHeader({ alg: DEV_ISSUER_ALG, kid: this.kid, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(claims.subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}

async function loadOrCreateKey(file: string): Promise<StoredKey> {
  try {
    return parseStoredKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(DEV_ISSUER_ALG, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const stored: StoredKey = { kid: await calculateJwkThumbprint(privateJwk), privateJwk };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Several processes (API instances, parallel test files) may start at once: the key is
  // written aside and linked into place, which fails if another process got there first, in
  // which case everyone uses that one.
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(draft, JSON.stringify(stored), { mode: 0o600 });
  try {
    await link(draft, file);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseStoredKey(await readFile(file, 'utf8'));
  } finally {
    await unlink(draft);
  }
}

function parseStoredKey(text: string): StoredKey {
  const parsed = JSON.parse(text) as Partial<StoredKey>;
  if (typeof parsed.kid !== 'string' || typeof parsed.privateJwk !== 'object' || parsed.privateJwk === null) {
    throw new Error('The development issuer key file is damaged; delete it to make a new key');
  }
  return { kid: parsed.kid, privateJwk: parsed.privateJwk };
}
