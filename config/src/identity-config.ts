import type { EnvReader } from './readers.js';

/** The local OpenID Connect provider (`identity/`), which `npm start` runs beside the API. */
export interface IdentityConfig {
  host: string;
  port: number;
  /** The issuer URL tokens carry and clients discover (`/.well-known/openid-configuration`). */
  issuer: string;
  /** Redirect URIs of the first-party public client (`fanfare-web`): storefronts and console. */
  redirectUris: string[];
  /** Lifetime of a sign-in code. */
  codeTtlSeconds: number;
  /** Lifetime of an access token; refresh tokens rotate on every use. */
  accessTokenTtlSeconds: number;
}

/** Reads `IDENTITY_HOST`, `IDENTITY_PORT`, `IDENTITY_ISSUER`, `IDENTITY_REDIRECT_URIS` and the lifetimes. */
export function readIdentityConfig(read: EnvReader, options: { sitePort: number }): IdentityConfig {
  const host = read.string('IDENTITY_HOST', '127.0.0.1');
  const port = read.int('IDENTITY_PORT', 3001, 0, 65535);
  return {
    host,
    port,
    issuer: read.url('IDENTITY_ISSUER', ['http', 'https'], `http://${host}:${port}`).replace(/\/$/, ''),
    redirectUris: read.list('IDENTITY_REDIRECT_URIS', [
      `http://aurora.localhost:${options.sitePort}/auth/callback`,
      `http://inkwell.localhost:${options.sitePort}/auth/callback`,
    ]),
    codeTtlSeconds: read.int('IDENTITY_CODE_TTL_SECONDS', 600, 30, 3600),
    accessTokenTtlSeconds: read.int('IDENTITY_ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
  };
}
