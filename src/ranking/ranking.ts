/**
 * Ranking math, exactly as docs/ranking.md (the ranking specification) says. Pure functions only: no I/O, no
 * rounding in any comparison or in anything shown with two decimals. Comparisons multiply whole
 * numbers, as plain JS numbers while every product is a safe integer and as BigInt beyond.
 *
 * Notation (from the spec): an episode has n votes summing to S; its show has N votes summing
 * to T, so the show's mean is C = T / N; m is the prior weight (RANK_PRIOR_VOTES).
 */

import type { SortOrder } from '../shared/sort-orders.js';

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
  if (tally.count <= 0) return null;
  return twoDecimalsOfNumbers(tally.sum, tally.count) ?? formatTwoDecimals(average(tally)!);
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

/**
 * The fan score rounded to two decimals, as `formatTwoDecimals(fanScore(tally, prior))` gives it,
 * in plain numbers while the fraction's parts stay small enough to be exact: a ranking page or a
 * vote's answer formats a hundred scores, and BigInt division made that the costliest part.
 */
export function formatFanScore(tally: Tally, prior: Prior): string | null {
  if (tally.count <= 0 || prior.showCount <= 0) return null;
  const numerator = tally.sum * prior.showCount + prior.priorVotes * prior.showSum;
  const denominator = prior.showCount * (tally.count + prior.priorVotes);
  return twoDecimalsOfNumbers(numerator, denominator) ?? formatTwoDecimals(fanScore(tally, prior)!);
}

/**
 * `formatTwoDecimals` for p/q given as numbers, or null when 200·p + q or 2·q is not a safe
 * integer. Below 2^53 the floating-point quotient floors exactly: for it to round up to a whole
 * number h it would have to be within h·2^-53 of h, while it is at least 1/(2q) away, which needs
 * 2q·h > 2^53, i.e. a dividend past 2^53. Past that bound the parts themselves are inexact.
 */
function twoDecimalsOfNumbers(p: number, q: number): string | null {
  const dividend = 200 * p + q;
  const divisor = 2 * q;
  if (!(q > 0) || !(p >= 0) || !Number.isSafeInteger(dividend) || !Number.isSafeInteger(divisor)) return null;
  const hundredths = Math.floor(dividend / divisor);
  const cents = hundredths % 100;
  return `${(hundredths - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
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

/**
 * How the exact comparisons multiply: with plain numbers while every product they can form is a
 * safe integer (below 2^53, where doubles stop counting every integer), with BigInt beyond. The
 * two give the same order; numbers are what keep a vote on a big show cheap.
 */
export type Arithmetic = 'number' | 'bigint';

/** Compares two rated episodes: negative when `a` ranks above `b`, never 0 for two different episodes. */
export type EpisodeComparator = (a: RankableEpisode, b: RankableEpisode) => number;

/**
 * The arithmetic that stays exact for every comparison among these episodes under this prior,
 * decided once from the largest inputs rather than per comparison.
 *
 * The largest product a comparison forms is (S·N + m·T)·(n + m) for fan scores and S·n for
 * averages (the fast path leaves out the factor N that both sides of a fan-score comparison share).
 */
export function arithmeticFor(episodes: Iterable<Tally>, prior: Prior): Arithmetic {
  let maxSum = 0;
  let maxCount = 0;
  for (const e of episodes) {
    if (!Number.isSafeInteger(e.sum) || !Number.isSafeInteger(e.count)) return 'bigint';
    maxSum = Math.max(maxSum, Math.abs(e.sum));
    maxCount = Math.max(maxCount, Math.abs(e.count));
  }
  const { showSum, showCount, priorVotes } = prior;
  if (![showSum, showCount, priorVotes].every(Number.isSafeInteger)) return 'bigint';
  // Measured in BigInt once, so that the bound itself cannot round.
  const abs = (x: number) => BigInt(Math.abs(x));
  const scoreNumerator = abs(maxSum) * abs(showCount) + abs(priorVotes) * abs(showSum);
  const largest = [scoreNumerator * (abs(maxCount) + abs(priorVotes)), abs(maxSum) * abs(maxCount), scoreNumerator];
  return largest.every((x) => x <= BigInt(Number.MAX_SAFE_INTEGER)) ? 'number' : 'bigint';
}

/** Compares x_a/y_a with x_b/y_b (positive denominators) in numbers: negative when a's is larger. */
function descendingRatio(xa: number, ya: number, xb: number, yb: number): number {
  const left = xa * yb;
  const right = xb * ya;
  return left > right ? -1 : left < right ? 1 : 0;
}

/** The tie chain's keys after the vote count and the average: season, episode, id. */
function positionTie(a: RankableEpisode, b: RankableEpisode): number {
  return a.seasonNumber - b.seasonNumber || a.episodeNumber - b.episodeNumber || a.id - b.id;
}

/**
 * The full comparison of one order (primary key, then the tie chain) in the arithmetic chosen by
 * `arithmeticFor`. Only for rated episodes (count > 0).
 */
export function episodeComparator(order: SortOrder, prior: Prior, arithmetic: Arithmetic): EpisodeComparator {
  return arithmetic === 'number' ? numberComparator(order, prior) : bigintComparator(order, prior);
}

function numberComparator(order: SortOrder, prior: Prior): EpisodeComparator {
  const N = prior.showCount;
  const T = prior.showSum;
  const m = prior.priorVotes;
  const byAverage = (a: RankableEpisode, b: RankableEpisode) => descendingRatio(a.sum, a.count, b.sum, b.count);
  const tieChain = (a: RankableEpisode, b: RankableEpisode) => b.count - a.count || byAverage(a, b) || positionTie(a, b);
  if (order === 'votes') return tieChain;
  if (order === 'average') return (a, b) => byAverage(a, b) || tieChain(a, b);
  // Without show votes there is no mean to pull towards: the score is the average (as in fanScore's caller).
  if (N <= 0) return (a, b) => byAverage(a, b) || tieChain(a, b);
  // (S·N + m·T) / (N·(n + m)): N is positive and common to both sides, so it drops out.
  return (a, b) => descendingRatio(a.sum * N + m * T, a.count + m, b.sum * N + m * T, b.count + m) || tieChain(a, b);
}

/** A rated episode with its fractions built once, not once per comparison. */
interface Keyed {
  average: Fraction;
  score: Fraction;
}

function keyOf(episode: RankableEpisode, prior: Prior): Keyed {
  const avg = average(episode)!;
  // A show total smaller than one of its episodes' is inconsistent input; rank by the average then.
  return { average: avg, score: fanScore(episode, prior) ?? avg };
}

/**
 * The reference comparison, in BigInt fractions exactly as the specification writes it; the
 * number path must order exactly as this one does (test/ranking/ranking.test.ts checks it).
 */
function bigintComparator(order: SortOrder, prior: Prior): EpisodeComparator {
  const keys = new WeakMap<RankableEpisode, Keyed>();
  const key = (e: RankableEpisode) => {
    let k = keys.get(e);
    if (!k) keys.set(e, (k = keyOf(e, prior)));
    return k;
  };
  const tieChain = (a: RankableEpisode, b: RankableEpisode) => b.count - a.count || descending(key(a).average, key(b).average) || positionTie(a, b);
  const primary: Record<SortOrder, (a: RankableEpisode, b: RankableEpisode) => number> = {
    score: (a, b) => descending(key(a).score, key(b).score),
    average: (a, b) => descending(key(a).average, key(b).average),
    // `votes` is the tie chain itself, whose first key is the count.
    votes: () => 0,
  };
  const first = primary[order];
  return (a, b) => first(a, b) || tieChain(a, b);
}

export interface Ranking<T> {
  /** Episodes with at least one vote, best first; `rank` is the 1-based position. */
  ranked: Array<T & { rank: number }>;
  /** Episodes without votes, in season and episode order: listed apart as "not yet rated". */
  unrated: T[];
}

/**
 * Splits episodes into ranked and not-yet-rated and orders the ranked ones. The tie chain ends
 * every order: more votes, higher average, lower season number, lower episode number, lower
 * episode id, so a page never reorders by chance. `arithmetic` is for tests that pin one path.
 */
export function rankEpisodes<T extends RankableEpisode>(
  episodes: readonly T[],
  order: SortOrder,
  prior: Prior,
  arithmetic: Arithmetic = arithmeticFor(episodes, prior),
): Ranking<T> {
  const rated: T[] = [];
  const unrated: T[] = [];
  for (const episode of episodes) (episode.count > 0 ? rated : unrated).push(episode);
  rated.sort(episodeComparator(order, prior, arithmetic));
  unrated.sort(positionTie);
  return { ranked: rated.map((episode, index) => ({ ...episode, rank: index + 1 })), unrated };
}

/**
 * An episode's place in `episodes` under `order`: 1 + how many rated episodes there rank above it,
 * in one pass and without sorting. Null when the episode has no votes (it is not ranked). The
 * episode itself may be in the list or not.
 */
export function rankOf(
  episode: RankableEpisode,
  episodes: readonly RankableEpisode[],
  prior: Prior,
  order: SortOrder,
  arithmetic: Arithmetic = arithmeticFor(episodes, prior) === 'number' ? arithmeticFor([episode], prior) : 'bigint',
): number | null {
  if (episode.count <= 0) return null;
  const compare = episodeComparator(order, prior, arithmetic);
  let above = 0;
  for (const other of episodes) if (other.count > 0 && compare(other, episode) < 0) above++;
  return above + 1;
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
