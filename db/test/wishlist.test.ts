import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWishlist, recordWishlistChange, type MikroORM } from '../src/index.js';
import { createSampleTenant, openOrm, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let shop: SampleTenant;

beforeAll(async () => {
  orm = await openOrm();
  shop = await createSampleTenant(orm.em, 'wishlist');
});
afterAll(() => orm.close(true));

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));

describe('wishlist changes, last writer wins by changedAt', () => {
  it('applies a newer change, refuses an older one or a replay', async () => {
    const change = { tenantId: shop.tenant.id, userId: randomUUID(), productId: shop.productId };
    expect(await recordWishlistChange(orm.em.fork(), { ...change, inWishlist: true, changedAt: at(10) })).toBe(true);
    expect(await recordWishlistChange(orm.em.fork(), { ...change, inWishlist: true, changedAt: at(10) })).toBe(false);
    expect(await recordWishlistChange(orm.em.fork(), { ...change, inWishlist: false, changedAt: at(5) })).toBe(false);
    expect(await listWishlist(orm.em.fork(), shop.tenant.id, change.userId)).toEqual([
      { productId: shop.productId, addedAt: at(10) },
    ]);
    expect(await recordWishlistChange(orm.em.fork(), { ...change, inWishlist: false, changedAt: at(11) })).toBe(true);
    expect(await listWishlist(orm.em.fork(), shop.tenant.id, change.userId)).toEqual([]);
  });

  it('keeps the newest of many concurrent changes whatever order they land in', async () => {
    const change = { tenantId: shop.tenant.id, userId: randomUUID(), productId: shop.productId };
    const seconds = [3, 17, 8, 1, 20, 12, 5, 19, 2, 14];
    // Even seconds add, odd ones remove: the newest (20) is an add.
    const applied = await Promise.all(
      seconds.map((s) => recordWishlistChange(orm.em.fork(), { ...change, inWishlist: s % 2 === 0, changedAt: at(s) })),
    );
    expect(applied.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await listWishlist(orm.em.fork(), shop.tenant.id, change.userId)).toEqual([
      { productId: shop.productId, addedAt: at(20) },
    ]);
    expect(await recordWishlistChange(orm.em.fork(), { ...change, inWishlist: false, changedAt: at(19) })).toBe(false);
  });
});
