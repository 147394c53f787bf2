/**
 * The site-wide lists (`top_episodes`, migration 0011): the divisive measure on crafted
 * histograms, and on a real database the stored order against an independent recomputation with
 * the exact ranking math, the minimum of votes, the year and network filters, paging, and a
 * refresh after a vote.
 */
import { describe, expect, it } from 'vitest';
import { fanScore, type Fraction } from '../../src/ranking/ranking.js';
import { divisiveness, DIVISIVE_MIN_SHARE, TOP_PER_PAGE } from '../../src/ranking/top-episodes.js';
import { useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const MIN_VOTES = 4;
const PRIOR_VOTES = 5;

describe('divisiveness', () => {
  const histogram = (counts: Record<number, number>) => Array.from({ length: 10 }, (_, i) => counts[i + 1] ?? 0);

  it('is the smaller of the 1–3 and 8–10 shares when both reach the threshold', () => {
    expect(divisiveness(histogram({ 1: 5, 10: 5 }))).toBe(0.5);
    expect(divisiveness(histogram({ 2: 3, 5: 4, 9: 5 }))).toBe(0.25);
    expect(divisiveness(histogram({ 3: 1, 6: 1, 8: 2 }))).toBe(0.25);
  });

  it('is null for one-peaked, middling, lopsided and empty histograms', () => {
    expect(divisiveness(histogram({ 9: 10, 10: 30 }))).toBeNull();
    expect(divisiveness(histogram({ 5: 10, 6: 10 }))).toBeNull();
    // Just under a quarter at the low end.
    expect(divisiveness(histogram({ 1: 24, 5: 1, 10: 75 }))).toBeNull();
    expect(divisiveness(histogram({}))).toBeNull();
    expect(DIVISIVE_MIN_SHARE).toBe(0.25);
  });
});

/** A small deterministic generator, so the catalogue is the same on every run. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

interface Made {
  key: string;
  showSlug: string;
  network: string | null;
  year: number;
  id: number;
  ratings: number[];
}

const made: Made[] = [];
const SHOWS = [
  { slug: 'top-alpha', network: 'North', years: [2001, 2002] },
  { slug: 'top-beta', network: 'South', years: [2002] },
  { slug: 'top-gamma', network: null, years: [2003] },
];

async function seed(database: TestDatabase) {
  const f = factories(database.handle.db);
  const next = generator(42);
  for (const s of SHOWS) {
    const show = await f.show({ slug: s.slug, title: s.slug, network: s.network });
    const season = await f.season(show.id, 1);
    for (let n = 1; n <= 12; n++) {
      const year = s.years[n % s.years.length]!;
      const episode = await f.episode(season.id, n, { airDate: `${year}-03-0${(n % 9) + 1}` });
      const count = next(10);
      // Each show leans its own way, so its mean (and every fan score's pull) differs.
      const ratings = Array.from({ length: count }, () => Math.min(10, 1 + next(10) + (s.slug === 'top-alpha' ? 2 : 0)));
      if (count > 0) await f.ratings(episode.id, ratings);
      made.push({ key: `${s.slug}/1/${n}`, showSlug: s.slug, network: s.network, year, id: episode.id, ratings });
    }
  }
}

const context = useTestApp({ seed, config: { topMinVotes: MIN_VOTES, rankPriorVotes: PRIOR_VOTES, voteLimitPerIp: 0, voteLimitPerVoter: 0 } });

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const compareFractions = (a: Fraction, b: Fraction) => {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left > right ? -1 : left < right ? 1 : 0;
};

/** The best list recomputed from what the test wrote, with the exact fractions of ranking.ts. */
function expectedBest(filter: (e: Made) => boolean = () => true): string[] {
  const shows = new Map<string, { count: number; sum: number }>();
  for (const e of made) {
    const t = shows.get(e.showSlug) ?? { count: 0, sum: 0 };
    shows.set(e.showSlug, { count: t.count + e.ratings.length, sum: t.sum + sumOf(e.ratings) });
  }
  const keyed = made
    .filter((e) => e.ratings.length >= MIN_VOTES && filter(e))
    .map((e) => {
      const tally = { count: e.ratings.length, sum: sumOf(e.ratings) };
      const show = shows.get(e.showSlug)!;
      return { e, tally, score: fanScore(tally, { showCount: show.count, showSum: show.sum, priorVotes: PRIOR_VOTES })! };
    });
  keyed.sort(
    (a, b) =>
      compareFractions(a.score, b.score) ||
      b.tally.count - a.tally.count ||
      compareFractions(
        { numerator: BigInt(a.tally.sum), denominator: BigInt(a.tally.count) },
        { numerator: BigInt(b.tally.sum), denominator: BigInt(b.tally.count) },
      ) ||
      a.e.id - b.e.id,
  );
  return keyed.map((k) => k.e.key);
}

const keysOf = (entries: Array<{ show: { slug: string }; seasonNumber: number; episodeNumber: number }>) =>
  entries.map((e) => `${e.show.slug}/${e.seasonNumber}/${e.episodeNumber}`);

describe('top_episodes', () => {
  it('orders the best list exactly as the ranking math does, leaving out episodes under the minimum', async () => {
    await context.app.services.topRefresher.sweep();
    const page = await context.app.services.topEpisodes.list('best', {}, 1);
    const expected = expectedBest();
    expect(expected.length).toBeGreaterThan(5);
    expect(made.some((e) => e.ratings.length > 0 && e.ratings.length < MIN_VOTES)).toBe(true);
    expect(keysOf(page.entries)).toEqual(expected);
    expect(page.minVotes).toBe(MIN_VOTES);
    expect(page.refreshedAt).not.toBeNull();
  });

  it('filters by air year and by network', async () => {
    await context.app.services.topRefresher.sweep();
    const { topEpisodes } = context.app.services;
    expect(keysOf((await topEpisodes.list('best', { year: 2002 }, 1)).entries)).toEqual(expectedBest((e) => e.year === 2002));
    expect(keysOf((await topEpisodes.list('best', { network: 'North' }, 1)).entries)).toEqual(expectedBest((e) => e.network === 'North'));
    expect(keysOf((await topEpisodes.list('best', { network: 'North', year: 2001 }, 1)).entries)).toEqual(
      expectedBest((e) => e.network === 'North' && e.year === 2001),
    );
    expect((await topEpisodes.list('best', { year: 1999 }, 1)).entries).toEqual([]);
  });

  it('orders the most voted list by votes', async () => {
    const page = await context.app.services.topEpisodes.list('votes', {}, 1);
    const counts = page.entries.map((e) => e.votes);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((c) => c >= MIN_VOTES)).toBe(true);
    expect(page.entries.length).toBe(made.filter((e) => e.ratings.length >= MIN_VOTES).length);
  });

  it('lists only two-peaked episodes as divisive, the most evenly split first', async () => {
    const f = factories(context.database.handle.db);
    const show = await f.show({ slug: 'top-split', network: 'Split' });
    const season = await f.season(show.id, 1);
    const even = await f.episode(season.id, 1);
    const leaning = await f.episode(season.id, 2);
    const liked = await f.episode(season.id, 3);
    await f.ratings(even.id, [1, 1, 2, 9, 10, 10]);
    await f.ratings(leaning.id, [1, 2, 5, 8, 9, 9, 10, 10]);
    await f.ratings(liked.id, [8, 9, 9, 10, 10, 10]);
    await context.app.services.topRefresher.sweep();
    const page = await context.app.services.topEpisodes.list('divisive', { network: 'Split' }, 1);
    expect(keysOf(page.entries)).toEqual(['top-split/1/1', 'top-split/1/2']);
    expect(page.entries.map((e) => e.divisiveness)).toEqual([0.5, 0.25]);
  });

  it('picks up a vote once the refresher runs', async () => {
    const target = made.find((e) => e.ratings.length === MIN_VOTES - 1);
    expect(target).toBeDefined();
    const [slug, season, episode] = target!.key.split('/');
    const vote = await context.app.inject({
      method: 'PUT',
      url: `/api/v1/shows/${slug}/seasons/${season}/episodes/${episode}/rating`,
      payload: { rating: 10 },
    });
    expect(vote.statusCode).toBe(200);
    const before = await context.app.services.topEpisodes.list('votes', {}, 1);
    expect(keysOf(before.entries)).not.toContain(target!.key);
    await context.app.services.topRefresher.flush();
    target!.ratings.push(10);
    const after = await context.app.services.topEpisodes.list('best', {}, 1);
    expect(keysOf(after.entries).filter((k) => !k.startsWith('top-split/'))).toEqual(expectedBest());
    expect(keysOf(after.entries)).toContain(target!.key);
  });

  it('pages the list and refuses a page past its end', async () => {
    const f = factories(context.database.handle.db);
    const show = await f.show({ slug: 'top-long', network: 'Long' });
    const season = await f.season(show.id, 1);
    for (let n = 1; n <= TOP_PER_PAGE + 3; n++) {
      const e = await f.episode(season.id, n);
      await f.ratings(
        e.id,
        Array.from({ length: MIN_VOTES + (n % 7) }, (_, i) => 1 + ((n + i) % 10)),
      );
    }
    await context.app.services.topRefresher.sweep();
    const { topEpisodes } = context.app.services;
    const first = await topEpisodes.list('votes', { network: 'Long' }, 1);
    const second = await topEpisodes.list('votes', { network: 'Long' }, 2);
    expect(first.entries).toHaveLength(TOP_PER_PAGE);
    expect(first.hasNext).toBe(true);
    expect(second.entries).toHaveLength(3);
    expect(second.hasNext).toBe(false);
    expect(second.entries[0]!.rank).toBe(TOP_PER_PAGE + 1);
    expect(new Set([...keysOf(first.entries), ...keysOf(second.entries)]).size).toBe(TOP_PER_PAGE + 3);
    await expect(topEpisodes.list('votes', { network: 'Long' }, 3)).rejects.toThrow(/no page 3/);
  });
});
