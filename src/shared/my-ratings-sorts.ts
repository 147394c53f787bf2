/**
 * The orders a fan's own ratings can be listed in (/account/ratings), and how many fit on a page:
 * named here, below every layer, because the repository sorts by them and paths.ts builds their links.
 */

/** `newest`: last rated first; `show`: by show, season and episode; `rating`: highest first; `disagree`: farthest from the crowd's average first. */
export const MY_RATINGS_SORTS = ['newest', 'show', 'rating', 'disagree'] as const;
export type MyRatingsSort = (typeof MY_RATINGS_SORTS)[number];
export const DEFAULT_MY_RATINGS_SORT: MyRatingsSort = 'newest';

export const isMyRatingsSort = (value: string): value is MyRatingsSort => (MY_RATINGS_SORTS as readonly string[]).includes(value);

/** Ratings on one page of the list. */
export const MY_RATINGS_PAGE_SIZE = 50;
