import type { APIRoute } from 'astro';
import { catalogIndex } from '../../../features/catalog/catalog-filter';
import { pricedItem } from '../../../features/catalog/catalog-items';
import { localeStaticPaths, storefront } from '../../../lib/catalog';

export const getStaticPaths = localeStaticPaths;

/**
 * Every product of the storefront in one locale, with what the catalog filters need: the catalog
 * pages carry one page each, and the island loads this when the buyer first sets a filter
 * (precached for the default locale, so filtering works offline).
 */
export const GET: APIRoute = async ({ params }) => {
  const store = await storefront(params.locale);
  const index = catalogIndex(store.products.map((p) => pricedItem(store, p)));
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } });
};
