import type { CatalogProduct } from '../../export/catalog-schema';
import type { Storefront } from '../../lib/catalog';
import { facetValues, type PricedItem } from './catalog-filter';

/** A product of `store` as the catalog filters see it, priced in every currency the buyer can switch to. */
export function pricedItem(store: Storefront, product: CatalogProduct): PricedItem {
  const work = store.workOf(product);
  return {
    slug: product.slug,
    title: product.title,
    creator: store.creatorOf(product)?.displayName ?? '',
    type: product.mediaType,
    genre: work?.genre ?? '',
    year: work?.releaseYear ?? null,
    cover: work?.cover?.src ?? null,
    prices: store.pricesOf(product),
  };
}

/** The values each filter menu offers: those of the whole catalog, not of one page. */
export function catalogFacets(store: Storefront): Record<'type' | 'genre' | 'year', string[]> {
  const facets = store.products.map((p) => {
    const work = store.workOf(p);
    return { type: p.mediaType, genre: work?.genre ?? '', year: work?.releaseYear ?? null };
  });
  return { type: facetValues(facets, 'type'), genre: facetValues(facets, 'genre'), year: facetValues(facets, 'year') };
}
