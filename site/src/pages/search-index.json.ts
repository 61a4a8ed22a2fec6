import type { APIRoute } from 'astro';
import type { SearchEntry } from '../features/search/search-index';
import { storefront } from '../lib/catalog';

/** The prebuilt client-side search index of the storefront (precached for offline search). */
export const GET: APIRoute = async () => {
  const store = await storefront();
  const entries: SearchEntry[] = store.products.map((p) => {
    const work = store.workOf(p);
    const price = store.priceOf(p);
    return {
      slug: p.slug, title: p.title, creator: store.creatorOf(p)?.displayName ?? '', type: p.mediaType,
      genre: work?.genre ?? '', tags: work?.tags ?? [], year: work?.releaseYear ?? null, price: price?.formatted ?? '',
    };
  });
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
};
