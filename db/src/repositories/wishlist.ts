import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WishlistItem } from '../entities/wishlist-item.entity.js';
import { forTenant } from '../tenancy/tenant-scope.js';

/** One add or remove of a product on a buyer's wishlist, as the buyer's device made it. */
export interface WishlistChange {
  tenantId: string;
  userId: string;
  productId: string;
  inWishlist: boolean;
  changedAt: Date;
}

/**
 * Records `change` unless the stored one is as new or newer (last writer wins by `changedAt`).
 * One INSERT … ON CONFLICT … WHERE statement, so concurrent changes cannot interleave between a
 * read and a write: whatever the arrival order, the newest change is what stays. True when this
 * change became the stored one; false when it was older than (or a replay of) what is stored.
 */
export async function recordWishlistChange(em: EntityManager, change: WishlistChange): Promise<boolean> {
  const table = em.getMetadata().get(WishlistItem).tableName;
  const rows = await em.getConnection().execute<Array<{ id: string }>>(
    `insert into "${table}" ("id", "tenant_id", "user_id", "product_id", "in_wishlist", "changed_at")
     values (?, ?, ?, ?, ?, ?::timestamptz)
     on conflict ("tenant_id", "user_id", "product_id") do update
       set "in_wishlist" = excluded."in_wishlist", "changed_at" = excluded."changed_at"
       where excluded."changed_at" > "${table}"."changed_at"
     returning "id"`,
    [randomUUID(), change.tenantId, change.userId, change.productId, change.inWishlist, change.changedAt.toISOString()],
    'all',
    em.getTransactionContext(),
  );
  return rows.length === 1;
}

/** The products on a buyer's wishlist in one storefront, most recently added first. */
export async function listWishlist(
  em: EntityManager,
  tenantId: string,
  userId: string,
): Promise<Array<{ productId: string; addedAt: Date }>> {
  const items = await forTenant(em, tenantId).find(
    WishlistItem,
    { userId, inWishlist: true },
    { orderBy: { changedAt: 'desc', productId: 'asc' } },
  );
  return items.map((item) => ({ productId: item.productId, addedAt: item.changedAt }));
}
