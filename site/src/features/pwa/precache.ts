/** Pages every storefront precaches: the shell, the offline page and the catalog entry points. */
export const SHELL_PAGES = ['index.html', 'offline/index.html', 'catalog/index.html', 'search/index.html', 'cart/index.html', 'wishlist/index.html', 'eula/index.html'];

/**
 * Workbox glob patterns for one storefront: the built assets, the shell pages and search index
 * of every locale (`localeDirs`: the route folders of the non-default locales, `fr-fr`), and
 * the first `top` product pages of the catalog (newest first) in the default locale only, so
 * those read offline even when the buyer never opened them.
 */
export function precachePatterns(productSlugs: readonly string[], top: number, localeDirs: readonly string[] = []): string[] {
  const products = productSlugs.slice(0, Math.max(0, top)).map((slug) => `products/${slug}/index.html`);
  const shell = ['search-index.json', ...SHELL_PAGES];
  return ['_astro/**/*.{js,css}', 'icon.svg', 'manifest.webmanifest', ...shell,
    ...localeDirs.flatMap((dir) => shell.map((page) => `${dir}/${page}`)), ...products];
}
