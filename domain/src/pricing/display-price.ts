import { DomainError } from '../errors.js';
import { assertCountry } from '../geo/countries.js';
import { currencyInfo } from '../money/currency.js';
import type { Money } from '../money/money.js';
import { convertAmount, crossRate, fxStaleness, type FxSnapshot } from '../fx/fx-snapshot.js';
import { charmRound } from './charm.js';
import { checkoutCurrencies, resolveListPrice, type PriceListEntry } from './price-list.js';

/** How a converted display price was derived, shown beside it ("≈, rate of 13 Mar 2026"). */
export interface DisplayConversion {
  /** The list price it was converted from. */
  readonly from: Money;
  /** Units of the display currency per unit of the source currency. */
  readonly rate: string;
  /** Reference date of the rate. */
  readonly asOf: string;
  /** Feed the rate came from. */
  readonly source: string;
  /** True when the snapshot is older than it should be; the storefront shows a warning. */
  readonly stale: boolean;
  /** The currency the buyer would actually pay in at checkout. */
  readonly checkoutCurrency: string;
}

/** A price to show a buyer: explicit, or converted for display only and flagged as such. */
export interface DisplayPrice {
  /** Minor units of `currency`. */
  readonly amount: number;
  /** Currency shown. */
  readonly currency: string;
  /** Whether the amount contains VAT/GST. */
  readonly taxInclusive: boolean;
  /** Present only for a display-only conversion. */
  readonly conversion?: DisplayConversion;
}

/** What `displayPrice` needs besides the price list. */
export interface DisplayPriceOptions {
  /** Currency the buyer chose to browse in. */
  readonly currency: string;
  /** Buyer's country, for region prices. */
  readonly country: string;
  /** The tenant's own currency, preferred as the source of a conversion. */
  readonly tenantCurrency?: string;
  /** Rates to convert with. */
  readonly fx: FxSnapshot;
  /** For the staleness flag. */
  readonly now: Date;
}

/**
 * The price of `productId` to show in `options.currency`: the explicit price list entry when
 * there is one, otherwise a conversion from the tenant's currency (or else the first currency
 * the product is priced in), charm-rounded and flagged with its rate, date and source. Throws
 * `no_price_in_currency` when the product has no price for the buyer's region at all.
 */
export function displayPrice(
  entries: readonly PriceListEntry[],
  productId: string,
  options: DisplayPriceOptions,
): DisplayPrice {
  const country = assertCountry(options.country);
  currencyInfo(options.currency);
  const explicit = resolveListPrice(entries, productId, options.currency, country);
  if (explicit) return { amount: explicit.amount, currency: explicit.currency, taxInclusive: explicit.taxInclusive };

  const available = checkoutCurrencies(entries, productId, country);
  const sourceCurrency =
    options.tenantCurrency && available.includes(options.tenantCurrency) ? options.tenantCurrency : available[0];
  const source =
    sourceCurrency === undefined ? undefined : resolveListPrice(entries, productId, sourceCurrency, country);
  if (!source) {
    throw new DomainError('no_price_in_currency', `Product ${productId} has no price for ${country}`, {
      productId,
      country,
    });
  }
  const raw = convertAmount(source.amount, source.currency, options.currency, options.fx);
  return {
    amount: charmRound(raw, options.currency),
    currency: options.currency,
    taxInclusive: source.taxInclusive,
    conversion: {
      from: { amount: source.amount, currency: source.currency },
      rate: crossRate(source.currency, options.currency, options.fx),
      asOf: options.fx.asOf,
      source: options.fx.source,
      stale: fxStaleness(options.fx, options.now).stale,
      checkoutCurrency: source.currency,
    },
  };
}
