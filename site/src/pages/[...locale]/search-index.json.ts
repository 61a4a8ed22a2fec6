import type { APIRoute } from 'astro';
import type { SearchEntry } from '../../features/search/search-index';
import { localeStaticPaths, storefront } from '../../lib/catalog';

export const getStaticPaths = localeStaticPaths;

/** The prebuilt client-side search index of the storefront in one locale (precached for offline search). */
export const GET: APIRoute = async ({ params }) => {
  const store = await storefront(params.locale);
  const entries: SearchEntry[] = store.products.map((p) => {
    const work = store.workOf(p);
    const price = store.priceOf(p);
    return {
      slug: p.slug,
      title: p.title,
      creator: store.creatorOf(p)?.displayName ?? '',
      type: p.mediaType,
      genre: work?.genre ?? '',
      tags: work?.tags ?? [],
      year: work?.releaseYear ?? null,
      price: price?.formatted ?? '',
      prices: Object.fromEntries(
        Object.entries(store.pricesOf(p)).map(([currency, shown]) => [currency, shown.formatted]),
      ),
    };
  });
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
};
