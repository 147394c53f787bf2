/**
 * The orders a ranking can be shown in, by the names URLs and the API use (`?sort=average`). The
 * comparators that put episodes in each order are ranking math (src/ranking/ranking.ts); the names
 * sit down here so the one URL module (paths.ts) can leave the default order out of its links.
 */

export const SORT_ORDERS = ['score', 'average', 'votes'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const DEFAULT_SORT: SortOrder = 'score';

/** Parses a sort query value; null for anything unknown. */
export function parseSortOrder(value: string): SortOrder | null {
  return (SORT_ORDERS as readonly string[]).includes(value) ? (value as SortOrder) : null;
}
