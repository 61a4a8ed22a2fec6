import type { APIRoute } from 'astro';
import { storefront } from '../lib/catalog';
import { localizedPath } from '../lib/locales';

/** robots.txt: everything public except the buyer's own pages (in every locale); points at the sitemap. */
export const GET: APIRoute = async ({ site }) => {
  const { locales, defaultLocale } = await storefront();
  const disallowed = locales.flatMap((l) =>
    ['/cart/', '/library/', '/wishlist/', '/checkout/'].map((p) => `Disallow: ${localizedPath(p, l, defaultLocale)}\n`),
  );
  return new Response(`User-agent: *\n${disallowed.join('')}Sitemap: ${new URL('/sitemap.xml', site).href}\n`, {
    headers: { 'content-type': 'text/plain' },
  });
};
