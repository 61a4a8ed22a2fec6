import { assertPublishable } from '@fanfare/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Asset } from '../entities/asset.entity.js';
import { Product } from '../entities/product.entity.js';

/** The products whose files an owner of `product` receives: itself and everything it bundles. */
export function deliveredProductIds(product: Pick<Product, 'id' | 'bundledProductIds'>): string[] {
  return [product.id, ...(product.bundledProductIds ?? [])];
}

/** Ids of the products whose ownership reaches the files of `productId`: itself and every bundle of it. */
export async function productsDelivering(em: EntityManager, productId: string): Promise<string[]> {
  const bundles = await em.find(Product, { bundledProductIds: { $contains: [productId] } }, { fields: ['id'] });
  return [productId, ...bundles.map((bundle) => bundle.id)];
}

/**
 * Publishes `product` (status `active`) after the domain's rule: a product that promises files
 * must deliver at least one, and every product it bundles must have one. `em` must be scoped to
 * the product's tenant; pending changes are flushed first so that files just stored count.
 * Throws the domain's `product_without_files`.
 */
export async function activateProduct(em: EntityManager, product: Product): Promise<void> {
  await em.flush();
  const bundled = product.bundledProductIds ?? [];
  const files = await em.find(
    Asset,
    { productId: { $in: deliveredProductIds(product) }, kind: 'download', status: 'ready' },
    { fields: ['productId'] },
  );
  const count = (id: string) => files.filter((file) => file.productId === id).length;
  assertPublishable({ kind: product.kind, ownFiles: count(product.id), bundled: bundled.map(count) });
  if (product.status !== 'active') product.status = 'active';
}
