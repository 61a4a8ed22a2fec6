import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@fanfare/config';
import { createOrm, forPlatform, grantMembership, User, type MikroORM } from '@fanfare/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createTokenVerifier } from '../../api/src/auth/token-verifier.js';
import { MailpitInbox } from '../../scripts/test-support/mailpit-inbox.js';
import { type IdentityServer, startIdentityServer } from '../src/server.js';

const REDIRECT_URI = 'http://127.0.0.1:5999/callback';
let orm: MikroORM;
let identity: IdentityServer;
let inbox: MailpitInbox;

const dataDir = mkdtempSync(path.join(tmpdir(), 'fanfare-identity-'));

/** The provider's configuration for this file; port 0 picks a free port. */
function identityConfig(port = 0) {
  return loadConfig({
    FANFARE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FANFARE_DATA_DIR: dataDir,
    DATABASE_URL: inject('databaseUrl'),
    SMTP_URL: inject('smtpUrl'),
    IDENTITY_PORT: String(port),
    IDENTITY_REDIRECT_URIS: REDIRECT_URI,
  });
}

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'), { pool: { min: 0, max: 6 } });
  identity = await startIdentityServer(identityConfig(), { orm });
  inbox = new MailpitInbox(inject('mailpitApiBase'));
});
afterAll(async () => {
  await identity?.close();
  await orm?.close(true);
});

/** A browser as far as the provider can tell: cookies kept, redirects seen one by one. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async go(url: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(new URL(url, identity.issuer), {
      method: form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** Starts an Authorization Code + PKCE request and follows it to the sign-in interaction. */
async function startSignIn(browser: Browser, verifier: string) {
  const state = base64url(randomBytes(12));
  const authorize = new URL('/auth', identity.issuer);
  authorize.search = new URLSearchParams({
    client_id: 'fanfare-web',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid email',
    state,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const toInteraction = await browser.go(authorize.href);
  expect(toInteraction.status).toBe(303);
  const interaction = toInteraction.headers.get('location') ?? '';
  expect(interaction).toMatch(/^\/interaction\/[\w-]+$/);
  const form = await browser.go(interaction);
  expect(form.status).toBe(200);
  expect(await form.text()).toContain('name="email"');
  return { interaction, state };
}

async function codeFromMail(email: string, count = 1): Promise<string> {
  const letters = await inbox.waitFor(email, count);
  expect(letters).toHaveLength(count);
  return /(\d{6})$/.exec(letters[0]?.Subject ?? '')?.[1] ?? '';
}

/** Signs `email` in end to end and returns the authorization code the app's callback receives. */
async function signIn(browser: Browser, email: string, verifier: string): Promise<string> {
  const { interaction, state } = await startSignIn(browser, verifier);
  expect((await browser.go(`${interaction}/email`, { email })).status).toBe(200);
  const code = await codeFromMail(email.toLowerCase());
  const resume = await browser.go(`${interaction}/code`, { code });
  expect(resume.status).toBe(303);
  const callback = await browser.go(resume.headers.get('location') ?? '');
  expect(callback.status).toBe(303);
  const location = new URL(callback.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  expect(location.searchParams.get('state')).toBe(state);
  return location.searchParams.get('code') ?? '';
}

function token(params: Record<string, string>) {
  return fetch(new URL('/token', identity.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'fanfare-web', ...params }).toString(),
  });
}

const someone = () => `reader-${randomUUID().slice(0, 8)}@example.com`;

describe('identity: passwordless sign-in over OIDC (real Mailpit, real PostgreSQL)', () => {
  it('signs a new reader in with a mailed code, PKCE and rotating refresh tokens the API accepts', async () => {
    const email = someone();
    const verifier = base64url(randomBytes(32));
    const code = await signIn(new Browser(), email.toUpperCase(), verifier);

    const issued = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    expect(issued.status).toBe(200);
    const tokens = (await issued.json()) as { access_token: string; refresh_token: string; id_token: string };
    expect(tokens.refresh_token).toBeTruthy();

    const user = await forPlatform(orm.em).findOneOrFail(User, { email });
    const verify = createTokenVerifier({
      issuer: identity.issuer,
      audience: 'fanfare-api',
      jwksUrl: identity.jwksUrl,
      devIssuer: undefined,
    });
    expect(await verify(tokens.access_token)).toEqual({ subject: user.id, email, roles: ['buyer'] });

    // Roles are data: a storefront membership granted meanwhile shows in the next access token.
    await grantMembership(orm.em, 'system', { userId: user.id, tenantId: randomUUID(), role: 'editor' });
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(await verify(next.access_token)).toEqual({ subject: user.id, email, roles: ['buyer', 'creator'] });
    // Rotation: the spent refresh token is refused (and, being replayed, revokes the chain).
    const replayed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(replayed.status).toBe(400);
    expect(((await replayed.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('keeps sessions and refresh tokens in PostgreSQL, so they survive a restart of the provider', async () => {
    const verifier = base64url(randomBytes(32));
    const code = await signIn(new Browser(), someone(), verifier);
    const tokens = (await (
      await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier })
    ).json()) as { refresh_token: string };
    const port = Number(new URL(identity.issuer).port);
    await identity.close();
    identity = await startIdentityServer(identityConfig(port), { orm });
    expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
  });

  it('refuses a second exchange of one authorization code and revokes what the first one gave', async () => {
    const verifier = base64url(randomBytes(32));
    const code = await signIn(new Browser(), someone(), verifier);
    const exchange = () =>
      token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    const first = (await (await exchange()).json()) as { refresh_token: string };
    expect((await exchange()).status).toBe(400);
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(400);
  });

  it('refuses a code exchange with the wrong PKCE verifier', async () => {
    const verifier = base64url(randomBytes(32));
    const code = await signIn(new Browser(), someone(), verifier);
    const wrong = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: base64url(randomBytes(32)),
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('answers wrong, exhausted and unknown codes with a 4xx and a code, and tells no one who has an account', async () => {
    const browser = new Browser();
    const { interaction } = await startSignIn(browser, base64url(randomBytes(32)));
    const known = (await forPlatform(orm.em).findOneOrFail(User, { roles: { $contains: ['buyer'] } })).email;
    const page = async (email: string) =>
      (await (await browser.go(`${interaction}/email`, { email })).text()).replaceAll(email, '');
    expect(await page(known)).toBe(await page(someone()));

    const email = someone();
    await browser.go(`${interaction}/email`, { email });
    const right = await codeFromMail(email);
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i += 1) {
      const answer = await browser.go(`${interaction}/code`, { code: wrongCode });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-error-code')).toBe(
        i < 5 ? 'sign_in_code_invalid' : 'sign_in_code_attempts_exceeded',
      );
    }
    // Five wrong guesses kill the code: even the right one no longer works.
    expect((await browser.go(`${interaction}/code`, { code: right })).headers.get('x-error-code')).toBe(
      'sign_in_code_attempts_exceeded',
    );
    expect((await browser.go('/interaction/not-a-real-one/code', { code: right })).status).toBe(400);
    expect((await browser.go(`${interaction}/email`, { email: 'not an address' })).headers.get('x-error-code')).toBe(
      'email_invalid',
    );
  });

  it('limits code letters per address', async () => {
    const email = someone();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const browser = new Browser();
      const { interaction } = await startSignIn(browser, base64url(randomBytes(32)));
      const answer = await browser.go(`${interaction}/email`, { email });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.headers.get('x-error-code')).toBe('rate_limited');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await inbox.waitFor(email, 5)).toHaveLength(5);
  });
});
