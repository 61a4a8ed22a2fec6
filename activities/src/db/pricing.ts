import { DomainError } from '@fanfare/domain';
import { Product, forTenant, priceStoredCart, type EntityManager } from '@fanfare/db';
import { ApplicationFailure } from '@temporalio/common';
import type { CheckoutQuote, PriceCheckoutInput } from '@fanfare/contracts';
import { isUuid } from './deterministic-uuid.js';

/** A refusal by the money engine, as a non-retryable failure typed with the domain's code. */
function refused(error: DomainError): ApplicationFailure {
  return ApplicationFailure.nonRetryable(error.message, error.code, { ...error.details });
}

/**
 * Prices a cart with the money engine (`priceCart`) over the tenant's stored products, price
 * list and the typed discount code with its current usage. A refusal (unknown product, no
 * price in the currency, code used up) is non-retryable and carries the domain's code as its
 * type, so the api can answer with that code. Reverse charge is judged against `sellerCountry`,
 * where the seller of record is established.
 */
export async function priceCheckout(
  root: EntityManager,
  input: PriceCheckoutInput,
  sellerCountry: string,
): Promise<CheckoutQuote> {
  if (!isUuid(input.tenantId))
    throw ApplicationFailure.nonRetryable(`Unknown tenant ${input.tenantId}`, 'unknown_product');
  try {
    // The same pricing as the public quote (`priceStoredCart`), so the buyer pays what they were quoted.
    const priced = await priceStoredCart(
      root,
      input.tenantId,
      {
        items: input.items,
        country: input.country,
        ...(input.region === null ? {} : { region: input.region }),
        ...(input.currency === null ? {} : { currency: input.currency }),
        ...(input.discountCode === null ? {} : { discountCode: input.discountCode }),
      },
      { now: new Date(), sellerCountry, customerKey: input.customerKey, ipCountry: input.ipCountry },
    );
    const { quote } = priced;
    const ids = quote.lines.map((line) => line.productId);
    const products = await forTenant(root, input.tenantId).find(
      Product,
      { id: { $in: ids } },
      { fields: ['id', 'creatorId', 'kind', 'tokenAmount'] },
    );
    const productOf = new Map(products.map((product) => [product.id, product]));
    const productFor = (productId: string) => {
      const product = productOf.get(productId);
      // The quote was priced from these products a moment ago: a miss means one was deleted in
      // between, and a retry prices the cart again (and refuses the missing product).
      if (product === undefined) throw new Error(`Quoted product ${productId} is no longer stored`);
      return product;
    };
    // A token pack's line says how many units one item grants: checkout reserves capacity for them.
    const tokensOf = (productId: string) => {
      const product = productFor(productId);
      return product.kind === 'token_pack' && product.tokenAmount != null && product.tokenAmount > 0
        ? { tokenAmount: product.tokenAmount }
        : {};
    };
    // The engine's quote itself, each line told whose earnings it feeds: one copy of the numbers.
    return {
      ...quote,
      lines: quote.lines.map((line) => ({
        ...line,
        creatorId: productFor(line.productId).creatorId,
        ...tokensOf(line.productId),
      })),
      discountId: priced.discount?.discountId ?? null,
      taxDecision: priced.taxLocation.decision,
    };
  } catch (error) {
    if (error instanceof DomainError) throw refused(error);
    throw error;
  }
}
