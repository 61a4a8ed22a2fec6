/**
 * The precache keys a page path may be stored under. @vite-pwa/astro lists directory-format
 * pages without `index.html` or a trailing slash (`/products/x`), older builds with it; the
 * worker tries each, so `/products/x/` and `/products/x` both find the precached copy.
 */
export function precacheKeysFor(pathname: string): string[] {
  const bare = pathname.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  if (bare === '') return ['/', '/index.html'];
  return [bare, `${bare}/`, `${bare}/index.html`];
}

/** The precache keys of the offline fallback page. */
export const OFFLINE_PAGE_KEYS = precacheKeysFor('/offline/');
