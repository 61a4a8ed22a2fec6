import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors } from 'oidc-provider';
import { createMailActivities, createMailer, type Mailer } from '@fanfare/activities';
import type { FanfareConfig } from '@fanfare/config';
import { createOrm, type MikroORM } from '@fanfare/db';
import { interactionRoutes } from './interactions.js';
import { createProvider } from './provider.js';
import { SignInCodes } from './sign-in-codes.js';
import { loadOrCreateSecrets } from './signing-keys.js';

/** A running identity service. */
export interface IdentityServer {
  /** The issuer URL (also where it listens unless `IDENTITY_ISSUER` names a proxy). */
  issuer: string;
  /** Where the provider publishes its signing keys, for `AUTH_JWKS_URL`. */
  jwksUrl: string;
  close(): Promise<void>;
}

/** Adapters a caller may share (tests); by default they are made from the configuration. */
export interface IdentityServerOptions {
  orm?: MikroORM;
  mailer?: Mailer;
}

/**
 * Starts the OpenID Connect provider on `IDENTITY_HOST:IDENTITY_PORT` (port 0: any free port,
 * and the issuer follows it): the provider's own endpoints, plus the passwordless sign-in
 * interaction that mails codes through the Mailer (`sendMail`, so a code letter is recorded and
 * never sent twice for one request).
 */
export async function startIdentityServer(
  config: FanfareConfig,
  options: IdentityServerOptions = {},
): Promise<IdentityServer> {
  const orm = options.orm ?? (await createOrm(config.databaseUrl));
  const mailer = options.mailer ?? createMailer(config.mail.transport);
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(config.identity.port, config.identity.host, resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = config.identity.port === 0 ? `http://${config.identity.host}:${port}` : config.identity.issuer;

  const provider = createProvider({
    issuer,
    apiResource: config.api.publicUrl,
    apiAudience: config.auth.audience,
    redirectUris: config.identity.redirectUris,
    accessTokenTtlSeconds: config.identity.accessTokenTtlSeconds,
    secrets: await loadOrCreateSecrets(config.dataDir),
    em: orm.em,
    secureCookies: issuer.startsWith('https:'),
  });
  const mail = createMailActivities({
    em: orm.em,
    mailer,
    mailFrom: config.mail.from,
    storefrontUrlTemplate: config.mail.storefrontUrlTemplate,
  });
  const codeTtlMinutes = Math.round(config.identity.codeTtlSeconds / 60);
  const interactions = interactionRoutes({
    provider,
    em: orm.em,
    codes: new SignInCodes(config.identity.codeTtlSeconds * 1000),
    codeTtlMinutes,
    sendCode: async ({ idempotencyKey, to, code, locale }) => {
      await mail.sendMail({
        idempotencyKey,
        to,
        locale,
        letter: { kind: 'sign-in-code', code, expiresInMinutes: codeTtlMinutes },
      });
    },
  });
  const oidc = provider.callback();

  server.on('request', (request, response) => {
    interactions(request, response)
      .then((handled) => {
        if (!handled) oidc(request, response);
      })
      .catch((error: unknown) => {
        const expired =
          error instanceof errors.SessionNotFound ||
          (error instanceof Error && error.message === 'interaction mismatch');
        response.statusCode = expired ? 400 : 500;
        response.setHeader('content-type', 'application/json');
        response.setHeader('x-error-code', expired ? 'interaction_expired' : 'internal_error');
        response.end(
          JSON.stringify({
            error: expired
              ? { code: 'interaction_expired', message: 'This sign-in has expired; start again from the app' }
              : { code: 'internal_error', message: 'The sign-in failed; try again' },
          }),
        );
      });
  });

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.mailer === undefined) await mailer.close();
      if (options.orm === undefined) await orm.close();
    },
  };
}
