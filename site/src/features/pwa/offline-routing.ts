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
const OFFLINE_PAGE_KEYS = precacheKeysFor('/offline/');

/**
 * The precache keys of the offline page for a navigation to `pathname`: the page of its locale
 * (`/fr-fr/…` → `/fr-fr/offline/`) first, then the default locale's.
 */
export function offlinePageKeysFor(pathname: string): string[] {
  const prefix = /^\/[a-z]{2}-[a-z]{2}(?=\/|$)/.exec(pathname)?.[0];
  return prefix === undefined ? OFFLINE_PAGE_KEYS : [...precacheKeysFor(`${prefix}/offline/`), ...OFFLINE_PAGE_KEYS];
}
