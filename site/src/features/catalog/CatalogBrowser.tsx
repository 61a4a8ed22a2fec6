import { useEffect, useState, type ReactNode } from 'react';
import {
  filterCatalog,
  filtersFromQuery,
  isFiltering,
  NO_FILTERS,
  parseCatalogIndex,
  priceText,
  queryWithFilters,
  type CatalogFilters,
  type CatalogIndex,
} from './catalog-filter';
import { useCurrency } from '../locale/use-currency';

/** Props of `CatalogBrowser`. */
export interface CatalogBrowserProps {
  tenant: string;
  /** Every filterable product in this locale (`/catalog/items.json`), loaded when a filter is first set. */
  itemsUrl: string;
  /** The currency the static HTML shows prices in (the page's default). */
  currency: string;
  /** The values each filter offers, from the whole catalog. */
  facets: Record<'type' | 'genre' | 'year', string[]>;
  /** Price thresholds offered in each currency, minor units with their formatted label. */
  priceSteps: Record<string, { amount: number; label: string }[]>;
  /** How many results show at first, and how many more each "show more" adds. */
  pageSize: number;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base?: string;
  /** What the static page shows ("1–48 of 1,000 products"), said while no filter is set. */
  summary: string;
  labels: {
    type: string;
    genre: string;
    year: string;
    maxPrice: string;
    any: string;
    results: string;
    loading: string;
    unavailable: string;
    showMore: string;
  };
  /** This page's product cards and page links (static HTML), shown until filtered results are. */
  children?: ReactNode;
}

type Catalog = { state: 'idle' | 'loading' | 'failed' } | { state: 'ready'; index: CatalogIndex };

/**
 * Filters over the whole catalog as a progressive enhancement of one static catalog page: the
 * page works without JS (its cards and page links are the children); setting a filter loads
 * every product's facets and prices once and shows the matches instead.
 */
export default function CatalogBrowser({
  tenant,
  itemsUrl,
  currency: fallback,
  facets,
  priceSteps,
  pageSize,
  base = '',
  summary,
  labels,
  children,
}: CatalogBrowserProps) {
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const [catalog, setCatalog] = useState<Catalog>({ state: 'idle' });
  const [limit, setLimit] = useState(pageSize);
  // The menus do nothing before hydration: disabled in the static HTML, enabled once they work.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => {
    setInteractive(true);
    // A shared or reloaded link brings its filters (the static HTML is always the unfiltered page).
    const linked = filtersFromQuery(window.location.search);
    if (isFiltering(linked)) setFilters(linked);
  }, []);
  const currency = useCurrency(tenant, Object.keys(priceSteps), fallback);
  // A maximum price means an amount in one currency: a new currency starts without one.
  const [filteredIn, setFilteredIn] = useState(currency);
  if (filteredIn !== currency) {
    setFilteredIn(currency);
    setFilters({ ...filters, maxPrice: '' });
  }
  const filtering = isFiltering(filters);
  // Loads on the first filter set, and again on a later change after a failure (offline, say).
  useEffect(() => {
    if (!filtering || catalog.state === 'loading' || catalog.state === 'ready') return;
    setCatalog({ state: 'loading' });
    fetch(itemsUrl)
      .then(async (response) => (response.ok ? parseCatalogIndex(await response.json()) : undefined))
      .then((index) => setCatalog(index === undefined ? { state: 'failed' } : { state: 'ready', index }))
      .catch(() => setCatalog({ state: 'failed' }));
  }, [filters, itemsUrl]);
  const results =
    catalog.state === 'ready' && filtering ? filterCatalog(catalog.index.items, filters, currency) : undefined;
  const choose = (facet: keyof CatalogFilters, value: string) => {
    const next = { ...filters, [facet]: value };
    setFilters(next);
    setLimit(pageSize);
    // Kept in the address, so reload, back from a product and a shared link show the same results;
    // replaced, not pushed, so Back leaves the catalog instead of undoing filters one by one.
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${queryWithFilters(search, next)}${hash}`);
  };
  const select = (facet: keyof CatalogFilters, label: string, options: { value: string; label: string }[]) => (
    <label>
      {label}
      <select
        value={filters[facet]}
        disabled={!interactive}
        onChange={(e) => choose(facet, e.currentTarget.value)}
        data-testid={`filter-${facet}`}
      >
        <option value="">{labels.any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  const status = !filtering
    ? summary
    : results !== undefined
      ? `${results.length} ${labels.results}`
      : catalog.state === 'failed'
        ? labels.unavailable
        : labels.loading;
  return (
    <div>
      <div className="filters">
        {select('type', labels.type, plain(facets.type))}
        {select('genre', labels.genre, plain(facets.genre))}
        {select('year', labels.year, plain(facets.year))}
        {select(
          'maxPrice',
          labels.maxPrice,
          (priceSteps[currency] ?? []).map((s) => ({ value: String(s.amount), label: s.label })),
        )}
      </div>
      <p aria-live="polite" className="muted" data-testid="catalog-count">
        {status}
      </p>
      <div hidden={results !== undefined}>{children}</div>
      {results !== undefined && catalog.state === 'ready' && (
        <>
          <ul className="grid" data-testid="catalog-results">
            {results.slice(0, limit).map((item) => (
              <li key={item.slug} className="card">
                {item.cover !== null && <img src={item.cover} alt="" width="160" height="160" loading="lazy" />}
                <a href={`${base}/products/${item.slug}/`}>{item.title}</a>
                <span className="muted">{item.creator}</span>
                <span>{priceText(catalog.index, item, currency, fallback)}</span>
              </li>
            ))}
          </ul>
          {results.length > limit && (
            <button
              type="button"
              className="button"
              onClick={() => setLimit(limit + pageSize)}
              data-testid="catalog-more"
            >
              {labels.showMore}
            </button>
          )}
        </>
      )}
    </div>
  );
}
