import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@fanfare/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs locally with no variables at all, on the documented defaults', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/fanfare');
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      uiUrl: 'http://127.0.0.1:8233',
    });
    expect(config.api.port).toBe(3000);
    expect(config.auth.devIssuer).toBe(true);
    expect(config.blobs.backend).toBe('fs');
    expect(config.platformDomain).toBe('fanfare.localhost');
  });

  it('names every bad variable at once, with the value it got', () => {
    let error: unknown;
    try {
      loadConfig({ API_PORT: 'abc', TEMPORAL_ADDRESS: 'nope', DATABASE_URL: 'mysql://x/y', BLOB_BACKEND: 'ftp' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('API_PORT: must be an integer from 0 to 65535 (got "abc")');
    expect(message).toContain('TEMPORAL_ADDRESS: must be host:port (got "nope")');
    expect(message).toContain('DATABASE_URL: must use postgres or postgresql');
    expect(message).toContain('BLOB_BACKEND: must be one of fs, s3 (got "ftp")');
  });

  it.each([
    [{ API_PORT: '70000' }, 'API_PORT'],
    [{ FANFARE_ENV: 'staging' }, 'FANFARE_ENV'],
    [{ AUTH_DEV_ISSUER: 'maybe' }, 'AUTH_DEV_ISSUER'],
    [{ STRIPE_API_BASE: 'not a url' }, 'STRIPE_API_BASE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BLOB_BACKEND: 's3' }, 'S3_BUCKET'],
    [{ AUTH_DEV_ISSUER: 'false' }, 'AUTH_JWKS_URL'],
    [{ API_TRUST_PROXY: 'the load balancer' }, 'API_TRUST_PROXY'],
    [{ DOWNLOAD_SIGNING_KEYS: 'k1:short' }, 'DOWNLOAD_SIGNING_KEYS'],
    [{ DOWNLOAD_SIGNING_KEYS: `k1:${'x'.repeat(32)},k1:${'y'.repeat(32)}` }, 'DOWNLOAD_SIGNING_KEYS'],
    [{ CHECKOUT_PAYMENT_WINDOW_SECONDS: '1' }, 'CHECKOUT_PAYMENT_WINDOW_SECONDS'],
    [{ SELLER_COUNTRY: 'Ireland' }, 'SELLER_COUNTRY'],
    [{ VAT_ID_VERIFIER: 'trust-me' }, 'VAT_ID_VERIFIER'],
    [{ FX_FEED_URL: 'ftp://rates' }, 'FX_FEED_URL'],
    [{ STRIPE_PUBLISHABLE_KEY: 'sk_test_fanfarelocal' }, 'STRIPE_PUBLISHABLE_KEY'],
    [{ STRIPE_PUBLISHABLE_KEY: 'pk_live_abc123' }, 'STRIPE_PUBLISHABLE_KEY'],
  ])('refuses %o, naming %s', (env, variable) => {
    expect(problemsOf(env)).toContain(variable);
  });

  it('reads an optional Stripe publishable key in the secret key’s mode', () => {
    expect(loadConfig({}).stripe.publishableKey).toBeUndefined();
    expect(loadConfig({ STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123' }).stripe.publishableKey).toBe('pk_test_abc123');
  });

  it.each([
    [undefined, false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
  ])('reads API_TRUST_PROXY=%s as %o', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { API_TRUST_PROXY: value }).api.trustProxy).toEqual(expected);
  });

  it('demands real secrets and an OIDC provider in production, and no development issuer', () => {
    const problems = problemsOf({ FANFARE_ENV: 'production', AUTH_DEV_ISSUER: 'true' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'AUTH_DEV_ISSUER',
        'DATABASE_URL',
        'AUTH_ISSUER',
        'STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET',
        'DOWNLOAD_SIGNING_KEYS',
      ]),
    );
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      FANFARE_ENV: 'production',
      DATABASE_URL: 'postgres://app@db.internal:5432/fanfare',
      AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/pool',
      AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      BLOB_BACKEND: 's3',
      S3_BUCKET: 'fanfare-media',
      PLATFORM_DOMAIN: 'Fanfare.Shop',
      DOWNLOAD_SIGNING_KEYS: `2026b:${'b'.repeat(40)},2026a:${'a'.repeat(40)}`,
    });
    expect(config.downloads.signingKeys.map((key) => key.id)).toEqual(['2026b', '2026a']);
    expect(config.auth.devIssuer).toBe(false);
    expect(config.api.corsOrigins).toEqual([]);
    expect(config.blobs).toMatchObject({ backend: 's3', bucket: 'fanfare-media', region: 'us-east-1' });
    expect(config.platformDomain).toBe('fanfare.shop');
  });
});
