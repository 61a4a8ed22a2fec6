/** A buyer's search text turned into tsquery inputs that are safe to bind as parameters. */
export interface SearchTerms {
  /** Text for `websearch_to_tsquery` (quotes, `-word` and `or` keep their meaning); '' when none. */
  words: string;
  /** `token:*` for `to_tsquery`, so the word being typed matches as a prefix; null when none. */
  prefix: string | null;
  /** Every token OR-ed (`a | b | c:*`) for `to_tsquery`: what the indexed candidate lookup matches. */
  anyToken: string;
}

// Letters, marks and digits only: nothing that to_tsquery could read as an operator.
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
/** Enough for any real query; bounds the size of the OR-ed candidate query. */
const MAX_TOKENS = 16;

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
  const tokens = [...new Set(tokensOf(normalized))].slice(0, MAX_TOKENS);
  if (tokens.length === 0) return null;
  const chunks = normalized.split(/\s+/);
  const last = chunks.at(-1) ?? '';
  const lastTokens = tokensOf(last);
  const typed = lastTokens.at(-1);
  if (last.startsWith('-') || last.includes('"') || typed === undefined) {
    return { words: normalized, prefix: null, anyToken: tokens.join(' | ') };
  }
  const words = [...chunks.slice(0, -1), ...lastTokens.slice(0, -1)].join(' ').trim();
  const others = tokens.filter((token) => token !== typed);
  return { words, prefix: `${typed}:*`, anyToken: [...others, `${typed}:*`].join(' | ') };
}
