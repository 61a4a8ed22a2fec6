import { isEuMember } from '../geo/countries.js';

/**
 * A tenant's price for one product in one currency for one region, as the `prices` table holds
 * it. A region is a country code (`CH`), a group (`EU`), or `*` for everywhere else; the most
 * specific region that contains the buyer wins.
 */
export interface PriceListEntry {
  /** Product priced. */
  readonly productId: string;
  /** ISO 4217 currency. */
  readonly currency: string;
  /** `*`, `EU`, or an ISO country code. */
  readonly region: string;
  /** Minor units. */
  readonly amount: number;
  /** True when `amount` already contains VAT/GST (the usual EU, UK, AU, JP list price). */
  readonly taxInclusive: boolean;
  /**
   * `list` for a price the tenant typed; `approved_conversion` for an FX-derived price the
   * tenant accepted for checkout. Display-only conversions are never stored as entries.
   */
  readonly origin?: 'list' | 'approved_conversion';
}

/** Region groups a price list may name besides single countries. */
export const PRICE_REGION_GROUPS: Readonly<Record<string, (country: string) => boolean>> = {
  EU: isEuMember,
};

/** How well `region` fits a buyer in `country`: 3 exact, 2 group, 1 everywhere, 0 not at all. */
export function regionSpecificity(region: string, country: string): number {
  if (region === country) return 3;
  if (PRICE_REGION_GROUPS[region]?.(country)) return 2;
  return region === '*' ? 1 : 0;
}

/** The entry for `productId` in `currency` whose region fits a buyer in `country` best, if any. */
export function resolveListPrice(
  entries: readonly PriceListEntry[],
  productId: string,
  currency: string,
  country: string,
): PriceListEntry | undefined {
  let best: PriceListEntry | undefined;
  let bestScore = 0;
  for (const entry of entries) {
    if (entry.productId !== productId || entry.currency !== currency) continue;
    const score = regionSpecificity(entry.region, country);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/** How broad a region is: `*` before a group (`EU`) before a single country. */
function breadth(region: string): number {
  if (region === '*') return 2;
  return PRICE_REGION_GROUPS[region] ? 1 : 0;
}

/**
 * The price a buyer in `country` pays for `productId` in `currency`. A region price list that
 * fits the buyer is an override and wins; a buyer no region list fits pays the store's list in
 * that currency (its broadest region, ties by region code), so a Norwegian or Japanese buyer
 * can buy from a store that only keeps EU, UK and US lists. Their own country's tax rules still
 * apply (the quote converts between tax-inclusive and tax-exclusive amounts).
 */
export function offeredPrice(
  entries: readonly PriceListEntry[],
  productId: string,
  currency: string,
  country: string,
): PriceListEntry | undefined {
  const fitting = resolveListPrice(entries, productId, currency, country);
  if (fitting) return fitting;
  let best: PriceListEntry | undefined;
  for (const entry of entries) {
    if (entry.productId !== productId || entry.currency !== currency) continue;
    if (
      !best ||
      breadth(entry.region) > breadth(best.region) ||
      (breadth(entry.region) === breadth(best.region) && entry.region < best.region)
    )
      best = entry;
  }
  return best;
}

/** Currencies a buyer in `country` can check out `productId` in (explicit or approved prices). */
export function checkoutCurrencies(entries: readonly PriceListEntry[], productId: string, country: string): string[] {
  const currencies = new Set<string>();
  for (const e of entries) {
    if (e.productId === productId && regionSpecificity(e.region, country) > 0) currencies.add(e.currency);
  }
  return [...currencies].sort();
}
