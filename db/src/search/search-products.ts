import type { EntityManager } from '@mikro-orm/postgresql';
import type { MediaType } from '../entities/product.entity.js';
import { searchTermsOf } from './search-terms.js';

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

/**
 * The tsquery a product must match: the web-search words and the prefix being typed. `simple`
 * like the triggers that write `search_document`: no stemming, so a prefix typed in any
 * storefront language matches the word as written.
 */
function tsquery(words: string, prefix: string | null): { sql: string; params: string[] } {
  const web = `websearch_to_tsquery('simple', ?)`;
  const typed = `to_tsquery('simple', ?)`;
  if (prefix === null) return { sql: web, params: [words] };
  if (words === '') return { sql: typed, params: [prefix] };
  return { sql: `(${web} && ${typed})`, params: [words, prefix] };
}

/**
 * Active products of one tenant whose title, work title or creator name match `text`, best
 * first (ts_rank, the title weighing most, then newest). Products of a work that is not
 * published are left out, as the storefront leaves them out. Matching and ranking use the
 * stored, GIN-indexed `search_document` that triggers keep up to date. User text reaches SQL
 * only as bound parameters, and only as letters and digits where `to_tsquery` syntax applies.
 */
export async function searchProducts(em: EntityManager, search: ProductSearch): Promise<ProductSearchHit[]> {
  const terms = searchTermsOf(search.text);
  if (terms === null) return [];
  const query = tsquery(terms.words, terms.prefix);
  const media =
    search.mediaType === undefined
      ? { sql: '', params: [] }
      : { sql: 'and p.media_type = ?', params: [search.mediaType] };
  // The tsquery is written out twice (filter and rank) so the planner sees it as the GIN index condition.
  const rows = await em.getConnection().execute<HitRow[]>(
    `select p.id, p.slug, p.title, c.display_name as creator_name, p.media_type
     from products p
       join creators c on c.id = p.creator_id and c.tenant_id = p.tenant_id
       left join works w on w.id = p.work_id and w.tenant_id = p.tenant_id
     where p.tenant_id = ? and p.status = 'active' and (p.work_id is null or w.status = 'published') ${media.sql}
       and p.search_document @@ ${query.sql}
     order by ts_rank(p.search_document, ${query.sql}) desc, p.created_at desc, p.id desc
     limit ?`,
    [search.tenantId, ...media.params, ...query.params, ...query.params, search.limit],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    creatorName: row.creator_name,
    mediaType: row.media_type,
  }));
}
