import { Type } from 'typebox';
import { ROLES } from '@fanfare/domain';
import { UserView } from './me.js';

/** `POST /v1/dev/token` body. */
export const DevTokenBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    role: Type.Enum(ROLES),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false },
);

/** `POST /v1/dev/token` answer. */
export const DevTokenResponse = Type.Object(
  {
    token: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
    user: UserView,
    creator: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), slug: Type.String() }), Type.Null()], {
      description: "The caller's creator profile in the storefront the Host names, for creator tokens",
    }),
  },
  { title: 'DevToken' },
);

/** `GET /v1/dev/jwks.json`: the local issuer's public keys. */
export const JwksResponse = Type.Object(
  {
    keys: Type.Array(
      Type.Object({
        kty: Type.String(),
        crv: Type.String(),
        x: Type.String(),
        y: Type.String(),
        kid: Type.String(),
        alg: Type.String(),
        use: Type.String(),
      }),
    ),
  },
  { title: 'JWKS' },
);
