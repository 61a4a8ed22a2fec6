import { searchEntries, type SearchEntry } from './search-index';

/** One suggestion, from the API or the prebuilt index. */
interface SearchHit {
  slug: string;
  title: string;
  creator: string;
}

/** Which source answered, and what it found. */
export interface SearchAnswer {
  source: 'api' | 'index';
  hits: SearchHit[];
}

/** What `searchOnlineOrIndex` needs from the page. */
export interface SearchSourceOptions {
  fetch: (url: string, init: { signal: AbortSignal }) => Promise<Pick<Response, 'ok' | 'json'>>;
  /** `navigator.onLine`. */
  online: boolean;
  /** The prebuilt index as loaded so far. */
  index: readonly SearchEntry[];
  /** Aborted when the buyer typed on: the answer no longer matters. */
  signal: AbortSignal;
  /** How long the API may take before the index answers instead. */
  timeoutMs?: number;
  limit?: number;
}

/** `GET /v1/catalog/search` answer (the fields the storefront uses). */
interface ApiAnswer {
  hits: { slug: string; title: string; creatorName: string }[];
}

const isApiAnswer = (value: unknown): value is ApiAnswer =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { hits?: unknown }).hits) &&
  (value as ApiAnswer).hits.every(
    (h) => typeof h?.slug === 'string' && typeof h.title === 'string' && typeof h.creatorName === 'string',
  );

/** The search API's URL for `query`. */
export const searchUrl = (query: string, limit: number): string =>
  `/v1/catalog/search?${new URLSearchParams({ q: query.trim(), limit: String(limit) }).toString()}`;

const fromIndex = (index: readonly SearchEntry[], query: string, limit: number): SearchAnswer => ({
  source: 'index',
  hits: searchEntries(index, query, limit).map((e) => ({ slug: e.slug, title: e.title, creator: e.creator })),
});

/**
 * Suggestions for `query`: from the catalog search API when the browser is online, from the
 * prebuilt index when it is offline, or when the API fails, answers something unexpected or
 * takes longer than `timeoutMs`. Rejects with the abort reason when `signal` aborts first.
 */
export async function searchOnlineOrIndex(query: string, options: SearchSourceOptions): Promise<SearchAnswer> {
  const limit = options.limit ?? 8;
  if (query.trim() === '') return { source: 'index', hits: [] };
  if (!options.online) return fromIndex(options.index, query, limit);
  const request = new AbortController();
  const stop = (): void => request.abort(options.signal.reason);
  options.signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => request.abort(new Error('search API timeout')), options.timeoutMs ?? 1500);
  try {
    const response = await options.fetch(searchUrl(query, limit), { signal: request.signal });
    const body: unknown = response.ok ? await response.json() : undefined;
    if (isApiAnswer(body)) {
      return {
        source: 'api',
        hits: body.hits.slice(0, limit).map((h) => ({ slug: h.slug, title: h.title, creator: h.creatorName })),
      };
    }
  } catch {
    // Network error, timeout or a body that is not JSON: the index answers below.
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
  if (options.signal.aborted) throw options.signal.reason;
  return fromIndex(options.index, query, limit);
}
