import { defineEntity, p } from '@mikro-orm/core';
import { instant } from './columns.js';

const OidcPayloadSchema = defineEntity({
  name: 'OidcPayload',
  tableName: 'oidc_payloads',
  indexes: [{ properties: ['grantId'] }, { properties: ['uid'] }],
  properties: {
    /** The provider's model (`Session`, `Grant`, `RefreshToken`, `AuthorizationCode`, …). */
    model: p.string().length(40).primary(),
    /** The model's id (a token's jti, a session's id). */
    id: p.string().length(200).primary(),
    /** What the provider stores for it, as it gave it. */
    payload: p.json<Record<string, unknown>>(),
    /** The grant it belongs to, so revoking a grant ends every token of it. */
    grantId: p.string().length(200).nullable(),
    /** A session's uid, by which the provider looks sessions up. */
    uid: p.string().length(200).nullable(),
    /** A device flow's user code. */
    userCode: p.string().length(200).nullable(),
    /** When it stops existing; null: never. */
    expiresAt: instant().nullable().index(),
    /** When a one-time token (code, rotated refresh token) was used. */
    consumedAt: instant().nullable(),
  },
});

/**
 * What the identity service's OpenID Connect provider keeps (sessions, grants, codes, refresh
 * tokens), so sign-ins survive a restart and several instances share them. Platform-level.
 */
export class OidcPayload extends OidcPayloadSchema.class {}
OidcPayloadSchema.setClass(OidcPayload);

/** Metadata of `OidcPayload`. */
export { OidcPayloadSchema };
