/**
 * The catalog's static pages: `/catalog/` holds the newest `size` products, `/catalog/page/2/`
 * the next ones and so on, so a buyer without JavaScript pages through and no page carries the
 * whole catalog.
 */

/** Products per catalog page unless the build says otherwise. */
export const DEFAULT_CATALOG_PAGE_SIZE = 48;

const PAGE_SIZE_VAR = 'FANFARE_SITE_CATALOG_PAGE_SIZE';

/** The build environment carrying a page size (set by `buildTenant`). */
export function catalogPageSizeEnv(size: number): Record<string, string> {
  return { [PAGE_SIZE_VAR]: String(checkedPageSize(size)) };
}

/** The page size a build was given, else the default; a malformed value fails the build. */
export function catalogPageSizeFrom(env: Record<string, string | undefined>): number {
  const value = env[PAGE_SIZE_VAR];
  return value === undefined || value === '' ? DEFAULT_CATALOG_PAGE_SIZE : checkedPageSize(Number(value));
}

function checkedPageSize(size: number): number {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`The catalog page size must be a positive integer, not ${size}`);
  return size;
}

/** How many pages `total` products fill; an empty catalog still has its first page. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items on page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The unprefixed path of catalog page `page`: the first is `/catalog/` itself. */
export function catalogPagePath(page: number): string {
  return page === 1 ? '/catalog/' : `/catalog/page/${page}/`;
}

/** One entry of the numbered page links: a page, or a gap standing for the pages left out. */
export type PageLink = { page: number; current: boolean } | { gap: true };

/**
 * The numbered links of page `current` of `count`: the first and last pages, and `around` pages
 * either side of the current one; a gap replaces each run of two or more pages left out (a
 * single page is shown instead, as it takes the same room).
 */
export function pageLinks(current: number, count: number, around = 2): PageLink[] {
  const shown = new Set([1, count]);
  for (let page = current - around; page <= current + around; page += 1)
    if (page >= 1 && page <= count) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) links.push({ page: page - 1, current: false });
    else if (page - previous > 2) links.push({ gap: true });
    links.push({ page, current: page === current });
    previous = page;
  }
  return links;
}

/** The previous and next pages of `current`, where there are some. */
export function neighbours(current: number, count: number): { prev: number | undefined; next: number | undefined } {
  return { prev: current > 1 ? current - 1 : undefined, next: current < count ? current + 1 : undefined };
}
