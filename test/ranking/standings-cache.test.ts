/**
 * The shared standings cache on a real database, with the repository wrapped to count (and, where
 * a race is under test, hold) its reads. No timing: a deferred promise stands in for a slow query
 * and an injected clock for the passing of time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { rankEpisodes, type Prior } from '../../src/ranking/ranking.js';
import { RankingsService } from '../../src/ranking/rankings.service.js';
import { showStandings, StandingsCache } from '../../src/ranking/standings-cache.js';
import { StandingsRepository, type EpisodeStanding, type StandingScope } from '../../src/ranking/standings.repository.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;

/** The repository, counting every read and optionally holding each answer until released. */
function countingSource() {
  const real = new StandingsRepository(db());
  const reads: StandingScope[] = [];
  let gate: Promise<void> | null = null;
  let onRead: (() => void) | null = null;
  return {
    reads,
    showReads: () => reads.filter((scope) => 'showId' in scope).length,
    /**
     * Holds every answer, already read from the database, until `release` is called; `read`
     * settles once the first held read has its rows, so a change made after it is surely unseen.
     */
    hold(): { release: () => void; read: Promise<void> } {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      const read = new Promise<void>((resolve) => (onRead = resolve));
      return {
        read,
        release: () => {
          gate = null;
          release();
        },
      };
    },
    async episodeStandings(scope: StandingScope): Promise<EpisodeStanding[]> {
      reads.push(scope);
      const rows = await real.episodeStandings(scope);
      onRead?.();
      onRead = null;
      if (gate) await gate;
      return rows;
    },
  };
}

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

interface Fixture {
  showId: number;
  slug: string;
  /** Episode ids by [season][episode], both from 1. */
  episodes: number[][];
}

let show: Fixture;
let other: Fixture;

async function seedShow(seasons: number, perSeason: number): Promise<Fixture> {
  const f = factories(db());
  const created = await f.show();
  const episodes: number[][] = [[]];
  for (let s = 1; s <= seasons; s++) {
    const season = await f.season(created.id, s);
    episodes[s] = [0];
    for (let e = 1; e <= perSeason; e++) {
      const { id } = await f.episode(season.id, e, { synopsis: 'A long synopsis. '.repeat(20) });
      episodes[s]![e] = id;
      // Varied tallies, with one unrated episode per season.
      if (e < perSeason)
        await f.ratings(
          id,
          Array.from({ length: 1 + ((s * 7 + e * 3) % 6) }, (_, i) => 1 + ((s + e * i) % 10)),
        );
    }
  }
  return { showId: created.id, slug: created.slug, episodes };
}

beforeAll(async () => {
  show = await seedShow(3, 5);
  other = await seedShow(1, 3);
});

const countOf = (standings: { byId: { get(id: number): EpisodeStanding | undefined } }, id: number) => standings.byId.get(id)!.count;

describe('StandingsCache', () => {
  it('reads a cold show once however many requests ask for it at the same time', async () => {
    const source = countingSource();
    const cache = new StandingsCache(source, { ttlMs: 60_000 });
    const { release } = source.hold();
    const waiting = Array.from({ length: 8 }, () => cache.get(show.showId));
    release();
    const results = await Promise.all(waiting);
    expect(source.reads).toHaveLength(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]!.episodes).toHaveLength(15);
    await cache.get(show.showId);
    expect(source.reads).toHaveLength(1);
  });

  it('shares one read even when it keeps nothing between requests (PAGE_CACHE_SECONDS=0)', async () => {
    const source = countingSource();
    const cache = new StandingsCache(source, { ttlMs: 0 });
    await Promise.all([cache.get(show.showId), cache.get(show.showId)]);
    expect(source.reads).toHaveLength(1);
    await cache.get(show.showId);
    expect(source.reads).toHaveLength(2);
    expect(cache.stats()).toEqual({ shows: 0, bytes: 0 });
  });

  it('never stores a read that a catalogue change overtook', async () => {
    const source = countingSource();
    const cache = new StandingsCache(source, { ttlMs: 60_000 });
    const episodeId = show.episodes[1]![1]!;
    const { release, read } = source.hold();
    const before = cache.get(show.showId);
    await read; // the read now holds the tally as it was
    const previous = (await new StandingsRepository(db()).episodeStandings({ episodeIds: [episodeId] }))[0]!;
    await factories(db()).ratings(episodeId, [10, 10, 10, 10, 10, 10, 10, 10, 10]);
    cache.invalidateShow(show.showId);
    release();
    // The caller that asked before the change may get the old numbers; nobody after it does.
    expect(countOf(await before, episodeId)).toBe(previous.count);
    const after = await cache.get(show.showId);
    expect(countOf(after, episodeId)).toBe(9);
    expect(source.showReads()).toBe(2);
  });

  it('re-reads only the episodes a committed vote changed, even when the vote lands during a read', async () => {
    const source = countingSource();
    const cache = new StandingsCache(source, { ttlMs: 60_000 });
    const episodeId = show.episodes[2]![2]!;
    const { release, read } = source.hold();
    const first = cache.get(show.showId);
    await read;
    await factories(db()).ratings(episodeId, [3, 3, 3, 3, 3, 3, 3]);
    cache.tallyChanged(show.showId, episodeId);
    release();
    await first;
    const fresh = await cache.get(show.showId);
    expect(countOf(fresh, episodeId)).toBe(7);
    expect(source.reads).toEqual([{ showId: show.showId }, { episodeIds: [episodeId] }]);
    // The totals follow the re-read episode: T and N equal a recount of the whole show.
    const direct = await new StandingsRepository(db()).episodeStandings({ showId: show.showId });
    expect(fresh.totals).toEqual({
      count: direct.reduce((n, e) => n + e.count, 0),
      sum: direct.reduce((n, e) => n + e.sum, 0),
    });
    expect(fresh.episodes).toEqual(direct);
  });

  it('serves the previous entry while one request refreshes an expired one, and waits once it is too old', async () => {
    const source = countingSource();
    const clock = manualClock();
    const cache = new StandingsCache(source, { ttlMs: 1_000, clock: clock.now });
    const original = await cache.get(show.showId);
    clock.advance(1_500);
    const { release } = source.hold();
    const during = await Promise.all([cache.get(show.showId), cache.get(show.showId), cache.get(show.showId)]);
    expect(during.every((s) => s === original)).toBe(true);
    expect(source.showReads()).toBe(2);
    release();
    // The refresh lands and becomes the entry.
    let refreshed = await cache.get(show.showId);
    while (refreshed === original) {
      await new Promise((resolve) => setImmediate(resolve));
      refreshed = await cache.get(show.showId);
    }
    expect(source.showReads()).toBe(2);

    // Past twice the lifetime, nobody is served the old entry: they wait for the one read.
    clock.advance(2_500);
    const { release: slow } = source.hold();
    const waiting = [cache.get(show.showId), cache.get(show.showId)];
    let settled = false;
    void Promise.all(waiting).then(() => (settled = true));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    slow();
    const [a, b] = await Promise.all(waiting);
    expect(a).toBe(b);
    expect(a).not.toBe(refreshed);
    expect(source.showReads()).toBe(3);
  });

  it('makes a voter wait for their own vote rather than serve the entry from before it', async () => {
    const source = countingSource();
    const clock = manualClock();
    const cache = new StandingsCache(source, { ttlMs: 1_000, clock: clock.now });
    const episodeId = show.episodes[3]![1]!;
    await cache.get(show.showId);
    clock.advance(1_500); // expired: a refresh would normally be waited out on the old entry
    await factories(db()).ratings(episodeId, [8, 8]);
    cache.tallyChanged(show.showId, episodeId);
    expect(countOf(await cache.get(show.showId), episodeId)).toBe(2);
  });

  it('drops the least recently used show to stay within its bound', async () => {
    const source = countingSource();
    const probe = new StandingsCache(source, { ttlMs: 60_000 });
    const sizes = [(await probe.get(show.showId)).bytes, (await probe.get(other.showId)).bytes];
    const cache = new StandingsCache(source, { ttlMs: 60_000, maxBytes: sizes[0]! + sizes[1]! - 1 });
    await cache.get(show.showId);
    expect(cache.stats()).toEqual({ shows: 1, bytes: sizes[0] });
    await cache.get(other.showId);
    expect(cache.stats()).toEqual({ shows: 1, bytes: sizes[1] });
    const reads = source.showReads();
    await cache.get(other.showId);
    expect(source.showReads()).toBe(reads);
    await cache.get(show.showId);
    expect(source.showReads()).toBe(reads + 1);
  });

  it('forgets a failed read, so the next request tries again', async () => {
    let fail = true;
    const real = new StandingsRepository(db());
    let reads = 0;
    const cache = new StandingsCache(
      {
        episodeStandings: async (scope) => {
          reads++;
          if (fail) throw new Error('database away');
          return real.episodeStandings(scope);
        },
      },
      { ttlMs: 60_000 },
    );
    await expect(cache.get(show.showId)).rejects.toThrow('database away');
    fail = false;
    expect((await cache.get(show.showId)).episodes).toHaveLength(15);
    expect(reads).toBe(2);
  });
});

describe('RankingsService on the shared standings', () => {
  const priorVotes = 5;
  let source: ReturnType<typeof countingSource>;
  let cache: StandingsCache;
  let rankings: RankingsService;

  beforeAll(() => {
    source = countingSource();
    cache = new StandingsCache(source, { ttlMs: 60_000 });
    // The stored show figures (home page, show lists) play no part in the pages under test here.
    rankings = new RankingsService(new CatalogRepository(db()), priorVotes, undefined as never, cache);
  });

  it('serves every page of a cold show and a vote answer from one read of the show', async () => {
    const { release } = source.hold();
    const pages = Promise.all([
      rankings.season(show.slug, 1, 'score'),
      rankings.season(show.slug, 2, 'average'),
      rankings.show(show.slug, 'votes'),
      rankings.episode(show.slug, 3, 2),
      rankings.snapshot(show.episodes[1]![2]!, show.showId, { sort: 'score', scope: 'season' }),
    ]);
    release();
    await pages;
    expect(source.reads).toEqual([{ showId: show.showId }]);
  });

  it('answers a vote with numbers and ranks equal to an independent recomputation', async () => {
    const f = factories(db());
    const votes: Array<[season: number, episode: number, ratings: number[]]> = [
      [2, 5, [10, 10, 9]], // an unrated episode gets its first votes
      [1, 1, [1]],
      [3, 3, [7, 8, 9, 10, 10, 10]],
    ];
    for (const [seasonNumber, episodeNumber, ratings] of votes) {
      const episodeId = show.episodes[seasonNumber]![episodeNumber]!;
      await f.ratings(episodeId, ratings);
      cache.tallyChanged(show.showId, episodeId); // as the vote's commit does

      const before = source.showReads();
      for (const sort of ['score', 'average', 'votes'] as const) {
        for (const scope of ['season', 'show'] as const) {
          const answer = await rankings.snapshot(episodeId, show.showId, { sort, scope });
          // The window a page of the list shows: ranks 2 and 3 only.
          const window = await rankings.snapshot(episodeId, show.showId, { sort, scope, window: { first: 2, count: 2 } });
          const all = await new StandingsRepository(db()).episodeStandings({ showId: show.showId });
          const prior: Prior = {
            showSum: all.reduce((n, e) => n + e.sum, 0),
            showCount: all.reduce((n, e) => n + e.count, 0),
            priorVotes,
          };
          const season = all.filter((e) => e.seasonNumber === seasonNumber);
          const expected = rankEpisodes(scope === 'season' ? season : all, sort, prior, 'bigint').ranked;
          expect(answer.ranking!.episodes.map((e) => [e.id, e.rank])).toEqual(expected.map((e) => [e.id, e.rank]));
          expect(window.ranking!.episodes.map((e) => [e.id, e.rank])).toEqual(expected.slice(1, 3).map((e) => [e.id, e.rank]));
          const place = (list: EpisodeStanding[]) => {
            const ranked = rankEpisodes(list, 'score', prior, 'bigint').ranked;
            const found = ranked.find((e) => e.id === episodeId);
            return found ? { rank: found.rank, of: ranked.length } : null;
          };
          expect(answer.episode).toMatchObject({
            votes: ratings.length,
            // The voted episode's own rank is always its place in its season by fan score.
            rank: place(season)?.rank ?? null,
            seasonRank: place(season),
            showRank: place(all),
          });
        }
      }
      // The patched standings are what a full read would index, in every view of them.
      const patched = await cache.get(show.showId);
      const full = showStandings(show.showId, await new StandingsRepository(db()).episodeStandings({ showId: show.showId }));
      expect(patched.episodes).toEqual(full.episodes);
      expect([patched.totals, patched.ratedCount, patched.bytes]).toEqual([full.totals, full.ratedCount, full.bytes]);
      expect([...patched.bySeason]).toEqual([...full.bySeason]);
      for (const e of full.episodes) expect(patched.byId.get(e.id)).toEqual(e);
      expect(patched.byId.get(-1)).toBeUndefined();
      // Each vote cost a read of its own episode, never of the whole show.
      expect(source.showReads()).toBe(before);
      expect(source.reads.at(-1)).toEqual({ episodeIds: [episodeId] });
    }
  });
});
