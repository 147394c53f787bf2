/**
 * How the ranking pages are cut into pages: a show's whole ranking 50 episodes at a time, a season
 * 100 at a time (so every season up to 100 episodes stays on one page). Later pages continue the
 * rank numbers; episodes not yet rated follow the rated ones on the last pages.
 */

export const SHOW_RANKING_PER_PAGE = 50;
export const SEASON_RANKING_PER_PAGE = 100;
/** The longest list a ranking page shows, so the most a vote's answer need carry. */
export const MAX_RANKING_WINDOW = Math.max(SHOW_RANKING_PER_PAGE, SEASON_RANKING_PER_PAGE);
