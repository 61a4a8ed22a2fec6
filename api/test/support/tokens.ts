import { generateKeyPair, SignJWT } from 'jose';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@fanfare/domain';
import type { FanfareConfig } from '@fanfare/config';

/** A token from the app's own development issuer, via its HTTP endpoint. */
export async function devToken(
  app: FastifyInstance,
  email: string,
  role: Role,
  host?: string,
): Promise<{ token: string; userId: string; creatorId: string | null }> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/dev/token',
    headers: host === undefined ? {} : { host },
    payload: { email, role },
  });
  if (response.statusCode !== 200) throw new Error(`dev token failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ token: string; user: { id: string }; creator: { id: string } | null }>();
  return { token: body.token, userId: body.user.id, creatorId: body.creator?.id ?? null };
}

/** What to get wrong in a hand-made token. */
export interface ForgeOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  roles?: string[];
}

/**
 * A well-formed ES256 token signed by a key the API has never seen, with the app's issuer and
 * audience unless told otherwise. Also used, with `signWith`, to sign with the real key.
 */
export async function foreignToken(config: FanfareConfig, options: ForgeOptions = {}): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: options.roles ?? ['buyer'] })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(options.issuer ?? config.auth.issuer)
    .setAudience(options.audience ?? config.auth.audience)
    .setSubject('someone')
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(privateKey);
}

/** Bearer authorization headers. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
