/** Pages every storefront precaches: the shell, the offline page and the catalog entry points. */
export const SHELL_PAGES = ['index.html', 'offline/index.html', 'catalog/index.html', 'search/index.html', 'cart/index.html', 'eula/index.html'];

/**
 * Workbox glob patterns for one storefront: the built assets, the shell pages, the search index
 * and the first `top` product pages of the catalog (newest first), so those read offline even
 * when the buyer never opened them.
 */
export function precachePatterns(productSlugs: readonly string[], top: number): string[] {
  const products = productSlugs.slice(0, Math.max(0, top)).map((slug) => `products/${slug}/index.html`);
  return ['_astro/**/*.{js,css}', 'icon.svg', 'manifest.webmanifest', 'search-index.json', ...SHELL_PAGES, ...products];
}
