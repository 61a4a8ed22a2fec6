import type { APIRoute } from 'astro';

/** robots.txt: everything public except the buyer's own pages; points at the sitemap. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /cart/\nDisallow: /library/\nDisallow: /checkout/\nSitemap: ${new URL('/sitemap.xml', site).href}\n`, {
    headers: { 'content-type': 'text/plain' },
  });
