import type { SortOrder } from '../ranking/ranking.js';
import { DEFAULT_SORT } from '../ranking/ranking.js';

/** Every URL the pages link to, built in one place. */
export const paths = {
  home: () => '/',
  /** The A–Z list of every show; page 1 has no query. */
  shows: (page?: number) => (page === undefined || page === 1 ? '/shows' : `/shows?page=${page}`),
  show: (show: string, sort?: SortOrder, page?: number) => withSort(`/shows/${encodeURIComponent(show)}`, sort, page),
  season: (show: string, season: number, sort?: SortOrder, page?: number) =>
    withSort(`/shows/${encodeURIComponent(show)}/seasons/${season}`, sort, page),
  episode: (show: string, season: number, episode: number) =>
    `/shows/${encodeURIComponent(show)}/seasons/${season}/episodes/${episode}`,
};

/** The default order and the first page are left out, so each page has one address. */
function withSort(path: string, sort: SortOrder | undefined, page: number | undefined): string {
  const query = [
    ...(sort === undefined || sort === DEFAULT_SORT ? [] : [`sort=${sort}`]),
    ...(page === undefined || page === 1 ? [] : [`page=${page}`]),
  ];
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
}

/** The fragment id of an episode's entry in a ranking, so links and redirects land on it. */
export function episodeAnchor(seasonNumber: number, episodeNumber: number): string {
  return `s${seasonNumber}e${episodeNumber}`;
}
