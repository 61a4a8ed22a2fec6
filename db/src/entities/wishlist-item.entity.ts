import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { instant, uuidPrimaryKey, uuidRef } from './columns.js';

const WishlistItemSchema = defineEntity({
  name: 'WishlistItem',
  tableName: 'wishlist_items',
  filters: tenantFilters,
  // One row per buyer and product: a removal keeps the row (inWishlist false) so that its
  // changedAt still beats an older "add" replayed late from an offline queue.
  uniques: [{ properties: ['tenantId', 'userId', 'productId'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    userId: uuidRef(),
    productId: uuidRef(),
    inWishlist: p.boolean(),
    /** When the buyer made the change on their device: last writer wins by this, not by arrival. */
    changedAt: instant(),
  },
});

/** A buyer's latest add or remove of one product on their wishlist in one storefront. */
export class WishlistItem extends WishlistItemSchema.class {}
WishlistItemSchema.setClass(WishlistItem);

/** Metadata of `WishlistItem`. */
export { WishlistItemSchema };
