/**
 * The site-wide episode lists of `/top` and `/api/v1/top`: their names, the "most divisive"
 * measure, and the numbers each stored row is ordered by. Pure functions only; the refresher
 * (top-episodes.refresher.ts) stores what these compute, the repository reads it back a page at a time.
 */
import type { TopEpisodesTable } from '../db/schema.js';
import { fanScore, type Prior, type Tally } from './ranking.js';

export { DEFAULT_TOP_LIST, TOP_LISTS, type TopList } from '../shared/top-lists.js';

/** Entries on one page of a list. */
export const TOP_PER_PAGE = 50;

/**
 * The last page a list shows: the lists are read by offset, so the deepest page costs
 * TOP_MAX_PAGE × TOP_PER_PAGE index entries, whatever the size of the catalogue.
 */
export const TOP_MAX_PAGE = 200;

/**
 * A histogram is two-peaked ("divisive") when at least this share of its ratings are low (1–3)
 * and at least this share are high (8–10). A quarter each is well above what a liked episode
 * gets (its 1–3 share is usually a few percent) and is reached by an episode one camp loves and
 * another hates; its divisiveness is then the smaller of the two shares, so the most evenly split
 * episodes come first (0.5 is the most: half the ratings at each end).
 */
export const DIVISIVE_MIN_SHARE = 0.25;

/** Ratings counted as low and as high by the divisive measure, as 1-based rating values. */
const LOW_RATINGS = [1, 2, 3];
const HIGH_RATINGS = [8, 9, 10];

/**
 * How divided the ratings in `histogram` are (index 0 holds the 1s): the smaller of the shares of
 * 1–3 and 8–10 ratings when both reach DIVISIVE_MIN_SHARE, else null. Only ratings cast here have a
 * histogram (an imported baseline is a count and a sum), so this measures those alone.
 */
export function divisiveness(histogram: readonly number[]): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const share = (ratings: number[]) => ratings.reduce((sum, rating) => sum + (histogram[rating - 1] ?? 0), 0) / total;
  const low = share(LOW_RATINGS);
  const high = share(HIGH_RATINGS);
  return low >= DIVISIVE_MIN_SHARE && high >= DIVISIVE_MIN_SHARE ? Math.min(low, high) : null;
}

/**
 * The fan score as a double, to order by across shows. Exact fractions of different shows have
 * unrelated denominators, so no index can hold them; a double keeps 15–16 significant digits,
 * far below the 0.005 a page shows, and two scores it cannot tell apart fall to the tie chain
 * (more votes, higher average, lower episode id). The page shows the exact two-decimal score.
 */
export function orderableScore(tally: Tally, prior: Prior): number | null {
  const score = fanScore(tally, prior);
  return score === null ? null : Number(score.numerator) / Number(score.denominator);
}

/** The year of a `YYYY-MM-DD` air date, or null without one. */
export function airYear(airDate: string | null): number | null {
  if (airDate === null) return null;
  const year = Number(airDate.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}

/** A stored row as the refresher compares it: the row without the computation it came from. */
export type TopRowValues = Omit<TopEpisodesTable, 'computed_changes'>;

/**
 * What a refresh must write to turn a show's stored rows into its newly computed ones. A vote on a
 * show moves the show's mean and with it every fan score of the show, but only the voted episode's
 * own tally: the other rows need only their score and the show totals written (three columns, the
 * indexes that hold the score), not the whole row in every index.
 */
export interface TopWritePlan {
  /** New on the list, or their own tally, network or air year changed: written whole. */
  whole: TopRowValues[];
  /** Only the show totals and so the score changed. */
  rescored: TopRowValues[];
  /** No longer on the list (fewer votes than the minimum, or gone). */
  removed: number[];
}

export function planTopWrite(stored: readonly TopRowValues[], computed: readonly TopRowValues[]): TopWritePlan {
  const before = new Map(stored.map((row) => [row.episode_id, row]));
  const plan: TopWritePlan = { whole: [], rescored: [], removed: [] };
  for (const row of computed) {
    const old = before.get(row.episode_id);
    before.delete(row.episode_id);
    if (
      !old ||
      old.vote_count !== row.vote_count ||
      old.vote_sum !== row.vote_sum ||
      old.average !== row.average ||
      old.divisiveness !== row.divisiveness ||
      old.network !== row.network ||
      old.air_year !== row.air_year ||
      old.show_id !== row.show_id
    ) {
      plan.whole.push(row);
    } else if (old.score !== row.score || old.show_vote_count !== row.show_vote_count || old.show_vote_sum !== row.show_vote_sum) {
      plan.rescored.push(row);
    }
  }
  plan.removed = [...before.keys()];
  return plan;
}
