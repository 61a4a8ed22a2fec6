import { Price, type Product, type EntityManager } from '@fanfare/db';
import type { ProductViewData } from '../schemas/catalog.js';

/**
 * The public view of products with their price lists, loaded with one query for all prices.
 * `em` must be tenant-scoped, so prices of another tenant can never be attached.
 */
export async function productViews(em: EntityManager, products: readonly Product[]): Promise<ProductViewData[]> {
  const ids = products.map((product) => product.id);
  const prices =
    ids.length === 0
      ? []
      : await em.find(Price, { productId: { $in: ids } }, { orderBy: { currency: 'asc', region: 'asc' } });
  const byProduct = new Map<string, Price[]>();
  for (const price of prices) byProduct.set(price.productId, [...(byProduct.get(price.productId) ?? []), price]);
  return products.map((product) => ({
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    kind: product.kind,
    mediaType: product.mediaType,
    workId: product.workId ?? null,
    tokenAmount: product.tokenAmount ?? null,
    subscriptionInterval: product.subscriptionInterval ?? null,
    prices: (byProduct.get(product.id) ?? []).map((price) => ({
      currency: price.currency,
      region: price.region,
      amountMinor: price.amountMinor,
      taxInclusive: price.taxInclusive,
    })),
  }));
}
