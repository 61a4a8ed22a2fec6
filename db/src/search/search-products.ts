import type { EntityManager } from '@mikro-orm/postgresql';
import type { MediaType } from '../entities/product.entity.js';
import { searchTermsOf } from './search-terms.js';
import { SEARCH_CONFIG, searchVector } from './text-search.js';

/** One catalog search. */
export interface ProductSearch {
  tenantId: string;
  /** What the buyer typed. */
  text: string;
  limit: number;
  mediaType?: MediaType | undefined;
}

/** One product found, with what a search result shows. */
export interface ProductSearchHit {
  id: string;
  slug: string;
  title: string;
  creatorName: string;
  mediaType: MediaType;
}

interface HitRow {
  id: string;
  slug: string;
  title: string;
  creator_name: string;
  media_type: MediaType;
}

/** The query a product must match: the web-search words and the prefix being typed. */
function fullQuery(words: string, prefix: string | null): { sql: string; params: string[] } {
  const web = `websearch_to_tsquery('${SEARCH_CONFIG}', ?)`;
  const typed = `to_tsquery('${SEARCH_CONFIG}', ?)`;
  if (prefix === null) return { sql: web, params: [words] };
  if (words === '') return { sql: typed, params: [prefix] };
  return { sql: `(${web} && ${typed})`, params: [words, prefix] };
}

/**
 * Active products of one tenant whose title, work title or creator name match `text`, best
 * first (ts_rank, title weighing most, then newest). Products of a work that is not published
 * are left out, as the storefront leaves them out.
 *
 * Candidates come from three lookups that each use their column's GIN index (any one word
 * matching anywhere); only those are ranked against the whole query over all three names, so
 * a query naming both a title and its creator still matches. User text reaches SQL only as
 * bound parameters, and only as letters and digits where `to_tsquery` syntax applies.
 */
export async function searchProducts(em: EntityManager, search: ProductSearch): Promise<ProductSearchHit[]> {
  const terms = searchTermsOf(search.text);
  if (terms === null) return [];
  const { tenantId } = search;
  const any = `to_tsquery('${SEARCH_CONFIG}', ?)`;
  const full = fullQuery(terms.words, terms.prefix);
  const document =
    `setweight(${searchVector('p.title')}, 'A') || ` +
    `setweight(${searchVector(`coalesce(w.title, '')`)}, 'B') || ` +
    `setweight(${searchVector('c.display_name')}, 'B')`;
  const mediaFilter = search.mediaType === undefined ? '' : 'and p.media_type = ?';
  const sql = `
    with candidates as (
      select p.id from products p
        where p.tenant_id = ? and ${searchVector('p.title')} @@ ${any}
      union
      select p.id from works w join products p on p.work_id = w.id and p.tenant_id = w.tenant_id
        where w.tenant_id = ? and ${searchVector('w.title')} @@ ${any}
      union
      select p.id from creators c join products p on p.creator_id = c.id and p.tenant_id = c.tenant_id
        where c.tenant_id = ? and ${searchVector('c.display_name')} @@ ${any}
    )
    select p.id, p.slug, p.title, c.display_name as creator_name, p.media_type
    from candidates
      join products p on p.id = candidates.id
      join creators c on c.id = p.creator_id and c.tenant_id = p.tenant_id
      left join works w on w.id = p.work_id and w.tenant_id = p.tenant_id
      cross join lateral (select ${document} as document, ${full.sql} as query) matched
    where p.tenant_id = ? and p.status = 'active' and (p.work_id is null or w.status = 'published') ${mediaFilter}
      and matched.document @@ matched.query
    order by ts_rank(matched.document, matched.query) desc, p.created_at desc, p.id desc
    limit ?`;
  const params: unknown[] = [
    tenantId, terms.anyToken,
    tenantId, terms.anyToken,
    tenantId, terms.anyToken,
    ...full.params,
    tenantId,
    ...(search.mediaType === undefined ? [] : [search.mediaType]),
    search.limit,
  ];
  const rows = await em.getConnection().execute<HitRow[]>(sql, params, 'all', em.getTransactionContext());
  return rows.map((row) => ({ id: row.id, slug: row.slug, title: row.title, creatorName: row.creator_name, mediaType: row.media_type }));
}
