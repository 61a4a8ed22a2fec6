import type { APIRoute } from 'astro';
import { catalogPagePath, catalogPageSizeFrom, pageCount } from '../features/catalog/pagination';
import { storefront } from '../lib/catalog';
import { localizedPath } from '../lib/locales';

/**
 * The storefront's sitemap: every public page under its own origin, in every locale it is built
 * in, each URL with its hreflang alternates (x-default: the unprefixed default-locale page).
 */
export const GET: APIRoute = async ({ site }) => {
  const store = await storefront();
  const catalogPages = pageCount(store.products.length, catalogPageSizeFrom(process.env));
  const paths = [
    '/',
    ...Array.from({ length: catalogPages }, (_, i) => catalogPagePath(i + 1)),
    '/search/',
    '/eula/',
    ...store.creators.map((c) => `/artists/${c.slug}/`),
    ...store.works.map((w) => `/works/${w.slug}/`),
    ...store.products.map((p) => `/products/${p.slug}/`),
  ];
  const lastmod = store.tenant.exportedAt.slice(0, 10);
  const url = (path: string) => new URL(path, site).href;
  const urls = paths
    .flatMap((path) => {
      const alternates = [
        ...store.locales.map(
          (l) =>
            `<xhtml:link rel="alternate" hreflang="${l}" href="${url(localizedPath(path, l, store.defaultLocale))}"/>`,
        ),
        `<xhtml:link rel="alternate" hreflang="x-default" href="${url(path)}"/>`,
      ].join('');
      return store.locales.map(
        (l) =>
          `  <url><loc>${url(localizedPath(path, l, store.defaultLocale))}</loc><lastmod>${lastmod}</lastmod>${alternates}</url>`,
      );
    })
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls}\n</urlset>\n`,
    {
      headers: { 'content-type': 'application/xml' },
    },
  );
};
