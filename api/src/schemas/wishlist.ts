import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const ChangedAt = Type.String({
  format: 'date-time',
  description:
    "When the buyer made the change, by the device's clock; the newest change wins (at most 5 minutes ahead of the server)",
});

/** `:productId` of a wishlist route. */
export const WishlistParams = Type.Object({ productId: Uuid }, { additionalProperties: false });

/** `PUT /v1/me/wishlist/:productId` body. */
export const WishlistPutBody = Type.Object({ changedAt: ChangedAt }, { additionalProperties: false });

/** `DELETE /v1/me/wishlist/:productId` query. */
export const WishlistDeleteQuery = Type.Object({ changedAt: ChangedAt }, { additionalProperties: false });

/** What one add or remove did. */
export const WishlistChangeResponse = Type.Object(
  {
    productId: Uuid,
    inWishlist: Type.Boolean({ description: 'What this change asked for' }),
    changedAt: Type.String({ format: 'date-time' }),
    applied: Type.Boolean({
      description: 'False when a change as new or newer was already stored (a late or repeated replay)',
    }),
  },
  { title: 'WishlistChange' },
);

/** `GET /v1/me/wishlist`. */
export const WishlistResponse = Type.Object(
  {
    items: Type.Array(Type.Object({ productId: Uuid, addedAt: Type.String({ format: 'date-time' }) }), {
      description: 'Most recently added first',
    }),
  },
  { title: 'Wishlist' },
);
