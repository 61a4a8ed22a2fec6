import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The provider's secrets: its token signing key and the keys its cookies are signed with. */
export interface IdentitySecrets {
  signingJwk: JWK;
  cookieKeys: string[];
}

/**
 * Loads the provider's secrets from `<dataDir>/identity/secrets.json`, creating them on first
 * start, so tokens and sessions survive a restart. Written aside and linked into place, so two
 * processes starting at once agree on one set.
 */
export async function loadOrCreateSecrets(dataDir: string): Promise<IdentitySecrets> {
  const file = path.join(dataDir, 'identity', 'secrets.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IdentitySecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const secrets: IdentitySecrets = {
    signingJwk: { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'ES256', use: 'sig' },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(draft, JSON.stringify(secrets), { mode: 0o600 });
  try {
    await link(draft, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(await readFile(file, 'utf8')) as IdentitySecrets;
  } finally {
    await unlink(draft);
  }
}
