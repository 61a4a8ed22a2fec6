/** A product card of the catalog page, with the facets it can be filtered on. */
export interface CatalogItem {
  slug: string;
  title: string;
  creator: string;
  type: string;
  genre: string;
  year: number | null;
  /** Minor units in the displayed currency; null when unpriced for the region. */
  amount: number | null;
  price: string;
  cover: string | null;
  /** Amount and price text in each currency the buyer can switch to. */
  prices?: Record<string, { amount: number; price: string }>;
}

/** Items with their amount and price text in `currency`, where they have one. */
export function itemsInCurrency(items: readonly CatalogItem[], currency: string): CatalogItem[] {
  return items.map((item) => {
    const shown = item.prices?.[currency];
    return shown === undefined ? item : { ...item, amount: shown.amount, price: shown.price };
  });
}

/** The catalog's active filters; empty strings mean "any". */
export interface CatalogFilters {
  type: string;
  genre: string;
  year: string;
  /** Maximum price in minor units, or '' for any. */
  maxPrice: string;
}

/** No filter set. */
export const NO_FILTERS: CatalogFilters = { type: '', genre: '', year: '', maxPrice: '' };

/** Items passing every set filter, in their original order. */
export function filterCatalog(items: readonly CatalogItem[], filters: CatalogFilters): CatalogItem[] {
  const max = filters.maxPrice === '' ? undefined : Number(filters.maxPrice);
  return items.filter((item) =>
    (filters.type === '' || item.type === filters.type)
    && (filters.genre === '' || item.genre === filters.genre)
    && (filters.year === '' || String(item.year) === filters.year)
    && (max === undefined || (item.amount !== null && item.amount <= max)));
}

/** The distinct values of a facet, sorted, for the filter menus. */
export function facetValues(items: readonly CatalogItem[], facet: 'type' | 'genre' | 'year'): string[] {
  const values = new Set(items.map((i) => (i[facet] === null ? '' : String(i[facet]))).filter((v) => v !== ''));
  return [...values].sort((a, b) => (facet === 'year' ? Number(b) - Number(a) : a.localeCompare(b)));
}
