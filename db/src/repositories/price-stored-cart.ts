import { type PricedCart, priceCart, type QuoteInput } from '@fanfare/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from '../entities/tenant.entity.js';
import { forPlatform } from '../tenancy/tenant-scope.js';
import { discountUsage } from './discount-redemptions.js';
import { loadQuoteCatalog } from './quote-catalog.js';

/** Who and where a stored cart is priced for, besides the cart itself. */
export interface StoredCartContext {
  now: Date;
  /** Where the seller of record is established (reverse charge). */
  sellerCountry: string;
  /** The storefront's default currency; read from its row when the caller does not know it. */
  tenantCurrency?: string;
  /**
   * Who a per-customer discount limit counts: a member's user id, or a guest's email. Absent for
   * an anonymous quote, which can only check the code's overall limit.
   */
  customerKey?: string;
  /** The country of the buyer's IP address: tax-location evidence besides the billing country. */
  ipCountry?: string | null;
}

/**
 * Prices a cart of `tenantId` over its stored products, price list and the typed discount code
 * with its redemptions so far: the one pricing both the public quote and checkout use, so the
 * quote a buyer sees is the total checkout charges (same tax evidence, same per-customer
 * discount use). Domain refusals (unknown product, code used up…) propagate as `DomainError`s.
 */
export async function priceStoredCart(
  em: EntityManager,
  tenantId: string,
  input: QuoteInput,
  context: StoredCartContext,
): Promise<PricedCart> {
  const productIds = input.items.map((item) => item.productId);
  const [catalog, tenantCurrency] = await Promise.all([
    loadQuoteCatalog(em, tenantId, productIds, input.discountCode),
    context.tenantCurrency ??
      forPlatform(em)
        .findOne(Tenant, { id: tenantId }, { fields: ['defaultCurrency'] })
        .then((tenant) => tenant?.defaultCurrency),
  ]);
  const code = catalog.discounts?.[0];
  const usage = code === undefined ? undefined : await discountUsage(em, tenantId, code.id, context.customerKey);
  return priceCart(input, catalog, {
    now: context.now,
    seller: { country: context.sellerCountry },
    ...(context.ipCountry ? { evidence: { ipCountry: context.ipCountry } } : {}),
    ...(tenantCurrency === undefined ? {} : { tenantCurrency }),
    ...(usage === undefined ? {} : { discountUsage: usage }),
  });
}
