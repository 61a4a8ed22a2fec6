import type { APIRoute } from 'astro';
import { storefront } from '../lib/catalog';

/** The storefront's sitemap: every public page under its own origin. */
export const GET: APIRoute = async ({ site }) => {
  const store = await storefront();
  const paths = ['/', '/catalog/', '/search/', '/eula/',
    ...store.creators.map((c) => `/artists/${c.slug}/`),
    ...store.works.map((w) => `/works/${w.slug}/`),
    ...store.products.map((p) => `/products/${p.slug}/`)];
  const lastmod = store.tenant.exportedAt.slice(0, 10);
  const urls = paths.map((p) => `  <url><loc>${new URL(p, site).href}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml' },
  });
};
