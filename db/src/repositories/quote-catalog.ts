import type { CatalogProduct, DiscountCode as DiscountRule, PriceListEntry, QuoteCatalog } from '@fanfare/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DiscountCode } from '../entities/discount-code.entity.js';
import { Price } from '../entities/price.entity.js';
import { Product } from '../entities/product.entity.js';
import { forTenant } from '../tenancy/tenant-scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The domain's reading of a stored discount code. */
export function discountRuleOf(row: DiscountCode): DiscountRule {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    ...(row.percent == null ? {} : { percent: row.percent }),
    ...(row.amountOff == null ? {} : { amountOff: row.amountOff }),
    fixedPer: row.fixedPer,
    appliesTo: row.scope === 'cart' ? { scope: 'cart' } : { scope: 'products', productIds: row.productIds },
    ...(row.validFrom == null ? {} : { validFrom: row.validFrom.toISOString() }),
    ...(row.validUntil == null ? {} : { validUntil: row.validUntil.toISOString() }),
    ...(row.maxRedemptions == null ? {} : { maxRedemptions: row.maxRedemptions }),
    ...(row.perCustomerLimit == null ? {} : { perCustomerLimit: row.perCustomerLimit }),
    ...(row.minimumSubtotal == null ? {} : { minimumSubtotal: row.minimumSubtotal }),
  };
}

/** The domain's reading of a stored product: e-books have their own VAT rates in some countries. */
export function catalogProductOf(product: Product): CatalogProduct {
  return {
    id: product.id,
    taxCategory: product.mediaType === 'ebook' ? 'ebook' : 'standard',
    forSale: product.status === 'active',
  };
}

/** The domain's reading of a stored price. */
export function priceListEntryOf(price: Price): PriceListEntry {
  return {
    productId: price.productId,
    currency: price.currency,
    region: price.region.trim(),
    amount: price.amountMinor,
    taxInclusive: price.taxInclusive,
    origin: 'list',
  };
}

/**
 * What `quote` needs from the database for one cart of `tenantId`: the products asked for,
 * their prices, and the active discount code the buyer typed (matched case-insensitively), if
 * any. Ids that are not uuids are left out, so `quote` answers `unknown_product` for them rather
 * than PostgreSQL failing; an unknown code is left out so `quote` answers `unknown_discount`.
 */
export async function loadQuoteCatalog(
  em: EntityManager,
  tenantId: string,
  productIds: readonly string[],
  code?: string,
): Promise<QuoteCatalog> {
  const scoped = forTenant(em, tenantId);
  const ids = [...new Set(productIds.filter((id) => UUID.test(id)))];
  const typed = code?.trim().toUpperCase();
  const [products, prices, discounts] = await Promise.all([
    ids.length === 0 ? [] : scoped.find(Product, { id: { $in: ids } }),
    ids.length === 0 ? [] : scoped.find(Price, { productId: { $in: ids } }),
    typed === undefined || typed === '' ? [] : scoped.find(DiscountCode, { code: typed, active: true }),
  ]);
  return {
    products: products.map(catalogProductOf),
    prices: prices.map(priceListEntryOf),
    discounts: discounts.map(discountRuleOf),
  };
}
