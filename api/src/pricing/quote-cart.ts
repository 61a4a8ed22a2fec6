import type { Quote, QuoteInput } from '@fanfare/domain';
import { priceStoredCart, type EntityManager } from '@fanfare/db';
import type { TenantContext } from '../tenancy/tenant-context.js';

/** What the public quote knows besides the body. */
export interface QuoteCartContext {
  now: Date;
  sellerCountry: string;
  /** The signed-in buyer's per-customer discount key (their user id); absent for an anonymous quote. */
  customerKey?: string;
  /** The viewer's country from the trusted edge header, the tax evidence checkout also takes. */
  ipCountry?: string | null;
}

/**
 * Prices a cart of `tenant` exactly as checkout will, through the same `priceStoredCart`: its
 * stored products, price list, the typed discount code with its redemptions so far (overall,
 * and the signed-in buyer's own), and the IP-country evidence. An anonymous quote cannot know
 * the buyer, so a per-customer limit is checked only at checkout. Domain refusals propagate.
 */
export async function quoteCart(
  em: EntityManager,
  tenant: TenantContext,
  input: QuoteInput,
  context: QuoteCartContext,
): Promise<Quote> {
  const priced = await priceStoredCart(em, tenant.id, input, { ...context, tenantCurrency: tenant.defaultCurrency });
  return priced.quote;
}
