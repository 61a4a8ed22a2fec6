import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { forPlatform, tokenRolesOf, User, type EntityManager } from '@fanfare/db';
import { PostgresAdapter } from './postgres-adapter.js';
import type { IdentitySecrets } from './signing-keys.js';

/** The first-party public client: storefronts and console sign in through it with PKCE. */
export const WEB_CLIENT_ID = 'fanfare-web';

/** The scope every Fanfare API access token carries. */
export const API_SCOPE = 'api';

/** What the provider needs to know. */
export interface ProviderSettings {
  issuer: string;
  /** The API's resource indicator (its public URL): access tokens are JWTs for this resource. */
  apiResource: string;
  /** The `aud` of those tokens (`AUTH_AUDIENCE`), which the API checks. */
  apiAudience: string;
  redirectUris: string[];
  accessTokenTtlSeconds: number;
  secrets: IdentitySecrets;
  em: EntityManager;
  /** Cookies marked Secure only when the issuer is HTTPS (local runs are plain HTTP). */
  secureCookies: boolean;
}

async function userById(em: EntityManager, id: string): Promise<User | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return forPlatform(em).findOne(User, { id });
}

/**
 * An OpenID Connect provider (the certified `oidc-provider`) for Fanfare's own apps: one public
 * client with Authorization Code + PKCE (required for public clients), refresh tokens that rotate
 * on every use, and access tokens issued as ES256 JWTs for the API's audience carrying the
 * account's email and roles, so the API verifies them through the provider's JWKS like any
 * other issuer's. Consent is implicit: every client is first-party. State lives in PostgreSQL.
 */
export function createProvider(settings: ProviderSettings): Provider {
  const configuration: Configuration = {
    adapter: (model: string) => new PostgresAdapter(model, settings.em),
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: settings.redirectUris,
        post_logout_redirect_uris: settings.redirectUris.map((uri) => new URL('/', uri).href),
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [settings.secrets.signingJwk as never] },
    cookies: {
      keys: settings.secrets.cookieKeys,
      long: { secure: settings.secureCookies },
      short: { secure: settings.secureCookies },
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email', 'offline_access', API_SCOPE],
    // Authorization Code only: no implicit or hybrid flows that put tokens in a URL.
    responseTypes: ['code'],
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => settings.apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== settings.apiResource) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: settings.apiAudience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: settings.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 86_400,
      Grant: 14 * 86_400,
      RefreshToken: 14 * 86_400,
    },
    // A web client gets refresh tokens without the offline_access + consent dance: they rotate,
    // and the session they hang on ends at sign-out.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { Grant } = ctx.oidc.provider;
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (session?.accountId === undefined || client === undefined) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return Grant.find(existing);
      const grant = new Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email offline_access');
      grant.addResourceScope(settings.apiResource, API_SCOPE);
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    async findAccount(_ctx, sub) {
      const user = await userById(settings.em, sub);
      if (user === null) return undefined;
      return { accountId: user.id, claims: async () => ({ sub: user.id, email: user.email, email_verified: true }) };
    },
    // The API reads email and roles from the access token and re-checks them on each request.
    // Roles come from memberships (roles as data), plus what users.roles still grants.
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || token.accountId === undefined) return undefined;
      const user = await userById(settings.em, token.accountId);
      if (user === null) return undefined;
      const roles = new Set([...(await tokenRolesOf(settings.em, user.id)), ...user.roles]);
      return { email: user.email, roles: [...roles] };
    },
    renderError(ctx, out) {
      ctx.type = 'json';
      ctx.body = { error: { code: out.error, message: out.error_description ?? out.error } };
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  provider.proxy = true;
  return provider;
}
