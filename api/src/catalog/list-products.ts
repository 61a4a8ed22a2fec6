import { Product, type EntityManager } from '@fanfare/db';
import type { FilterQuery } from '@mikro-orm/core';
import type { ProductViewData } from '../schemas/catalog.js';
import { encodeCursor, type CatalogCursor } from './catalog-cursor.js';
import { productViews } from './product-views.js';

/** A catalog query: page size, where the previous page ended, an optional media filter. */
export interface CatalogQuery {
  limit: number;
  after: CatalogCursor | undefined;
  mediaType: Product['mediaType'] | undefined;
}

/**
 * One page of a storefront's buyable products, newest first. Keyset pagination on
 * (createdAt, id), so pages stay stable while products are added.
 */
export async function listCatalogProducts(
  em: EntityManager,
  query: CatalogQuery,
): Promise<{ items: ProductViewData[]; nextCursor: string | null }> {
  const where: FilterQuery<Product> = { status: 'active' };
  if (query.mediaType !== undefined) where.mediaType = query.mediaType;
  if (query.after !== undefined) {
    where.$or = [
      { createdAt: { $lt: query.after.createdAt } },
      { createdAt: query.after.createdAt, id: { $lt: query.after.id } },
    ];
  }
  // One extra row tells whether another page exists without a count query.
  const rows = await em.find(Product, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await productViews(em, page),
    nextCursor:
      rows.length > query.limit && last !== undefined ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
