import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SearchEntry } from './search-index';
import { searchOnlineOrIndex, type SearchAnswer } from './search-source';
import { useCurrency } from '../locale/use-currency';

/** Props of `SearchBox`. */
export interface SearchBoxProps {
  tenant: string;
  /** URL of the prebuilt index (precached, so search works offline). */
  indexUrl: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base?: string;
  /** The page's default currency and those the buyer can switch to. */
  currency: string;
  currencies: string[];
  labels: { search: string; noResults: string; results: string };
}

// Typing pauses this long before a request; the API's answer is awaited at most 1.5 s.
const DEBOUNCE_MS = 150;

/**
 * Search with suggestions as you type: asks the catalog search API while online and
 * falls back to the prebuilt client-side index offline, on failure or when the API is slow.
 */
export default function SearchBox({
  tenant,
  indexUrl,
  base = '',
  currency: fallback,
  currencies,
  labels,
}: SearchBoxProps) {
  const [entries, setEntries] = useState<SearchEntry[]>([]);
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<(SearchAnswer & { query: string }) | undefined>();
  const currency = useCurrency(tenant, currencies, fallback);
  const id = useId();
  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q');
    if (initial) setQuery(initial);
    fetch(indexUrl)
      .then((r) => r.json() as Promise<SearchEntry[]>)
      .then(setEntries)
      .catch(() => setEntries([]));
  }, [indexUrl]);
  useEffect(() => {
    const typing = new AbortController();
    const timer = setTimeout(() => {
      searchOnlineOrIndex(query, {
        fetch: (url, init) => fetch(url, init),
        online: navigator.onLine,
        index: entries,
        signal: typing.signal,
      })
        .then((found) => setAnswer({ ...found, query }))
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      typing.abort();
    };
  }, [query, entries]);
  const prices = useMemo(
    () => new Map(entries.map((e) => [e.slug, e.prices?.[currency] ?? e.price])),
    [entries, currency],
  );
  const results = answer?.query === query ? answer.hits : [];
  const open = query.trim() !== '' && answer?.query === query;
  const go = (slug: string | undefined) => {
    if (slug !== undefined) window.location.assign(`${base}/products/${slug}/`);
  };
  // Arrow keys move between the input and the result links (a plain list of links rather than a
  // listbox: options may not contain links, and each result is one).
  const moveFocus = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [...event.currentTarget.querySelectorAll<HTMLElement>('input, [data-result]')];
    const at = stops.indexOf(event.target as HTMLElement);
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next !== undefined) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is missing from browsers the storefront still serves (Safari before 17)
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        go(results[0]?.slug);
      }}
      onKeyDown={moveFocus}
    >
      <label htmlFor={`${id}-input`}>{labels.search}</label>
      <input
        id={`${id}-input`}
        type="search"
        autoComplete="off"
        aria-describedby={`${id}-count`}
        aria-controls={`${id}-list`}
        value={query}
        data-testid="search-input"
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <p id={`${id}-count`} aria-live="polite" className="muted">
        {open ? (results.length === 0 ? labels.noResults : `${results.length} ${labels.results}`) : ''}
      </p>
      <ul
        id={`${id}-list`}
        aria-label={labels.search}
        className="suggestions"
        data-testid="search-results"
        data-source={open ? answer.source : undefined}
      >
        {open &&
          results.map((hit) => (
            <li key={hit.slug}>
              <a href={`${base}/products/${hit.slug}/`} data-result>
                {hit.title}
              </a>{' '}
              <span className="muted">
                {[hit.creator, prices.get(hit.slug)].filter((part) => part !== undefined && part !== '').join(' · ')}
              </span>
            </li>
          ))}
      </ul>
    </form>
  );
}
