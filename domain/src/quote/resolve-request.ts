import { DomainError } from '../errors.js';
import { assertCountry } from '../geo/countries.js';
import { localCurrencyOf } from '../geo/local-currency.js';
import {
  needsSubdivision,
  normalizePostalCode,
  normalizeSubdivision,
  provinceFromCanadianPostalCode,
} from '../geo/subdivisions.js';
import { currencyInfo } from '../money/currency.js';
import { offeredPrice, regionSpecificity, resolveListPrice, type PriceListEntry } from '../pricing/price-list.js';
import { chooseTaxCountry, type TaxCountryDecision } from '../tax/place-of-supply.js';
import { parseVatId, type VatId } from '../tax/vat-id/vat-id.js';
import type { CatalogProduct, QuoteCatalog, QuoteContext, QuoteInput } from './quote-types.js';

/** The request after every input was checked and every lookup made. */
export interface ResolvedRequest {
  /** Country the sale is taxed in. */
  readonly country: string;
  /** State or province, where tax depends on it. */
  readonly region?: string;
  /** How the tax country was chosen. */
  readonly decision: TaxCountryDecision;
  /** The buyer's VAT id, when one was given. */
  readonly vatId?: VatId;
  /** Currency of the quote. */
  readonly currency: string;
  /** Each item with its product and the list price that applies. */
  readonly lines: readonly {
    readonly product: CatalogProduct;
    readonly quantity: number;
    readonly price: PriceListEntry;
  }[];
}

function checkItems(input: QuoteInput, maxQuantity: number): void {
  if (input.items.length === 0) throw new DomainError('empty_cart', 'The cart is empty');
  for (const item of input.items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1 || item.quantity > maxQuantity) {
      throw new DomainError('invalid_quantity', `Quantity must be 1–${maxQuantity}`, {
        productId: item.productId,
        quantity: item.quantity,
      });
    }
  }
}

function taxRegion(input: QuoteInput, taxCountry: string): string | undefined {
  if (taxCountry !== input.country.trim().toUpperCase() || !needsSubdivision(taxCountry)) return undefined;
  const given = input.region?.trim() ? normalizeSubdivision(taxCountry, input.region) : undefined;
  if (input.postalCode !== undefined) normalizePostalCode(taxCountry, input.postalCode, given);
  if (given) return given;
  return taxCountry === 'CA' && input.postalCode ? provinceFromCanadianPostalCode(input.postalCode) : undefined;
}

function findProduct(catalog: QuoteCatalog, productId: string): CatalogProduct {
  const product = catalog.products.find((p) => p.id === productId);
  if (!product) throw new DomainError('unknown_product', `No product ${productId}`, { productId });
  if (!product.forSale)
    throw new DomainError('product_not_for_sale', `Product ${productId} is not for sale`, { productId });
  return product;
}

/**
 * The currency to quote in when the buyer named none: the country's own currency if every item
 * is priced in it for the buyer's region; otherwise the currency whose prices fit the region
 * most specifically (an `EU` euro price beats a `*` dollar price for a Hungarian buyer), the
 * tenant's currency breaking ties. Where no region list fits (Norway, Japan…), the store's
 * default currency when every item has a price in it, else the first currency that has one for
 * every item: region lists are an override, never a wall.
 */
function chooseCurrency(input: QuoteInput, catalog: QuoteCatalog, context: QuoteContext, country: string): string {
  if (input.currency !== undefined) return currencyInfo(input.currency.trim().toUpperCase()).code;
  const local = localCurrencyOf(country);
  const ids = input.items.map((i) => i.productId);
  const fit = (currency: string): number =>
    Math.min(
      ...ids.map((id) => {
        const entry = resolveListPrice(catalog.prices, id, currency, country);
        return entry ? regionSpecificity(entry.region, country) : 0;
      }),
    );
  if (local && fit(local) > 0) return local;
  const currencies = [
    ...new Set(catalog.prices.filter((p) => ids.includes(p.productId)).map((p) => p.currency)),
  ].sort();
  let best: string | undefined;
  let bestFit = 0;
  for (const currency of currencies) {
    const score = fit(currency);
    if (score > bestFit || (score === bestFit && score > 0 && currency === context.tenantCurrency)) {
      best = currency;
      bestFit = score;
    }
  }
  if (best) return best;
  const pricedEverywhere = (currency: string) =>
    ids.every((id) => offeredPrice(catalog.prices, id, currency, country) !== undefined);
  const fallback = [
    ...(context.tenantCurrency ? [context.tenantCurrency] : []),
    ...(local ? [local] : []),
    ...currencies,
  ].find(pricedEverywhere);
  const chosen = fallback ?? local ?? context.tenantCurrency;
  if (!chosen) throw new DomainError('no_price_in_currency', `No currency to price a cart for ${country}`, { country });
  return chosen;
}

/**
 * Checks the request and resolves everything `quote` prices from: tax country (from billing
 * country plus evidence), state/province, VAT id, currency, products and their list prices.
 * Each bad input gets its own error code.
 */
export function resolveRequest(input: QuoteInput, catalog: QuoteCatalog, context: QuoteContext): ResolvedRequest {
  checkItems(input, context.maxQuantity ?? 100);
  const country = assertCountry(input.country.trim().toUpperCase());
  const decision = chooseTaxCountry({ billingCountry: country, ...context.evidence });
  const region = taxRegion(input, decision.country);
  const vatId = input.vatId?.trim() ? parseVatId(input.vatId) : undefined;
  const currency = chooseCurrency(input, catalog, context, decision.country);
  const lines = input.items.map((item) => {
    const product = findProduct(catalog, item.productId);
    const price = offeredPrice(catalog.prices, item.productId, currency, decision.country);
    if (!price) {
      throw new DomainError(
        'no_price_in_currency',
        `Product ${item.productId} has no ${currency} price for ${decision.country}`,
        {
          productId: item.productId,
          currency,
          country: decision.country,
        },
      );
    }
    return { product, quantity: item.quantity, price };
  });
  return {
    country: decision.country,
    ...(region ? { region } : {}),
    decision,
    ...(vatId ? { vatId } : {}),
    currency,
    lines,
  };
}
