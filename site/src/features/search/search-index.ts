/** One searchable catalog entry, as the prebuilt index holds it. */
export interface SearchEntry {
  slug: string;
  title: string;
  creator: string;
  type: string;
  genre: string;
  tags: string[];
  year: number | null;
  /** In the page's default currency. */
  price: string;
  /** In each currency the buyer can switch to. */
  prices?: Record<string, string>;
}

/** Lower-case, accent-free words of a text. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Entries matching every word of `query` (the last as a prefix, so it works while typing),
 * best first: title matches above creator, genre and tag matches.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const title = words(entry.title);
    const rest = [...words(entry.creator), ...words(entry.genre), ...entry.tags.flatMap(words), ...words(entry.type)];
    let score = 0;
    let all = true;
    terms.forEach((term, i) => {
      const matches = (w: string): boolean =>
        i === terms.length - 1 ? w.startsWith(term) : w === term || w.startsWith(term);
      if (title.some(matches)) score += 3;
      else if (rest.some(matches)) score += 1;
      else all = false;
    });
    if (all) scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title))
    .slice(0, limit)
    .map((s) => s.entry);
}
