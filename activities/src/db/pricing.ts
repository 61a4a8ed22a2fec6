import { DomainError, quote, type CatalogProduct, type PriceListEntry } from '@fanfare/domain';
import { forTenant, Price, Product, Tenant, forPlatform, type EntityManager } from '@fanfare/db';
import { ApplicationFailure } from '@temporalio/common';
import { type CheckoutQuote, type PriceCheckoutInput } from '@fanfare/workflows';
import { isUuid } from './deterministic-uuid.js';

/**
 * Where the platform is established as seller of record; reverse charge for business buyers is
 * judged against it. One value until tenants become sellers of record themselves.
 */
export const SELLER_COUNTRY = 'IE';

/**
 * Prices a cart with the money engine's `quote` over the tenant's stored products and price
 * list. A refusal (unknown product, no price in the currency, bad region) is non-retryable and
 * carries the domain's code as its type, so the api can answer with that code.
 */
export async function priceCheckout(root: EntityManager, input: PriceCheckoutInput): Promise<CheckoutQuote> {
  const invalid = input.items.find((item) => !isUuid(item.productId));
  if (!isUuid(input.tenantId) || invalid !== undefined) {
    throw ApplicationFailure.nonRetryable(`Unknown product ${invalid?.productId ?? ''}`, 'unknown_product', { productId: invalid?.productId });
  }
  const em = forTenant(root, input.tenantId);
  const ids = [...new Set(input.items.map((item) => item.productId))];
  const [products, prices, tenant] = await Promise.all([
    em.find(Product, { id: { $in: ids } }),
    em.find(Price, { productId: { $in: ids } }),
    forPlatform(root).findOne(Tenant, { id: input.tenantId }),
  ]);
  const catalog = {
    products: products.map((product): CatalogProduct => ({ id: product.id, taxCategory: product.mediaType === 'ebook' ? 'ebook' : 'standard', forSale: product.status === 'active' })),
    prices: prices.map((price): PriceListEntry => ({ productId: price.productId, currency: price.currency, region: price.region.trim(), amount: price.amountMinor, taxInclusive: price.taxInclusive, origin: 'list' })),
  };
  try {
    const priced = quote(
      {
        items: input.items,
        country: input.country,
        ...(input.region === null ? {} : { region: input.region }),
        ...(input.currency === null ? {} : { currency: input.currency }),
        ...(input.discountCode === null ? {} : { discountCode: input.discountCode }),
      },
      catalog,
      { now: new Date(), seller: { country: SELLER_COUNTRY }, ...(tenant === null ? {} : { tenantCurrency: tenant.defaultCurrency }) },
    );
    const creatorOf = new Map(products.map((product) => [product.id, product.creatorId]));
    return {
      currency: priced.currency,
      lines: priced.lines.map((line) => ({ ...line, tax: line.tax.map((t) => ({ ...t })), creatorId: creatorOf.get(line.productId)! })),
      subtotal: priced.subtotal,
      discount: priced.discount,
      tax: priced.tax.reduce((sum, t) => sum + t.amount, 0),
      total: priced.total,
      taxInclusive: priced.taxInclusive,
      reverseCharge: priced.reverseCharge,
      notes: priced.notes.map((note) => note.message),
    };
  } catch (error) {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code, { ...error.details });
    throw error;
  }
}
