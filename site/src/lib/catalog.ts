import { getCollection } from 'astro:content';
import type { CatalogCreator, CatalogProduct, CatalogTenant, CatalogWork } from '../export/catalog-schema';
import { priceFor, supportedLocale, type Locale, type ShownPrice } from './i18n';

/** Everything a page of one storefront needs, read from the content collections. */
export interface Storefront {
  tenant: CatalogTenant & { exportedAt: string };
  locale: Locale;
  creators: CatalogCreator[];
  works: CatalogWork[];
  /** Newest first, as exported. */
  products: CatalogProduct[];
  workOf(product: CatalogProduct): CatalogWork | undefined;
  creatorOf(item: { creatorId: string }): CatalogCreator | undefined;
  priceOf(product: CatalogProduct): ShownPrice | undefined;
}

let cached: Promise<Storefront> | undefined;

/** The storefront being built. */
export function storefront(): Promise<Storefront> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Storefront> {
  const [tenants, creators, works, products] = await Promise.all([
    getCollection('tenant'), getCollection('creators'), getCollection('works'), getCollection('products'),
  ]);
  // Collection entries are typed here from the export schema, so this module typechecks
  // without Astro's generated types (they live in each build's scratch root).
  const tenant = (tenants[0] as { data: Storefront['tenant'] } | undefined)?.data;
  if (tenant === undefined) throw new Error('The catalog export has no tenant');
  const locale = supportedLocale(tenant.locale);
  const byDate = (a: CatalogProduct, b: CatalogProduct) => b.createdAt.localeCompare(a.createdAt) || a.slug.localeCompare(b.slug);
  const productList = (products as { data: CatalogProduct }[]).map((p) => p.data).sort(byDate);
  const workList = (works as { data: CatalogWork }[]).map((w) => w.data);
  const creatorList = (creators as { data: CatalogCreator }[]).map((c) => c.data);
  const built = new Date(tenant.exportedAt);
  return {
    tenant, locale, creators: creatorList, works: workList, products: productList,
    workOf: (product) => workList.find((w) => w.id === product.workId),
    creatorOf: (item) => creatorList.find((c) => c.id === item.creatorId),
    priceOf: (product) => priceFor(product.prices, product.id, locale, tenant.currency, built),
  };
}
