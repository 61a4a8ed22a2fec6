import { Type } from 'typebox';

/** A file the owner of a product can download. */
const LibraryAssetView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
});

/** One thing the buyer owns, with what it lets them do and its files. */
export const LibraryEntitlementView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    orderId: Type.String({ format: 'uuid' }),
    status: Type.Enum(['active', 'revoked', 'expired']),
    grantedAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    eulaVersion: Type.String(),
    rights: Type.Object({
      download: Type.Boolean(),
      stream: Type.Boolean(),
      deviceLimit: Type.Integer(),
      downloadLimit: Type.Integer(),
      usageCap: Type.Optional(Type.Integer()),
      usageUsed: Type.Integer(),
    }),
    product: Type.Object({
      id: Type.String({ format: 'uuid' }),
      title: Type.String(),
      slug: Type.String(),
      kind: Type.Enum(['digital', 'token_pack', 'subscription']),
      mediaType: Type.Enum(['music', 'ebook', 'video', 'podcast', 'tokens', 'membership']),
    }),
    assets: Type.Array(LibraryAssetView),
  },
  { title: 'LibraryEntitlement' },
);

/** `GET /v1/me/entitlements`. */
export const LibraryResponse = Type.Object({ entitlements: Type.Array(LibraryEntitlementView) }, { title: 'Library' });
