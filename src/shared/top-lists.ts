/**
 * The names of the site-wide episode lists (`/top?list=votes`, `/api/v1/top?list=votes`). What
 * puts episodes in each list's order is ranking code (src/ranking/top-episodes.ts); the names sit
 * down here so the one URL module (paths.ts) can leave the default list out of its links.
 */

export const TOP_LISTS = ['best', 'votes', 'divisive'] as const;
export type TopList = (typeof TOP_LISTS)[number];
export const DEFAULT_TOP_LIST: TopList = 'best';
