import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { buildTestApp } from './support/test-app.js';
import { expectError } from './support/responses.js';
import { bearer, foreignToken } from './support/tokens.js';

// An OIDC provider stand-in: a JWKS over HTTP, as Cognito publishes one.
let provider: Server;
let privateKey: CryptoKey;
let app: FastifyInstance;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK((await generateKeyPair('RS256')).publicKey)), kid: 'other' };
  const own = { ...(await exportJWK(pair.publicKey)), kid: 'main', alg: 'RS256', use: 'sig' };
  provider = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk, own] }));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const address = provider.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  app = await buildTestApp({
    AUTH_DEV_ISSUER: 'false',
    AUTH_JWKS_URL: `http://127.0.0.1:${address.port}/jwks.json`,
    AUTH_ISSUER: 'https://idp.example/pool',
  });
});
afterAll(async () => {
  await app.close();
  await new Promise<void>((resolve) => provider.close(() => resolve()));
});

describe('tokens from an outside OIDC provider', () => {
  it('accepts a token signed with a key from the provider JWKS, reading Cognito groups as roles', async () => {
    const token = await new SignJWT({ 'cognito:groups': ['creator', 'beta-testers'], email: 'idp-user@example.com' })
      .setProtectedHeader({ alg: 'RS256', kid: 'main' })
      .setIssuer('https://idp.example/pool')
      .setAudience(app.config.auth.audience)
      .setSubject('idp-subject-1')
      .setExpirationTime('5m')
      .sign(privateKey);
    const response = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ subject: 'idp-subject-1', roles: ['creator'], user: null });
  });

  it('rejects a token signed by a key the provider does not publish', async () => {
    const forged = await foreignToken(app.config);
    expectError(await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(forged) }), 401, 'invalid_token');
  });
});
