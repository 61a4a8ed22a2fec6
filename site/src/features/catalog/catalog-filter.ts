/** One price of a catalog item in one currency. */
interface ItemPrice {
  /** Minor units. */
  amount: number;
  formatted: string;
  /** The tax note, as an index into `CatalogIndex.notes`. */
  note: number;
}

/** A product as the catalog filters see it. */
export interface CatalogItem {
  slug: string;
  title: string;
  creator: string;
  type: string;
  genre: string;
  year: number | null;
  cover: string | null;
  /** In each currency the buyer can switch to (none where the product is unpriced). */
  prices: Record<string, ItemPrice>;
}

/**
 * Every filterable product of a storefront in one locale, newest first: the JSON the catalog
 * island loads once a filter is set (`/catalog/items.json`). A store has a handful of distinct
 * tax notes ("plus tax", "incl. VAT, approx., converted at the ECB rate of …"), listed once.
 */
export interface CatalogIndex {
  notes: string[];
  items: CatalogItem[];
}

/** A product with its prices as the money engine shows them, before its notes are listed once. */
export type PricedItem = Omit<CatalogItem, 'prices'> & {
  prices: Record<string, { amount: number; formatted: string; taxNote: string }>;
};

/** The catalog index of `items` (order kept). */
export function catalogIndex(items: readonly PricedItem[]): CatalogIndex {
  const notes: string[] = [];
  const noteOf = (text: string): number => {
    const at = notes.indexOf(text);
    return at === -1 ? notes.push(text) - 1 : at;
  };
  return {
    notes,
    items: items.map((item) => ({
      ...item,
      prices: Object.fromEntries(
        Object.entries(item.prices).map(([currency, p]) => [
          currency,
          { amount: p.amount, formatted: p.formatted, note: noteOf(p.taxNote) },
        ]),
      ),
    })),
  };
}

/** A fetched catalog index, if it has the shape of one (it comes from the same build). */
export function parseCatalogIndex(value: unknown): CatalogIndex | undefined {
  const index = value as Partial<CatalogIndex> | null;
  return typeof index === 'object' && index !== null && Array.isArray(index.notes) && Array.isArray(index.items)
    ? { notes: index.notes, items: index.items }
    : undefined;
}

/** An item's price text in `currency`, else in `fallback` (the page's default); '' when it has neither. */
export function priceText(index: CatalogIndex, item: CatalogItem, currency: string, fallback: string): string {
  const price = item.prices[currency] ?? item.prices[fallback];
  return price === undefined ? '' : `${price.formatted} (${index.notes[price.note] ?? ''})`;
}

/** The catalog's active filters; empty strings mean "any". */
export interface CatalogFilters {
  type: string;
  genre: string;
  year: string;
  /** Maximum price in minor units of the shown currency, or '' for any. */
  maxPrice: string;
}

/** No filter set. */
export const NO_FILTERS: CatalogFilters = { type: '', genre: '', year: '', maxPrice: '' };

/** True when any filter is set. */
export const isFiltering = (filters: CatalogFilters): boolean => Object.values(filters).some((value) => value !== '');

// Query parameter of each filter: short, stable names a shared link keeps.
const QUERY_NAMES: Record<keyof CatalogFilters, string> = {
  type: 'type',
  genre: 'genre',
  year: 'year',
  maxPrice: 'max',
};

/** The filters a catalog URL's query names (`?type=music&max=1000`); anything malformed is ignored. */
export function filtersFromQuery(search: string): CatalogFilters {
  const query = new URLSearchParams(search);
  const read = (facet: keyof CatalogFilters): string => (query.get(QUERY_NAMES[facet]) ?? '').trim().slice(0, 100);
  const maxPrice = read('maxPrice');
  return {
    type: read('type'),
    genre: read('genre'),
    year: /^\d{4}$/.test(read('year')) ? read('year') : '',
    maxPrice: /^\d{1,9}$/.test(maxPrice) ? maxPrice : '',
  };
}

/**
 * `search` (a URL's query) with the filters written into it: set ones named, unset ones
 * removed, any other parameter kept; '' when nothing is left.
 */
export function queryWithFilters(search: string, filters: CatalogFilters): string {
  const query = new URLSearchParams(search);
  for (const facet of Object.keys(QUERY_NAMES) as (keyof CatalogFilters)[]) {
    if (filters[facet] === '') query.delete(QUERY_NAMES[facet]);
    else query.set(QUERY_NAMES[facet], filters[facet]);
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Items passing every set filter, in their original order; a maximum price keeps only items
 * priced in `currency` at most that much.
 */
export function filterCatalog(items: readonly CatalogItem[], filters: CatalogFilters, currency: string): CatalogItem[] {
  const max = filters.maxPrice === '' ? undefined : Number(filters.maxPrice);
  return items.filter((item) => {
    const amount = item.prices[currency]?.amount;
    return (
      (filters.type === '' || item.type === filters.type) &&
      (filters.genre === '' || item.genre === filters.genre) &&
      (filters.year === '' || String(item.year) === filters.year) &&
      (max === undefined || (amount !== undefined && amount <= max))
    );
  });
}

/** The distinct values of a facet, sorted (years newest first), for the filter menus. */
export function facetValues(
  items: readonly Pick<CatalogItem, 'type' | 'genre' | 'year'>[],
  facet: 'type' | 'genre' | 'year',
): string[] {
  const values = new Set(items.map((i) => (i[facet] === null ? '' : String(i[facet]))).filter((v) => v !== ''));
  return [...values].sort((a, b) => (facet === 'year' ? Number(b) - Number(a) : a.localeCompare(b)));
}
