import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ConfigError, EnvReader, type Env } from './readers.js';
import { readMailConfig, type MailConfig } from './mail-config.js';
import { readIdentityConfig, type IdentityConfig } from './identity-config.js';

/** Where the product runs; development turns on the local token issuer and `X-Tenant`. */
export type FanfareEnv = 'development' | 'test' | 'production';

/** Where blobs (uploads, renditions, e-books) live. */
export type BlobConfig =
  | { backend: 'fs'; root: string }
  | { backend: 's3'; bucket: string; region: string; endpoint: string | undefined; forcePathStyle: boolean };

/** The whole typed configuration shared by the API, the worker and the scripts. */
export interface FanfareConfig {
  env: FanfareEnv;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  databaseUrl: string;
  temporal: { address: string; namespace: string; uiUrl: string };
  api: {
    host: string;
    port: number;
    publicUrl: string;
    bodyLimitBytes: number;
    corsOrigins: string[];
    /**
     * Which proxies to believe about the client's address and the original Host
     * (`X-Forwarded-For`, `X-Forwarded-Host`): none, all, a hop count, or addresses/CIDRs.
     */
    trustProxy: boolean | number | string[];
    rateLimit: { max: number; windowMs: number };
  };
  /** Storefronts live at `<handle>.<platformDomain>`. */
  platformDomain: string;
  auth: {
    issuer: string;
    audience: string;
    /** Remote JWKS of the OIDC provider; absent in development, where the local issuer signs. */
    jwksUrl: string | undefined;
    devIssuer: boolean;
    devTokenTtlSeconds: number;
  };
  blobs: BlobConfig;
  stripe: {
    secretKey: string;
    webhookSecret: string;
    /** Set to talk to stripe-mock or another Stripe-compatible host instead of api.stripe.com. */
    apiBase: string | undefined;
    /** `pk_test_…`/`pk_live_…`, baked into the storefront build for Stripe's Payment Element; absent: no card form. */
    publishableKey: string | undefined;
  };
  search: { meiliUrl: string | undefined; meiliKey: string | undefined };
  checkout: {
    /** How long a checkout waits for the payment result before it expires and compensates. */
    paymentWindowSeconds: number;
    /** How long after payment a checkout keeps listening for refunds and disputes. */
    aftercareDays: number;
  };
  downloads: {
    /** HMAC keys for download tokens; the first signs, all verify (rotation). */
    signingKeys: { id: string; secret: string }[];
    linkTtlSeconds: number;
    /** Link creations allowed per user, and per IP, per minute. */
    linksPerMinute: number;
  };
  /** The money engine's outside world: the seller of record, VAT id checks, the FX feed. */
  money: {
    /** Printed on every invoice; reverse charge is judged against its country. */
    seller: { name: string; addressLines: string[]; country: string; vatId: string | undefined };
    /** `vies` asks the EU registry; `none` accepts well-formed ids and says they were not verified. */
    vatIdVerifier: 'vies' | 'none';
    /** VIES REST base URL; undefined means the Commission's own. */
    viesApiBase: string | undefined;
    /** ECB-format reference-rate feed; undefined means the ECB's daily file. */
    fxFeedUrl: string | undefined;
  };
  /** The local edge that serves the built storefronts (CloudFront in production). */
  site: { host: string; port: number };
  /** The media tools the worker and the seeder run. */
  media: { ffmpegPath: string; ffprobePath: string };
  /** Transactional mail (`config/src/mail-config.ts`). */
  mail: MailConfig;
  /** The local OpenID Connect provider (`config/src/identity-config.ts`). */
  identity: IdentityConfig;
}

/** An ISO 3166-1 alpha-2 country code, upper-cased. */
function readCountry(read: EnvReader, name: string, fallback: string): string {
  const value = read.string(name, fallback).toUpperCase();
  read.require(/^[A-Z]{2}$/.test(value), name, `must be a two-letter country code (got "${value}")`);
  return value;
}

/**
 * `STRIPE_PUBLISHABLE_KEY`: optional, shaped `pk_test_…` or `pk_live_…`, and in the same mode as
 * the secret key (a test key beside a live one would show a card form that can never succeed).
 */
function readPublishableKey(read: EnvReader, secretKey: string): string | undefined {
  const key = read.optional('STRIPE_PUBLISHABLE_KEY');
  if (key === undefined) return undefined;
  const mode = /^pk_(test|live)_[A-Za-z0-9]+$/.exec(key)?.[1];
  read.require(
    mode !== undefined,
    'STRIPE_PUBLISHABLE_KEY',
    `must look like pk_test_… or pk_live_… (got "${key.slice(0, 12)}…")`,
  );
  const secretMode = /^[sr]k_(test|live)_/.exec(secretKey)?.[1];
  read.require(
    mode === undefined || secretMode === undefined || mode === secretMode,
    'STRIPE_PUBLISHABLE_KEY',
    `is a ${mode} key but STRIPE_SECRET_KEY is a ${secretMode} key`,
  );
  return key;
}

/** A URL that may be absent. */
function optionalUrl(read: EnvReader, name: string): string | undefined {
  return read.optional(name) === undefined ? undefined : read.url(name, ['http', 'https']);
}

/** `API_TRUST_PROXY`: `true`/`false`, a hop count, or a comma-separated list of addresses or CIDRs. */
function readTrustProxy(read: EnvReader): boolean | number | string[] {
  const value = read.optional('API_TRUST_PROXY');
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return read.int('API_TRUST_PROXY', 0, 0, 32);
  if (/^(true|false|yes|no|on|off)$/i.test(value)) return read.bool('API_TRUST_PROXY', false);
  const entries = read.list('API_TRUST_PROXY', []);
  read.require(
    entries.every((entry) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry)),
    'API_TRUST_PROXY',
    `must be true, false, a hop count, or IP addresses/CIDRs (got "${value}")`,
  );
  return entries;
}

/**
 * `DOWNLOAD_SIGNING_KEYS`: `id:secret` pairs separated by commas, newest first; secrets of at
 * least 32 characters. Development gets a fixed local key so links survive restarts.
 */
function readSigningKeys(read: EnvReader, production: boolean): { id: string; secret: string }[] {
  const entries = read.list(
    'DOWNLOAD_SIGNING_KEYS',
    production ? [] : ['dev1:fanfare-local-download-signing-key-0001'],
  );
  read.require(entries.length > 0, 'DOWNLOAD_SIGNING_KEYS', 'is required in production');
  const keys = entries.map((entry) => {
    const colon = entry.indexOf(':');
    return { id: entry.slice(0, colon), secret: entry.slice(colon + 1) };
  });
  read.require(
    keys.every((key) => /^[A-Za-z0-9_-]{1,32}$/.test(key.id) && key.secret.length >= 32),
    'DOWNLOAD_SIGNING_KEYS',
    'must be id:secret pairs with ids of letters, digits, _ or - and secrets of 32 characters or more',
  );
  read.require(new Set(keys.map((key) => key.id)).size === keys.length, 'DOWNLOAD_SIGNING_KEYS', 'has a key id twice');
  return keys;
}

/** The repository root, for defaults such as `.data/`. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Reads and validates the environment. Throws one `ConfigError` naming every bad variable,
 * so a service fails at start rather than on its first request.
 */
export function loadConfig(env: Env = process.env): FanfareConfig {
  const read = new EnvReader(env);
  const mode = read.oneOf<FanfareEnv>('FANFARE_ENV', ['development', 'test', 'production'], 'development');
  const production = mode === 'production';
  const dataDir = path.resolve(read.string('FANFARE_DATA_DIR', path.join(repoRoot, '.data')));
  const host = read.string('API_HOST', '127.0.0.1');
  const port = read.int('API_PORT', 3000, 0, 65535);

  const blobBackend = read.oneOf('BLOB_BACKEND', ['fs', 's3'], 'fs');
  const blobs: BlobConfig =
    blobBackend === 's3'
      ? {
          backend: 's3',
          bucket: read.string('S3_BUCKET'),
          region: read.string('S3_REGION', 'us-east-1'),
          endpoint: read.optional('S3_ENDPOINT'),
          forcePathStyle: read.bool('S3_FORCE_PATH_STYLE', false),
        }
      : { backend: 'fs', root: path.resolve(read.string('BLOB_DIR', path.join(dataDir, 'blobs'))) };

  const devIssuer = read.bool('AUTH_DEV_ISSUER', !production);
  const jwksUrl = read.optional('AUTH_JWKS_URL');
  read.require(!(production && devIssuer), 'AUTH_DEV_ISSUER', 'must be false in production');
  read.require(devIssuer || jwksUrl !== undefined, 'AUTH_JWKS_URL', 'is required when the development issuer is off');
  if (jwksUrl !== undefined) read.url('AUTH_JWKS_URL', ['https', 'http']);

  const stripeApiBase = optionalUrl(read, 'STRIPE_API_BASE');
  // stripe-mock accepts only `sk_test_<letters and digits>`, so the local default has that shape.
  const stripeSecretKey = read.string('STRIPE_SECRET_KEY', production ? undefined : 'sk_test_fanfarelocal');
  const meiliUrl = optionalUrl(read, 'MEILI_URL');
  const platformDomain = read.string('PLATFORM_DOMAIN', 'fanfare.localhost').toLowerCase();
  const site = { host: read.string('SITE_HOST', '127.0.0.1'), port: read.int('SITE_PORT', 4321, 0, 65535) };

  const config: FanfareConfig = {
    env: mode,
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      mode === 'test' ? 'silent' : 'info',
    ),
    dataDir,
    databaseUrl: production
      ? read.url('DATABASE_URL', ['postgres', 'postgresql'])
      : read.url('DATABASE_URL', ['postgres', 'postgresql'], 'postgres://postgres@127.0.0.1:5432/fanfare'),
    temporal: {
      address: read.hostPort('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: read.string('TEMPORAL_NAMESPACE', 'default'),
      uiUrl: read.url('TEMPORAL_UI_URL', ['http', 'https'], 'http://127.0.0.1:8233'),
    },
    api: {
      host,
      port,
      publicUrl: read.url('API_PUBLIC_URL', ['http', 'https'], `http://${host}:${port}`),
      bodyLimitBytes: read.int('API_BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
      corsOrigins: read.list('CORS_ORIGINS', production ? [] : ['*']),
      trustProxy: readTrustProxy(read),
      rateLimit: {
        max: read.int('RATE_LIMIT_MAX', 300, 1, 1_000_000),
        windowMs: read.int('RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
      },
    },
    platformDomain,
    auth: {
      issuer: read.string('AUTH_ISSUER', production ? undefined : 'https://auth.fanfare.localhost'),
      audience: read.string('AUTH_AUDIENCE', 'fanfare-api'),
      jwksUrl,
      devIssuer,
      devTokenTtlSeconds: read.int('AUTH_DEV_TOKEN_TTL_SECONDS', 3600, 10, 2_592_000),
    },
    blobs,
    stripe: {
      secretKey: stripeSecretKey,
      webhookSecret: read.string('STRIPE_WEBHOOK_SECRET', production ? undefined : 'whsec_fanfare_local'),
      apiBase: stripeApiBase,
      publishableKey: readPublishableKey(read, stripeSecretKey),
    },
    search: { meiliUrl, meiliKey: read.optional('MEILI_KEY') },
    checkout: {
      paymentWindowSeconds: read.int('CHECKOUT_PAYMENT_WINDOW_SECONDS', 1800, 5, 7 * 86_400),
      aftercareDays: read.int('CHECKOUT_AFTERCARE_DAYS', 180, 0, 730),
    },
    downloads: {
      signingKeys: readSigningKeys(read, production),
      linkTtlSeconds: read.int('DOWNLOAD_LINK_TTL_SECONDS', 900, 10, 86_400),
      linksPerMinute: read.int('DOWNLOAD_LINKS_PER_MINUTE', 30, 1, 10_000),
    },
    money: {
      seller: {
        name: read.string('SELLER_NAME', 'Fanfare Marketplace Ltd'),
        addressLines: (read.optional('SELLER_ADDRESS') ?? '')
          .split(';')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        country: readCountry(read, 'SELLER_COUNTRY', 'IE'),
        vatId: read.optional('SELLER_VAT_ID'),
      },
      vatIdVerifier: read.oneOf('VAT_ID_VERIFIER', ['vies', 'none'], production ? 'vies' : 'none'),
      viesApiBase: optionalUrl(read, 'VIES_API_BASE'),
      fxFeedUrl: optionalUrl(read, 'FX_FEED_URL'),
    },
    site,
    media: { ffmpegPath: read.string('FFMPEG_PATH', 'ffmpeg'), ffprobePath: read.string('FFPROBE_PATH', 'ffprobe') },
    mail: readMailConfig(read, { production, platformDomain, sitePort: site.port }),
    identity: readIdentityConfig(read, { sitePort: site.port }),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
