import { getCollection } from 'astro:content';
import type { CatalogCreator, CatalogProduct, CatalogTenant, CatalogWork } from '../export/catalog-schema';
import { REGION_OF, priceFor, pricesFor, type ShownPrice } from './i18n';
import { enabledLocales, findLocale, localeSegment, localizedPath, type Locale } from './locales';

/** Everything a page of one storefront needs in one locale, read from the content collections. */
export interface Storefront {
  tenant: CatalogTenant & { exportedAt: string };
  /** The locale of the page being built. */
  locale: Locale;
  /** The tenant's default locale (unprefixed routes). */
  defaultLocale: Locale;
  /** Every locale the storefront is built in, the default first. */
  locales: Locale[];
  creators: CatalogCreator[];
  works: CatalogWork[];
  /** Newest first, as exported. */
  products: CatalogProduct[];
  workOf(product: CatalogProduct): CatalogWork | undefined;
  creatorOf(item: { creatorId: string }): CatalogCreator | undefined;
  /** The price in the page's default currency (its locale region's). */
  priceOf(product: CatalogProduct): ShownPrice | undefined;
  /** The page's default currency: its locale region's. */
  defaultCurrency: string;
  /** Currencies a buyer can switch prices to: the price lists', the tenant's and the default. */
  currencies: string[];
  /** The price in each of `currencies`, for the currency switcher. */
  pricesOf(product: CatalogProduct): Record<string, ShownPrice>;
  /** The path prefix of this page's locale: '' for the default locale, else `/fr-fr` and the like. */
  base: string;
  /** An absolute unprefixed path (`/catalog/`) as served in this page's locale. */
  href(path: string): string;
}

interface Catalog {
  tenant: Storefront['tenant'];
  creators: CatalogCreator[];
  works: CatalogWork[];
  products: CatalogProduct[];
}

let cached: Promise<Catalog> | undefined;
const views = new Map<Locale, Storefront>();

/**
 * The storefront being built, in the locale of the route segment `locale` (`Astro.params.locale`:
 * undefined for the default locale, else a tag such as `fr-fr`).
 */
export async function storefront(locale?: string): Promise<Storefront> {
  cached ??= load();
  const catalog = await cached;
  const locales = enabledLocales(catalog.tenant);
  const chosen = (locale === undefined ? undefined : findLocale(locale)) ?? locales[0] ?? 'en-US';
  let view = views.get(chosen);
  if (view === undefined) {
    view = inLocale(catalog, chosen, locales);
    views.set(chosen, view);
  }
  return view;
}

/** `getStaticPaths` entries of a page with one route per enabled locale. */
export async function localeStaticPaths(): Promise<{ params: { locale: string | undefined } }[]> {
  const { locales, defaultLocale } = await storefront();
  return locales.map((l) => ({ params: { locale: localeSegment(l, defaultLocale) } }));
}

function inLocale(catalog: Catalog, locale: Locale, locales: Locale[]): Storefront {
  const { tenant, creators, works, products } = catalog;
  const defaultLocale = locales[0] ?? locale;
  const built = new Date(tenant.exportedAt);
  const defaultCurrency = REGION_OF[locale].currency;
  const currencies = [
    ...new Set([...products.flatMap((p) => p.prices.map((e) => e.currency)), tenant.currency, defaultCurrency]),
  ].sort();
  return {
    tenant,
    locale,
    defaultLocale,
    locales,
    creators,
    works,
    products,
    defaultCurrency,
    currencies,
    workOf: (product) => works.find((w) => w.id === product.workId),
    creatorOf: (item) => creators.find((c) => c.id === item.creatorId),
    priceOf: (product) => priceFor(product.prices, product.id, locale, tenant.currency, built),
    pricesOf: (product) => pricesFor(product.prices, product.id, locale, tenant.currency, built, currencies),
    base: localizedPath('', locale, defaultLocale),
    href: (path) => localizedPath(path, locale, defaultLocale),
  };
}

async function load(): Promise<Catalog> {
  const [tenants, creators, works, products] = await Promise.all([
    getCollection('tenant'),
    getCollection('creators'),
    getCollection('works'),
    getCollection('products'),
  ]);
  // Collection entries are typed here from the export schema, so this module typechecks
  // without Astro's generated types (they live in each build's scratch root).
  const tenant = (tenants[0] as { data: Storefront['tenant'] } | undefined)?.data;
  if (tenant === undefined) throw new Error('The catalog export has no tenant');
  const byDate = (a: CatalogProduct, b: CatalogProduct) =>
    b.createdAt.localeCompare(a.createdAt) || a.slug.localeCompare(b.slug);
  return {
    tenant,
    products: (products as { data: CatalogProduct }[]).map((p) => p.data).sort(byDate),
    works: (works as { data: CatalogWork }[]).map((w) => w.data),
    creators: (creators as { data: CatalogCreator }[]).map((c) => c.data),
  };
}
