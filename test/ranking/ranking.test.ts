import { describe, expect, it } from 'vitest';
import { fanScore, formatAverage, formatTwoDecimals, hasFewVotes, rankEpisodes, totalOf, type Prior, type RankableEpisode } from '../../src/ranking/ranking.js';
import { parseSortOrder } from '../../src/shared/sort-orders.js';

/** A prior with C = showSum / showCount, as the spec's checks state it. */
const prior = (showSum: number, showCount: number, priorVotes: number): Prior => ({ showSum, showCount, priorVotes });
const C_7_5 = prior(15, 2, 10); // C = 15/2, m = 10
const C_8_5 = prior(17, 2, 10); // C = 17/2, m = 10

const asNumber = (f: { numerator: bigint; denominator: bigint } | null) => (f ? Number(f.numerator) / Number(f.denominator) : NaN);
const exactly = (f: { numerator: bigint; denominator: bigint } | null, numerator: number, denominator: number) =>
  f !== null && f.numerator * BigInt(denominator) === BigInt(numerator) * f.denominator;

let nextId = 1;
function episode(count: number, sum: number, seasonNumber = 1, episodeNumber = nextId): RankableEpisode {
  return { id: nextId++, count, sum, seasonNumber, episodeNumber };
}

describe('average shown with two decimals, rounded half-up on the exact fraction', () => {
  it.each([
    [363, 40, '9.08'], // 9.075: toFixed(2) would say 9.07
    [49, 6, '8.17'],
    [50, 6, '8.33'],
    [55, 7, '7.86'],
    [376, 40, '9.40'],
    [10, 1, '10.00'],
    [1, 1, '1.00'],
    [1, 3, '0.33'],
    [2, 3, '0.67'],
  ])('%i / %i shows %s', (sum, count, shown) => {
    expect(formatAverage({ sum, count })).toBe(shown);
  });

  it('differs from floating-point toFixed exactly where the spec says it must', () => {
    expect((363 / 40).toFixed(2)).toBe('9.07');
    expect(formatAverage({ sum: 363, count: 40 })).toBe('9.08');
  });

  it('has no average without votes', () => {
    expect(formatAverage({ sum: 0, count: 0 })).toBeNull();
  });

  it('stays exact far beyond 2^53', () => {
    // 4 million votes times a huge show: products overflow doubles but not BigInt.
    const big = { numerator: 2n ** 70n * 3n + 1n, denominator: 2n ** 70n };
    expect(formatTwoDecimals(big)).toBe('3.00');
    expect(formatTwoDecimals({ numerator: 2n ** 70n * 9n + (2n ** 70n * 3n) / 400n, denominator: 2n ** 70n })).toBe('9.01');
  });

  it('rejects a zero denominator', () => {
    expect(() => formatTwoDecimals({ numerator: 1n, denominator: 0n })).toThrow(RangeError);
  });
});

describe('fan score (S + m·C) / (n + m)', () => {
  it('ratings 10,10,9,8,8 with C = 15/2 and m = 10 score exactly 8', () => {
    expect(exactly(fanScore({ count: 5, sum: 45 }, C_7_5), 8, 1)).toBe(true);
  });

  it('40 ratings summing to 376 score 451/50 = 9.02', () => {
    const score = fanScore({ count: 40, sum: 376 }, C_7_5);
    expect(exactly(score, 451, 50)).toBe(true);
    expect(formatTwoDecimals(score!)).toBe('9.02');
  });

  it('four 10s score 115/14', () => {
    const score = fanScore({ count: 4, sum: 40 }, C_7_5);
    expect(exactly(score, 115, 14)).toBe(true);
    expect(asNumber(score)).toBeCloseTo(8.2143, 4);
  });

  it('with C below 8, more votes at an 8.00 average rank higher; with C above 8 the order reverses', () => {
    const low = [fanScore({ count: 5, sum: 40 }, C_7_5), fanScore({ count: 6, sum: 48 }, C_7_5), fanScore({ count: 8, sum: 64 }, C_7_5)];
    expect(exactly(low[0]!, 23, 3)).toBe(true);
    expect(exactly(low[1]!, 123, 16)).toBe(true);
    expect(exactly(low[2]!, 139, 18)).toBe(true);

    const high = [fanScore({ count: 5, sum: 40 }, C_8_5), fanScore({ count: 6, sum: 48 }, C_8_5), fanScore({ count: 8, sum: 64 }, C_8_5)];
    expect(exactly(high[0]!, 25, 3)).toBe(true);
    expect(exactly(high[1]!, 133, 16)).toBe(true);
    expect(exactly(high[2]!, 149, 18)).toBe(true);

    const episodes = [episode(5, 40, 1, 1), episode(6, 48, 1, 2), episode(8, 64, 1, 3)];
    const order = (p: Prior) => rankEpisodes(episodes, 'score', p).ranked.map((e) => e.count);
    expect(order(C_7_5)).toEqual([8, 6, 5]);
    expect(order(C_8_5)).toEqual([5, 6, 8]);
  });

  it('an episode with 4 votes keeps 4/9 of its own average with the default m = 5', () => {
    // C = 5, own average 10: score = (40 + 25) / 9 = 10·4/9 + 5·5/9
    expect(exactly(fanScore({ count: 4, sum: 40 }, prior(5, 1, 5)), 65, 9)).toBe(true);
  });

  it('equals the plain average when m = 0', () => {
    expect(exactly(fanScore({ count: 3, sum: 25 }, prior(100, 20, 0)), 25, 3)).toBe(true);
  });

  it('is undefined without votes on the episode or the show', () => {
    expect(fanScore({ count: 0, sum: 0 }, C_7_5)).toBeNull();
    expect(fanScore({ count: 3, sum: 20 }, prior(0, 0, 5))).toBeNull();
  });
});

describe('few votes', () => {
  it('marks episodes with fewer votes than m', () => {
    expect(hasFewVotes({ count: 4, sum: 30 }, { priorVotes: 5 })).toBe(true);
    expect(hasFewVotes({ count: 5, sum: 30 }, { priorVotes: 5 })).toBe(false);
  });
});

describe('rankEpisodes', () => {
  it('lists episodes without votes apart, in episode order', () => {
    const rated = episode(3, 24, 1, 2);
    const later = episode(0, 0, 2, 1);
    const earlier = episode(0, 0, 1, 14);
    const { ranked, unrated } = rankEpisodes([later, rated, earlier], 'score', C_7_5);
    expect(ranked.map((e) => e.id)).toEqual([rated.id]);
    expect(ranked[0]!.rank).toBe(1);
    expect(unrated.map((e) => e.id)).toEqual([earlier.id, later.id]);
  });

  it('sorts by average, by votes and by fan score', () => {
    const fewPerfect = episode(2, 20, 1, 1); // average 10.00
    const manyGood = episode(200, 1800, 1, 2); // average 9.00
    const middling = episode(50, 350, 1, 3); // average 7.00
    const all = [middling, fewPerfect, manyGood];
    const ids = (order: 'score' | 'average' | 'votes') => rankEpisodes(all, order, prior(2170, 252, 5)).ranked.map((e) => e.id);
    expect(ids('average')).toEqual([fewPerfect.id, manyGood.id, middling.id]);
    expect(ids('votes')).toEqual([manyGood.id, middling.id, fewPerfect.id]);
    // C ≈ 8.61: the two perfect votes are pulled down to (20 + 5C)/7 ≈ 9.01, still above 9.00.
    expect(ids('score')).toEqual([fewPerfect.id, manyGood.id, middling.id]);
    // With m = 50 the same two votes can no longer beat 200 votes at 9.00.
    expect(rankEpisodes(all, 'score', prior(2170, 252, 50)).ranked.map((e) => e.id)).toEqual([manyGood.id, fewPerfect.id, middling.id]);
  });

  it('breaks ties by more votes, higher average, season, episode, then id, in every order', () => {
    // Equal averages (8.00) with different counts: more votes first.
    const five = episode(5, 40, 1, 9);
    const eight = episode(8, 64, 1, 10);
    expect(rankEpisodes([five, eight], 'average', C_7_5).ranked.map((e) => e.id)).toEqual([eight.id, five.id]);

    // Equal counts in the votes order: higher average first.
    const lowAverage = episode(6, 36, 1, 1);
    const highAverage = episode(6, 54, 1, 2);
    expect(rankEpisodes([lowAverage, highAverage], 'votes', C_7_5).ranked.map((e) => e.id)).toEqual([highAverage.id, lowAverage.id]);

    // Identical tallies: lower season, then lower episode number, then lower id.
    const s2e1 = episode(5, 42, 2, 1);
    const s1e26 = episode(5, 42, 1, 26);
    const s1e13 = episode(5, 42, 1, 13);
    const twinA = { id: 900, count: 5, sum: 42, seasonNumber: 3, episodeNumber: 1 };
    const twinB = { id: 901, count: 5, sum: 42, seasonNumber: 3, episodeNumber: 1 };
    for (const order of ['score', 'average', 'votes'] as const) {
      expect(rankEpisodes([twinB, s2e1, s1e26, twinA, s1e13], order, C_7_5).ranked.map((e) => e.id)).toEqual([s1e13.id, s1e26.id, s2e1.id, twinA.id, twinB.id]);
    }
  });

  it('never reorders by input order', () => {
    const episodes = Array.from({ length: 30 }, (_, i) => episode(1 + (i % 4), 5 + (i % 4) * 7, 1 + (i % 3), i + 1));
    const reference = rankEpisodes(episodes, 'score', C_7_5).ranked.map((e) => e.id);
    const reversed = rankEpisodes([...episodes].reverse(), 'score', C_7_5).ranked.map((e) => e.id);
    expect(reversed).toEqual(reference);
  });

  it('separates fan scores that differ by one rating point in a billion votes', () => {
    // Products here reach 10^19, past 2^53: the comparison must use BigInt to stay exact.
    const big = 1_000_000_000;
    const a = episode(big, 9 * big + 1, 1, 2);
    const b = episode(big, 9 * big, 1, 1);
    const p = prior(18 * big + 1, 2 * big, 5);
    expect(rankEpisodes([b, a], 'score', p).ranked.map((e) => e.id)).toEqual([a.id, b.id]);
  });
});

describe('helpers', () => {
  it('totals tallies', () => {
    expect(
      totalOf([
        { count: 2, sum: 15 },
        { count: 3, sum: 20 },
      ]),
    ).toEqual({ count: 5, sum: 35 });
  });
  it('parses sort orders', () => {
    expect(parseSortOrder('votes')).toBe('votes');
    expect(parseSortOrder('best')).toBeNull();
  });
});
