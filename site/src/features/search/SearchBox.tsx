import { useEffect, useId, useMemo, useState } from 'react';
import { searchEntries, type SearchEntry } from './search-index';

/** Props of `SearchBox`. */
export interface SearchBoxProps {
  /** URL of the prebuilt index (precached, so search works offline). */
  indexUrl: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base?: string;
  labels: { search: string; noResults: string; results: string };
}

/** Search with autocomplete over the prebuilt client-side index (an ARIA combobox). */
export default function SearchBox({ indexUrl, base = '', labels }: SearchBoxProps) {
  const [entries, setEntries] = useState<SearchEntry[]>([]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const id = useId();
  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q');
    if (initial) setQuery(initial);
    fetch(indexUrl)
      .then((r) => r.json() as Promise<SearchEntry[]>)
      .then(setEntries)
      .catch(() => setEntries([]));
  }, [indexUrl]);
  const results = useMemo(() => searchEntries(entries, query), [entries, query]);
  const open = query.trim() !== '' && entries.length > 0;
  const go = (entry: SearchEntry | undefined) => {
    if (entry !== undefined) window.location.assign(`${base}/products/${entry.slug}/`);
  };
  return (
    <form role="search" onSubmit={(e) => { e.preventDefault(); go(results[Math.max(active, 0)]); }}>
      <label htmlFor={`${id}-input`}>{labels.search}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        value={query}
        data-testid="search-input"
        onChange={(e) => { setQuery(e.target.value); setActive(-1); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, results.length - 1)); }
          if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, -1)); }
        }}
      />
      <p aria-live="polite" className="muted">{open ? (results.length === 0 ? labels.noResults : `${results.length} ${labels.results}`) : ''}</p>
      <ul id={`${id}-list`} role="listbox" aria-label={labels.search} className="suggestions" data-testid="search-results">
        {open && results.map((entry, i) => (
          <li key={entry.slug} id={`${id}-opt-${i}`} role="option" aria-selected={i === active}>
            <a href={`${base}/products/${entry.slug}/`}>{entry.title}</a> <span className="muted">{entry.creator} · {entry.price}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
