/**
 * The orders `/shows` can list shows in, by the names its URLs use (`/shows?sort=votes`). They sit
 * down here so the one URL module (paths.ts) can leave the default order out of its links.
 */

export const SHOW_SORTS = ['title', 'votes', 'updated'] as const;
export type ShowSort = (typeof SHOW_SORTS)[number];
export const DEFAULT_SHOW_SORT: ShowSort = 'title';

/** What a show list is narrowed to: a network or status in any case, a year exactly. */
export interface ShowFilters {
  network?: string;
  status?: string;
  /** The year the show's first episode aired. */
  year?: number;
}
