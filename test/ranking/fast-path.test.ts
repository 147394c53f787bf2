/**
 * The number fast path of the exact comparisons against the BigInt reference, on fixed-seed
 * random tallies from tiny (many ties) to huge (past 2^53, where only BigInt stays exact), and
 * rankOf (one pass, no sort) against the position in the sorted ranking.
 */
import { describe, expect, it } from 'vitest';
import {
  arithmeticFor,
  average,
  episodeComparator,
  fanScore,
  formatAverage,
  formatFanScore,
  formatTwoDecimals,
  rankEpisodes,
  rankOf,
  totalOf,
  type Prior,
  type RankableEpisode,
} from '../../src/ranking/ranking.js';
import { SORT_ORDERS } from '../../src/shared/sort-orders.js';
import { seededRandom } from '../helpers/random.js';

interface Regime {
  name: string;
  /** Largest vote count of one episode. */
  maxCount: number;
  episodes: number;
  expected: 'number' | 'bigint';
}

const REGIMES: Regime[] = [
  // Few votes, few distinct tallies: most comparisons go deep into the tie chain.
  { name: 'tiny tallies with many ties', maxCount: 4, episodes: 60, expected: 'number' },
  { name: 'a season page', maxCount: 500, episodes: 100, expected: 'number' },
  { name: 'a popular show', maxCount: 10_000, episodes: 300, expected: 'number' },
  // Products near 2^53 but below it: the fast path must still be chosen and still be exact.
  { name: 'just under the bound', maxCount: 25_000, episodes: 40, expected: 'number' },
  { name: 'huge tallies', maxCount: 1_000_000_000_000, episodes: 40, expected: 'bigint' },
];

function tallies(regime: Regime, next: () => number): RankableEpisode[] {
  const episodes: RankableEpisode[] = [];
  for (let id = 1; id <= regime.episodes; id++) {
    const count = Math.floor(next() * (regime.maxCount + 1)) * (next() < 0.1 ? 0 : 1);
    // A sum between count (all 1s) and 10·count (all 10s).
    const sum = count + Math.floor(next() * (9 * count + 1));
    episodes.push({ id, count, sum, seasonNumber: 1 + Math.floor(next() * 3), episodeNumber: 1 + Math.floor(next() * 5) });
  }
  // Exact duplicates of tallies, so equal scores and averages are common, not only in the tiny regime.
  for (let i = 0; i < regime.episodes / 4; i++) {
    const twin = episodes[Math.floor(next() * episodes.length)]!;
    episodes.push({ ...twin, id: episodes.length + 1, episodeNumber: twin.episodeNumber + (next() < 0.5 ? 0 : 1) });
  }
  return episodes;
}

function priors(episodes: RankableEpisode[], next: () => number): Prior[] {
  const totals = totalOf(episodes);
  return [
    { showSum: totals.sum, showCount: totals.count, priorVotes: 5 },
    { showSum: totals.sum, showCount: totals.count, priorVotes: Math.floor(next() * 1000) },
    { showSum: totals.sum, showCount: totals.count, priorVotes: 0 },
    // A show with no votes (score falls back to the average) and one whose totals disagree with its episodes.
    { showSum: 0, showCount: 0, priorVotes: 5 },
    { showSum: Math.floor(totals.sum / 3), showCount: Math.max(1, Math.floor(totals.count / 2)), priorVotes: 7 },
  ];
}

const sign = (x: number) => Math.sign(x);

describe('the number fast path orders exactly as the BigInt reference', () => {
  for (const [index, regime] of REGIMES.entries()) {
    it(`${regime.name}`, () => {
      const next = seededRandom(20_261_100 + index);
      for (let round = 0; round < 4; round++) {
        const episodes = tallies(regime, next);
        for (const prior of priors(episodes, next)) {
          const chosen = arithmeticFor(episodes, prior);
          if (prior.showCount > 0 && prior.priorVotes === 5 && prior.showSum === totalOf(episodes).sum) {
            expect(chosen).toBe(regime.expected);
          }
          for (const order of SORT_ORDERS) {
            const reference = rankEpisodes(episodes, order, prior, 'bigint').ranked.map((e) => e.id);
            expect(rankEpisodes(episodes, order, prior).ranked.map((e) => e.id)).toEqual(reference);
            if (chosen === 'number') {
              expect(rankEpisodes(episodes, order, prior, 'number').ranked.map((e) => e.id)).toEqual(reference);
              const fast = episodeComparator(order, prior, 'number');
              const exact = episodeComparator(order, prior, 'bigint');
              const rated = episodes.filter((e) => e.count > 0);
              for (let i = 0; i < 200; i++) {
                const a = rated[Math.floor(next() * rated.length)]!;
                const b = rated[Math.floor(next() * rated.length)]!;
                expect(sign(fast(a, b))).toBe(sign(exact(a, b)));
              }
            }
          }
        }
      }
    });
  }

  it('chooses BigInt as soon as one product would pass 2^53', () => {
    // (S·N + m·T)·(n + m) with S = 10, N = 2^26, m = 0 gives 10·2^26·2^26 > 2^53; one less vote does not.
    const N = 2 ** 26;
    const prior: Prior = { showSum: 10 * N, showCount: N, priorVotes: 0 };
    const small = { id: 1, count: 2 ** 26 / 16, sum: 10, seasonNumber: 1, episodeNumber: 1 };
    expect(arithmeticFor([small], prior)).toBe('number');
    expect(arithmeticFor([small, { ...small, id: 2, count: N }], prior)).toBe('bigint');
  });

  it('orders by BigInt where doubles would tie two different averages', () => {
    // S_a·n_b and S_b·n_a differ by exactly 1 near 9·10^16, where doubles are 16 apart: as numbers they tie.
    const a = { id: 1, count: 100_000_001, sum: 900_000_010, seasonNumber: 1, episodeNumber: 1 };
    const b = { id: 2, count: 100_000_000, sum: 900_000_001, seasonNumber: 1, episodeNumber: 2 };
    expect(a.sum * b.count).toBe(b.sum * a.count);
    expect(BigInt(b.sum) * BigInt(a.count) - BigInt(a.sum) * BigInt(b.count)).toBe(1n);
    const prior: Prior = { showSum: a.sum + b.sum, showCount: a.count + b.count, priorVotes: 5 };
    expect(arithmeticFor([a, b], prior)).toBe('bigint');
    // Forced into numbers, the tie would fall through to "more votes" and put a first: wrong.
    expect(episodeComparator('average', prior, 'number')(a, b)).toBeLessThan(0);
    expect(rankEpisodes([a, b], 'average', prior).ranked.map((e) => e.id)).toEqual([2, 1]);
    expect(rankOf(b, [a, b], prior, 'average')).toBe(1);
    expect(rankOf(a, [a, b], prior, 'average')).toBe(2);
  });
});

describe('rankOf', () => {
  it('equals the position in the sorted ranking, for every episode, order and arithmetic', () => {
    const next = seededRandom(7);
    for (const regime of [REGIMES[0]!, REGIMES[2]!, REGIMES[4]!]) {
      const episodes = tallies(regime, next);
      for (const prior of priors(episodes, next)) {
        for (const order of SORT_ORDERS) {
          const { ranked, unrated } = rankEpisodes(episodes, order, prior, 'bigint');
          // Every episode of a small list; a spread of them in a big one (each check is a pass over the list).
          const step = Math.max(1, Math.floor(ranked.length / 40));
          for (const e of ranked.filter((_, i) => i % step === 0 || i === ranked.length - 1)) {
            expect(rankOf(e, episodes, prior, order)).toBe(e.rank);
            expect(rankOf(e, episodes, prior, order, 'bigint')).toBe(e.rank);
          }
          for (const e of unrated) expect(rankOf(e, episodes, prior, order)).toBeNull();
        }
      }
    }
  });

  it('counts only rated episodes above it, whether or not the list holds the episode itself', () => {
    const prior: Prior = { showSum: 80, showCount: 10, priorVotes: 5 };
    const best = { id: 1, count: 5, sum: 50, seasonNumber: 1, episodeNumber: 1 };
    const worst = { id: 2, count: 5, sum: 10, seasonNumber: 1, episodeNumber: 2 };
    const unrated = { id: 3, count: 0, sum: 0, seasonNumber: 1, episodeNumber: 3 };
    expect(rankOf(worst, [best, worst, unrated], prior, 'score')).toBe(2);
    expect(rankOf(worst, [best, unrated], prior, 'score')).toBe(2);
    expect(rankOf(best, [worst], prior, 'score')).toBe(1);
    expect(rankOf(unrated, [best, worst], prior, 'score')).toBeNull();
  });
});

describe('two-decimal figures in plain numbers', () => {
  const reference = {
    average: (t: { count: number; sum: number }) => (t.count > 0 ? formatTwoDecimals(average(t)!) : null),
    fanScore: (t: { count: number; sum: number }, prior: Prior) => {
      const score = fanScore(t, prior);
      return score && formatTwoDecimals(score);
    },
  };

  it('equal the BigInt formatting for every size of tally, past 2^53 included', () => {
    const next = seededRandom(20261125);
    const int = (max: number) => Math.floor(next() * max);
    for (let i = 0; i < 20_000; i++) {
      // Sizes from a handful of votes to sums near and past what numbers hold exactly.
      const scale = [10, 1_000, 1e6, 1e9, 1e12, 2 ** 50][i % 6]!;
      const count = int(scale) + (i % 7 === 0 ? 0 : 1);
      const sum = count * (1 + int(10)) - (count > 0 ? int(count) : 0);
      const tally = { count, sum: Math.max(0, sum) };
      const prior = { showCount: count + int(scale * 3), showSum: 0, priorVotes: 1 + int(20) };
      prior.showSum = Math.min(prior.showCount * 10, tally.sum + int(prior.showCount * 10));
      expect(formatAverage(tally)).toBe(reference.average(tally));
      expect(formatFanScore(tally, prior)).toBe(reference.fanScore(tally, prior));
    }
  });

  it('round half up at the exact boundary, where floating point would not', () => {
    // 363/40 = 9.075 exactly: half up gives 9.08 ((9.075).toFixed(2) gives 9.07).
    expect(formatAverage({ count: 40, sum: 363 })).toBe('9.08');
    // Parts that are safe integers but whose 200·p + q is not: plain numbers would say 1.30.
    const huge = { count: 6_487_139_557_193_430, sum: 8_400_845_726_565_491 };
    expect(formatAverage(huge)).toBe('1.29');
    expect(reference.average(huge)).toBe('1.29');
    expect(formatAverage({ count: 0, sum: 0 })).toBeNull();
    expect(formatFanScore({ count: 1, sum: 5 }, { showCount: 0, showSum: 0, priorVotes: 5 })).toBeNull();
  });
});
