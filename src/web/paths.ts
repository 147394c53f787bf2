import type { SortOrder } from '../ranking/ranking.js';
import { DEFAULT_SORT } from '../ranking/ranking.js';

/** Every URL the pages link to, built in one place. */
export const paths = {
  home: () => '/',
  show: (show: string, sort?: SortOrder) => withSort(`/shows/${encodeURIComponent(show)}`, sort),
  season: (show: string, season: number, sort?: SortOrder) =>
    withSort(`/shows/${encodeURIComponent(show)}/seasons/${season}`, sort),
  episode: (show: string, season: number, episode: number) =>
    `/shows/${encodeURIComponent(show)}/seasons/${season}/episodes/${episode}`,
};

function withSort(path: string, sort: SortOrder | undefined): string {
  return sort === undefined || sort === DEFAULT_SORT ? path : `${path}?sort=${sort}`;
}

/** The fragment id of an episode's entry in a ranking, so links and redirects land on it. */
export function episodeAnchor(seasonNumber: number, episodeNumber: number): string {
  return `s${seasonNumber}e${episodeNumber}`;
}
