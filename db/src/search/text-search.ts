/**
 * The text search configuration of catalog search. `simple` lower-cases and never stems, so a
 * prefix typed in any storefront language matches the word as written; the GIN indexes and the
 * queries must use the same one for the indexes to be used.
 */
export const SEARCH_CONFIG = 'simple';

/** `to_tsvector` of one column, exactly as the search indexes and the search query write it. */
export function searchVector(column: string): string {
  return `to_tsvector('${SEARCH_CONFIG}', ${column})`;
}

/**
 * A GIN expression index over one text column, for entity metadata. MikroORM compares expression
 * indexes by name only, so the schema diff stays quiet once the migration has created it.
 */
export function textSearchIndex(table: string, column: string): { name: string; expression: string } {
  const name = `${table}_${column}_search_idx`;
  return { name, expression: `create index "${name}" on "${table}" using gin (${searchVector(`"${column}"`)})` };
}
