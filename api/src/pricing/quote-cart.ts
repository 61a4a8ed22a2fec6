import { quote, type Quote, type QuoteInput } from '@fanfare/domain';
import { discountUsage, loadQuoteCatalog, type EntityManager } from '@fanfare/db';
import type { TenantContext } from '../tenancy/tenant-context.js';

/** What the public quote knows besides the body. */
export interface QuoteCartContext {
  now: Date;
  sellerCountry: string;
}

/**
 * Prices a cart of `tenant` exactly as checkout will: its stored products, price list and the
 * typed discount code with its redemptions so far (an anonymous quote counts everyone's, so a
 * used-up code says `discount_exhausted` here, not only at payment). Domain refusals propagate.
 */
export async function quoteCart(
  em: EntityManager,
  tenant: TenantContext,
  input: QuoteInput,
  context: QuoteCartContext,
): Promise<Quote> {
  const catalog = await loadQuoteCatalog(
    em,
    tenant.id,
    input.items.map((i) => i.productId),
    input.discountCode,
  );
  const code = catalog.discounts?.[0];
  const usage = code === undefined ? undefined : await discountUsage(em, tenant.id, code.id, undefined);
  return quote(input, catalog, {
    now: context.now,
    seller: { country: context.sellerCountry },
    tenantCurrency: tenant.defaultCurrency,
    ...(usage === undefined ? {} : { discountUsage: usage }),
  });
}
