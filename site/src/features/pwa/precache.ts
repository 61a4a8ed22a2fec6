/** Pages every storefront precaches: the shell, the offline page and the catalog entry points. */
const SHELL_PAGES = [
  'index.html',
  'offline/index.html',
  'catalog/index.html',
  'search/index.html',
  'cart/index.html',
  'wishlist/index.html',
  'eula/index.html',
];

/**
 * Workbox glob patterns for one storefront: the built assets, the shell pages, search index and
 * catalog items (what the catalog filters load) of the default locale and the first `top`
 * product pages of the catalog (newest first), so those read offline even when the buyer never
 * opened them. Other locales (`localeDirs`, their route folders such as `fr-fr`) get only their
 * offline page: every visitor downloads the whole precache, and the indexes hold every product
 * once per locale; the pages and indexes a buyer opens in another locale are cached as they go.
 */
export function precachePatterns(
  productSlugs: readonly string[],
  top: number,
  localeDirs: readonly string[] = [],
): string[] {
  const products = productSlugs.slice(0, Math.max(0, top)).map((slug) => `products/${slug}/index.html`);
  return [
    '_astro/**/*.{js,css}',
    'icon.svg',
    'manifest.webmanifest',
    'search-index.json',
    'catalog/items.json',
    ...SHELL_PAGES,
    ...localeDirs.map((dir) => `${dir}/offline/index.html`),
    ...products,
  ];
}
