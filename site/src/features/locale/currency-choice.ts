/**
 * The buyer's display currency: remembered per tenant in localStorage, announced to the page's
 * scripts and islands with a window event, and kept in step across tabs (the `storage` event).
 * Prices themselves are precomputed at build time (through the money engine) for every currency
 * the storefront sells in; this only picks one.
 */

/** A price as baked into the page for one currency. */
export interface BakedPrice {
  /** Minor units. */
  amount: number;
  formatted: string;
  taxNote: string;
}

/** Prices of one product by currency code. */
export type BakedPrices = Record<string, BakedPrice>;

/** Where the choice persists; `localStorage` in the browser, a map in tests. */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The window event announcing a new choice; `detail` is the tenant handle. */
export const CURRENCY_EVENT = 'fanfare:currency';

/** The storage key of a tenant's currency choice. */
export const currencyKey = (tenant: string): string => `fanfare:currency:${tenant}`;

/** The currency to show: the stored choice when the storefront sells in it, else `fallback`. */
export function resolveCurrency(stored: string | null, offered: readonly string[], fallback: string): string {
  return stored !== null && offered.includes(stored) ? stored : fallback;
}

/** A product's price in `currency`, else in `fallback` (the page's default). */
export function pickPrice(
  prices: BakedPrices,
  currency: string,
  fallback: string,
): { currency: string; price: BakedPrice } | undefined {
  const chosen = prices[currency];
  if (chosen !== undefined) return { currency, price: chosen };
  const other = prices[fallback];
  return other === undefined ? undefined : { currency: fallback, price: other };
}

/** Reads a tenant's choice (storage may throw when it is disabled). */
export function readChoice(storage: ChoiceStorage, tenant: string): string | null {
  try {
    return storage.getItem(currencyKey(tenant));
  } catch {
    return null;
  }
}

/** Stores a tenant's choice; `null` forgets it (the page's default applies again). */
export function writeChoice(storage: ChoiceStorage, tenant: string, currency: string | null): void {
  try {
    if (currency === null) storage.removeItem(currencyKey(tenant));
    else storage.setItem(currencyKey(tenant), currency);
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}

/** Parses a `data-prices` attribute, dropping anything that is not a baked price. */
export function parsePrices(json: string | undefined): BakedPrices {
  if (json === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const prices: BakedPrices = {};
    for (const [currency, value] of Object.entries(parsed as Record<string, unknown>)) {
      const v = value as Partial<BakedPrice> | null;
      if (
        v !== null &&
        Number.isInteger(v.amount) &&
        typeof v.formatted === 'string' &&
        typeof v.taxNote === 'string'
      ) {
        prices[currency] = { amount: v.amount as number, formatted: v.formatted, taxNote: v.taxNote };
      }
    }
    return prices;
  } catch {
    return {};
  }
}
