/**
 * Numbered pages, for every list that has them (shows, rankings, search, /top, the admin lists,
 * a fan's ratings): which rows a page holds, how many pages a list has, and the highest page a
 * URL may ask for. Pure arithmetic, so each list states only its own page size.
 */

/**
 * The largest whole number a URL carries, as a page (`?page=`), a season or an episode number or an
 * id: far past any real list or show, yet small enough that no value overflows an integer column
 * on PostgreSQL or asks the database for a huge OFFSET. The catalogue's season and episode numbers
 * stay within it (catalog-rules.ts) so that every episode has an address.
 */
export const MAX_URL_NUMBER = 100_000;

/** The highest `?page=` any list accepts. */
export const MAX_PAGE_NUMBER = MAX_URL_NUMBER;

/** One page of a list numbered from 1, with the number of entries on all pages. */
export interface NumberedPage<T> {
  items: T[];
  page: number;
  /** At least 1: an empty list still has its (empty) first page. */
  pageCount: number;
  total: number;
}

/** Rows to skip for a page: what a repository's OFFSET takes. */
export const offsetOf = (page: number, size: number) => (page - 1) * size;

/** Pages a list of `total` entries fills, `size` to a page; an empty list still has its first page. */
export const pageCountOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

export function numberedPage<T>(items: T[], page: number, size: number, total: number): NumberedPage<T> {
  return { items, page, pageCount: pageCountOf(total, size), total };
}

/** The positions (from 1) of the first and last entries a page shows: "51–100 of 120". */
export function entriesOnPage(page: number, size: number, total: number): { first: number; last: number } {
  return { first: offsetOf(page, size) + 1, last: Math.min(total, page * size) };
}

/**
 * The page numbers a pager links to: the first, the last, and two on each side of the current one,
 * in order.
 */
export function pagesAround(page: number, pageCount: number): number[] {
  return [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
}
