/** A buyer's search text turned into tsquery inputs that are safe to bind as parameters. */
export interface SearchTerms {
  /** Text for `websearch_to_tsquery` (quotes, `-word` and `or` keep their meaning); '' when none. */
  words: string;
  /** `token:*` for `to_tsquery`, so the word being typed matches as a prefix; null when none. */
  prefix: string | null;
}

// Letters, marks and digits only: nothing that to_tsquery could read as an operator.
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Splits `text` for autocomplete: the last word is matched as a prefix (unless it is negated or
 * quoted, where a prefix means nothing), the rest as a web search. Null when `text` holds no
 * searchable word at all.
 */
export function searchTermsOf(text: string): SearchTerms | null {
  const normalized = text.normalize('NFC').toLowerCase().trim();
  if (tokensOf(normalized).length === 0) return null;
  const chunks = normalized.split(/\s+/);
  const last = chunks.at(-1) ?? '';
  const lastTokens = tokensOf(last);
  const typed = lastTokens.at(-1);
  if (last.startsWith('-') || last.includes('"') || typed === undefined) return { words: normalized, prefix: null };
  const words = [...chunks.slice(0, -1), ...lastTokens.slice(0, -1)].join(' ').trim();
  return { words, prefix: `${typed}:*` };
}
