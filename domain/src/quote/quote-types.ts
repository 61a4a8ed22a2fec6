import type { AppliedDiscount, DiscountCode, DiscountUsage } from '../discounts/index.js';
import type { Note } from '../notes.js';
import type { PriceListEntry } from '../pricing/price-list.js';
import type { TaxCategory } from '../tax/data/rate-row.js';
import type { TaxCountryDecision } from '../tax/place-of-supply.js';
import type { TaxAmount } from '../tax/tax-math.js';
import type { TaxRuleSource } from '../tax/tax-rules.js';
import type { VatId } from '../tax/vat-id/vat-id.js';
import type { VatIdVerification } from '../tax/vat-id/verifier.js';

/** One product and how many, as the buyer asks for it. */
export interface QuoteItem {
  /** Product id. */
  readonly productId: string;
  /** Units, a positive integer. */
  readonly quantity: number;
}

/** The body of `POST /v1/public/quote`, and what checkout prices an order from. */
export interface QuoteInput {
  /** What is in the cart. */
  readonly items: readonly QuoteItem[];
  /** Billing country (ISO 3166-1 alpha-2). */
  readonly country: string;
  /** State or province; required in the US and Canada. */
  readonly region?: string;
  /** Postal code; checked where its shape is known (US, CA). */
  readonly postalCode?: string;
  /** A business buyer's VAT id with its country prefix. */
  readonly vatId?: string;
  /** Currency to pay in; defaults to the country's currency, then the tenant's. */
  readonly currency?: string;
  /** A discount code typed by the buyer. */
  readonly discountCode?: string;
}

/** A product as pricing needs it. */
export interface CatalogProduct {
  /** Product id. */
  readonly id: string;
  /** Tax treatment (`ebook` for e-books, `standard` for everything else). */
  readonly taxCategory: TaxCategory;
  /** False for drafts, archived and taken-down products. */
  readonly forSale: boolean;
}

/** The tenant's products, price list and discount codes, loaded by the caller. */
export interface QuoteCatalog {
  /** Products that may appear in the cart. */
  readonly products: readonly CatalogProduct[];
  /** The tenant price list. */
  readonly prices: readonly PriceListEntry[];
  /** The tenant's discount codes. */
  readonly discounts?: readonly DiscountCode[];
}

/** Facts from outside the request: the clock, the seller, evidence, counters. */
export interface QuoteContext {
  /** The time of supply: picks tax rates and checks discount windows. */
  readonly now: Date;
  /** Where the seller of record is established (reverse charge needs it). */
  readonly seller: { readonly country: string };
  /** The tenant's default currency, tried when the country's own has no prices. */
  readonly tenantCurrency?: string;
  /** Location evidence besides the billing country. */
  readonly evidence?: { readonly ipCountry?: string; readonly cardCountry?: string };
  /** How often the typed discount code was used (including reservations). */
  readonly discountUsage?: DiscountUsage;
  /** A VIES/HMRC answer about `vatId`, when checkout asked for one. */
  readonly vatIdVerification?: VatIdVerification;
  /** Replaces the built-in tax tables (a Stripe Tax answer); defaults to `taxRuleFor`. */
  readonly taxRules?: TaxRuleSource;
  /** Largest quantity of one line; defaults to 100. */
  readonly maxQuantity?: number;
}

/** One priced line of a quote. */
export interface QuoteLine {
  /** Product id. */
  readonly productId: string;
  /** Price of one unit, in the quote's tax terms (`taxInclusive`). */
  readonly unitAmount: number;
  /** Units. */
  readonly quantity: number;
  /** Minor units taken off this line by the discount code. */
  readonly discount: number;
  /** Taxes on the line, one per rate. */
  readonly tax: readonly TaxAmount[];
  /** What the line costs the buyer, tax included. */
  readonly total: number;
}

/**
 * The answer of `quote`. Invariants: `total` is the sum of line totals; each line's total is
 * `unitAmount × quantity − discount`, plus its taxes when `taxInclusive` is false; nothing is
 * negative.
 */
export interface Quote {
  /** Currency of every amount. */
  readonly currency: string;
  /** Priced lines, in the order asked. */
  readonly lines: readonly QuoteLine[];
  /** Sum of `unitAmount × quantity`. */
  readonly subtotal: number;
  /** Sum of line discounts. */
  readonly discount: number;
  /** Taxes summed per name and rate. */
  readonly tax: readonly TaxAmount[];
  /** What the buyer pays. */
  readonly total: number;
  /** True when unit amounts (and so the subtotal) already contain the taxes. */
  readonly taxInclusive: boolean;
  /** True when a business buyer accounts for the VAT and none is charged. */
  readonly reverseCharge: boolean;
  /** Legal mentions and explanations. */
  readonly notes: readonly Note[];
}

/** The quote plus what checkout must record: why this tax, which code, which VAT id. */
export interface PricedCart {
  /** The public answer. */
  readonly quote: Quote;
  /** Where the sale is taxed, on which local date, and the evidence rule that chose it. */
  readonly taxLocation: {
    readonly country: string;
    readonly region?: string;
    readonly on: string;
    readonly decision: TaxCountryDecision;
  };
  /** The discount applied, for reserving a redemption. */
  readonly discount?: AppliedDiscount;
  /** The buyer's parsed VAT id. */
  readonly vatId?: VatId;
  /** The price list entry behind each line. */
  readonly prices: readonly PriceListEntry[];
}
