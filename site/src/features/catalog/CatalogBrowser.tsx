import { useState } from 'react';
import { facetValues, filterCatalog, itemsInCurrency, NO_FILTERS, type CatalogFilters, type CatalogItem } from './catalog-filter';
import { useCurrency } from '../locale/use-currency';

/** Props of `CatalogBrowser`. */
export interface CatalogBrowserProps {
  tenant: string;
  items: CatalogItem[];
  /** The currency the static HTML shows prices in (the page's default). */
  currency: string;
  /** Price thresholds offered in each currency, minor units with their formatted label. */
  priceSteps: Record<string, { amount: number; label: string }[]>;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base?: string;
  labels: { type: string; genre: string; year: string; maxPrice: string; any: string; results: string };
}

/** The catalog with client-side filters; rendered in full on the server, so it works without JS. */
export default function CatalogBrowser({ tenant, items, currency: fallback, priceSteps, base = '', labels }: CatalogBrowserProps) {
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const currency = useCurrency(tenant, Object.keys(priceSteps), fallback);
  // A maximum price means an amount in one currency: a new currency starts without one.
  const [filteredIn, setFilteredIn] = useState(currency);
  if (filteredIn !== currency) {
    setFilteredIn(currency);
    setFilters({ ...filters, maxPrice: '' });
  }
  const priced = itemsInCurrency(items, currency);
  const shown = filterCatalog(priced, filters);
  const select = (facet: keyof CatalogFilters, label: string, options: { value: string; label: string }[]) => (
    <label>
      {label}
      <select value={filters[facet]} onChange={(e) => setFilters({ ...filters, [facet]: e.currentTarget.value })} data-testid={`filter-${facet}`}>
        <option value="">{labels.any}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <div>
      <div className="filters">
        {select('type', labels.type, plain(facetValues(items, 'type')))}
        {select('genre', labels.genre, plain(facetValues(items, 'genre')))}
        {select('year', labels.year, plain(facetValues(items, 'year')))}
        {select('maxPrice', labels.maxPrice, (priceSteps[currency] ?? []).map((s) => ({ value: String(s.amount), label: s.label })))}
      </div>
      <p aria-live="polite" className="muted" data-testid="catalog-count">{shown.length} {labels.results}</p>
      <ul className="grid" data-testid="catalog-list">
        {shown.map((item) => (
          <li key={item.slug} className="card">
            {item.cover !== null && <img src={item.cover} alt="" width="160" height="160" loading="lazy" />}
            <a href={`${base}/products/${item.slug}/`}>{item.title}</a>
            <span className="muted">{item.creator}</span>
            <span>{item.price}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
