/**
 * Ranking math, exactly as docs/ranking.md (the ranking specification) says. Pure functions only: no I/O, no
 * floating point in any comparison or in anything shown with two decimals.
 *
 * Notation (from the spec): an episode has n votes summing to S; its show has N votes summing
 * to T, so the show's mean is C = T / N; m is the prior weight (RANK_PRIOR_VOTES).
 */

export const SORT_ORDERS = ['score', 'average', 'votes'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const DEFAULT_SORT: SortOrder = 'score';

/** The default m: an episode's own average counts for n / (n + 5) of its fan score. */
export const DEFAULT_PRIOR_VOTES = 5;

/** A vote total: n votes summing to S. */
export interface Tally {
  count: number;
  sum: number;
}

/** What the fan score pulls towards: the show's totals (T, N) and the weight m. */
export interface Prior {
  showSum: number;
  showCount: number;
  priorVotes: number;
}

/** The fields the tie chain needs, besides the tally. */
export interface RankableEpisode extends Tally {
  id: number;
  seasonNumber: number;
  episodeNumber: number;
}

/** An exact non-negative fraction. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/**
 * Rounds a fraction half-up to two decimals and formats it: floor((200·p + q) / (2q)) / 100.
 * 363/40 = 9.075 gives "9.08", where (9.075).toFixed(2) gives "9.07".
 */
export function formatTwoDecimals({ numerator, denominator }: Fraction): string {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  if (numerator < 0n) throw new RangeError('numerator must not be negative');
  const hundredths = (200n * numerator + denominator) / (2n * denominator); // BigInt division floors
  const whole = hundredths / 100n;
  const cents = hundredths % 100n;
  return `${whole}.${cents.toString().padStart(2, '0')}`;
}

/** The average S / n, or null for an episode without votes. */
export function average(tally: Tally): Fraction | null {
  if (tally.count <= 0) return null;
  return { numerator: BigInt(tally.sum), denominator: BigInt(tally.count) };
}

/** The average shown on a page ("9.40"), or null without votes. */
export function formatAverage(tally: Tally): string | null {
  const value = average(tally);
  return value && formatTwoDecimals(value);
}

/**
 * The fan score (S + m·C) / (n + m) with C = T / N, as the exact fraction
 * (S·N + m·T) / (N·(n + m)). Null when the episode or the show has no votes: with N = 0 there is
 * no show mean to pull towards, and an episode without votes is not ranked at all.
 */
export function fanScore(tally: Tally, prior: Prior): Fraction | null {
  if (tally.count <= 0 || prior.showCount <= 0) return null;
  const N = BigInt(prior.showCount);
  const T = BigInt(prior.showSum);
  const m = BigInt(prior.priorVotes);
  return {
    numerator: BigInt(tally.sum) * N + m * T,
    denominator: N * (BigInt(tally.count) + m),
  };
}

/** True when an episode has fewer votes than the prior weight, so the show mean dominates its score. */
export function hasFewVotes(tally: Tally, prior: Pick<Prior, 'priorVotes'>): boolean {
  return tally.count < prior.priorVotes;
}

/** Negative when a is larger, so that sorting with it puts the larger fraction first. */
function descending(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left > right ? -1 : left < right ? 1 : 0;
}

/** A rated episode with its fractions built once, not once per comparison. */
interface Keyed<T extends RankableEpisode> {
  episode: T;
  average: Fraction;
  score: Fraction;
}

/**
 * The tie chain every order ends with, so a page never reorders by chance: more votes, higher
 * average, lower season number, lower episode number, lower episode id.
 */
function tieChain<T extends RankableEpisode>(a: Keyed<T>, b: Keyed<T>): number {
  return (
    b.episode.count - a.episode.count ||
    descending(a.average, b.average) ||
    a.episode.seasonNumber - b.episode.seasonNumber ||
    a.episode.episodeNumber - b.episode.episodeNumber ||
    a.episode.id - b.episode.id
  );
}

/** Each order's primary key; `votes` is the tie chain itself, whose first key is the count. */
const PRIMARY_KEY: Record<SortOrder, <T extends RankableEpisode>(a: Keyed<T>, b: Keyed<T>) => number> = {
  score: (a, b) => descending(a.score, b.score),
  average: (a, b) => descending(a.average, b.average),
  votes: () => 0,
};

export interface Ranking<T> {
  /** Episodes with at least one vote, best first; `rank` is the 1-based position. */
  ranked: Array<T & { rank: number }>;
  /** Episodes without votes, in season and episode order: listed apart as "not yet rated". */
  unrated: T[];
}

/** Splits episodes into ranked and not-yet-rated and orders the ranked ones. */
export function rankEpisodes<T extends RankableEpisode>(episodes: readonly T[], order: SortOrder, prior: Prior): Ranking<T> {
  const keyed: Array<Keyed<T>> = [];
  const unrated: T[] = [];
  for (const episode of episodes) {
    const avg = average(episode);
    if (avg === null) {
      unrated.push(episode);
      continue;
    }
    // A show total smaller than one of its episodes' is inconsistent input; rank by the average then.
    keyed.push({ episode, average: avg, score: fanScore(episode, prior) ?? avg });
  }
  const primary = PRIMARY_KEY[order];
  keyed.sort((a, b) => primary(a, b) || tieChain(a, b));
  unrated.sort((a, b) => a.seasonNumber - b.seasonNumber || a.episodeNumber - b.episodeNumber || a.id - b.id);
  return { ranked: keyed.map(({ episode }, index) => ({ ...episode, rank: index + 1 })), unrated };
}

/** The combined tally of many episodes (a season's or a show's T and N). */
export function totalOf(tallies: Iterable<Tally>): Tally {
  let count = 0;
  let sum = 0;
  for (const t of tallies) {
    count += t.count;
    sum += t.sum;
  }
  return { count, sum };
}

/** Parses a sort query value; null for anything unknown. */
export function parseSortOrder(value: string): SortOrder | null {
  return (SORT_ORDERS as readonly string[]).includes(value) ? (value as SortOrder) : null;
}
