/**
 * Ranking snapshots on a real database, with an injected clock: each day's order and numbers come
 * back through `as_of`, a day without change stores nothing, retention drops old days, two
 * instances taking the same day write it once, and movement is measured against a week ago.
 */
import { storeOf } from '../../src/repositories.js';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { ShowCount } from '../../src/catalog/show-count.js';
import type { Database } from '../../src/db/schema.js';
import { BestEpisodeRefresher } from '../../src/ranking/best-episode-refresher.js';
import { RankingsService } from '../../src/ranking/rankings.service.js';
import { SnapshotScheduler } from '../../src/ranking/snapshots/snapshot-scheduler.js';
import { SnapshotsRepository } from '../../src/ranking/snapshots/snapshots.repository.js';
import { SnapshotsService } from '../../src/ranking/snapshots/snapshots.service.js';
import { StandingsCache } from '../../src/ranking/standings-cache.js';
import { StandingsRepository } from '../../src/ranking/standings.repository.js';
import { BadRequestError, NotFoundError } from '../../src/shared/errors.js';
import { countRows, freshDatabase, type TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

// Snapshot days are site-wide, so each test gets a database of its own.
let current: TestDatabase;
const database = {
  get current() {
    return current;
  },
};
beforeEach(async () => {
  current = await freshDatabase();
});
afterEach(async () => {
  await current.drop();
});
const PRIOR = 5;

/** The app's wiring of the snapshot service, with its clock at noon UTC of a given day. */
function build(db: Kysely<Database>, today: { day: string }, retentionDays = 400) {
  const catalog = new CatalogRepository(db);
  const standings = new StandingsRepository(db);
  const figures = storeOf(db).read.showFigures;
  const figureParts = {
    repository: figures,
    bestEpisodes: new BestEpisodeRefresher(figures, PRIOR),
    showCount: new ShowCount(() => figures.countShows(), { ttlMs: 0 }),
  };
  const live = new StandingsCache(standings, { ttlMs: 0 });
  const rankings = new RankingsService(catalog, PRIOR, figureParts, live);
  const snapshots = new SnapshotsService(
    new SnapshotsRepository(db),
    {
      standings,
      live,
      catalog,
      rankingsFor: (m, standingsOf) => new RankingsService(catalog, m, figureParts, { get: standingsOf } as unknown as StandingsCache),
    },
    { priorVotes: PRIOR, retentionDays },
    () => new Date(`${today.day}T12:00:00Z`),
  );
  return { rankings, snapshots, live };
}

/** What a ranking shows of each episode: its place, votes and the two numbers. */
const shown = (ranking: { ranked: Array<{ id: number; rank: number; count: number; average: string | null; fanScore: string | null }> }) =>
  ranking.ranked.map((e) => ({ id: e.id, rank: e.rank, votes: e.count, average: e.average, fanScore: e.fanScore }));

const rowCount = (db: Kysely<Database>) => countRows(db, 'ranking_snapshots');

describe('ranking snapshots', () => {
  it('gives back each day’s order and numbers, storing nothing for a day without change', async () => {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show();
    const one = await f.season(show.id, 1);
    const two = await f.season(show.id, 2);
    const a = await f.episode(one.id, 1);
    const b = await f.episode(one.id, 2);
    const c = await f.episode(one.id, 3);
    const d = await f.episode(two.id, 1);
    await f.ratings(a.id, [9, 9]);
    await f.ratings(b.id, [5]);
    await f.ratings(d.id, [7]);
    const today = { day: '2026-03-01' };
    const { rankings, snapshots, live } = build(db, today);

    const firstShow = shown((await rankings.show(show.slug, 'score')).ranking);
    const firstSeason = shown((await rankings.season(show.slug, 1, 'score')).ranking);
    expect(await snapshots.take()).toEqual({ day: '2026-03-01', shows: 1, written: 1 });
    today.day = '2026-03-02';
    expect(await snapshots.take()).toEqual({ day: '2026-03-02', shows: 1, written: 0 });
    expect(await rowCount(db)).toBe(1);

    await f.ratings(b.id, [10, 10, 10]);
    await f.ratings(c.id, [3]);
    live.invalidateShow(show.id);
    today.day = '2026-03-03';
    const thirdShow = shown((await rankings.show(show.slug, 'score')).ranking);
    const thirdSeason = shown((await rankings.season(show.slug, 1, 'score')).ranking);
    expect(thirdShow).not.toEqual(firstShow);
    expect(await snapshots.take()).toEqual({ day: '2026-03-03', shows: 1, written: 1 });
    expect(await rowCount(db)).toBe(2);

    await f.ratings(a.id, [1]);
    live.invalidateShow(show.id);
    today.day = '2026-03-05';
    for (const [asOf, showRanking, seasonRanking] of [
      ['2026-03-01', firstShow, firstSeason],
      ['2026-03-02', firstShow, firstSeason],
      ['2026-03-03', thirdShow, thirdSeason],
      ['2026-03-04', thirdShow, thirdSeason],
    ] as const) {
      expect(shown((await snapshots.show(show.slug, asOf, 'score')).data.ranking), asOf).toEqual(showRanking);
      expect(shown((await snapshots.season(show.slug, 1, asOf, 'score')).data.ranking), asOf).toEqual(seasonRanking);
    }
    expect((await snapshots.show(show.slug, '2026-03-02', 'score')).exact).toBe(true);
    expect((await snapshots.show(show.slug, '2026-03-04', 'score')).exact).toBe(false);
    await expect(snapshots.show(show.slug, '2026-02-28', 'score')).rejects.toThrow(NotFoundError);
    await expect(snapshots.show(show.slug, '2026-03-06', 'score')).rejects.toThrow(BadRequestError);
    // Snapshots are taken in order: a day before the latest would change what later days read.
    await expect(snapshots.take('2026-03-02')).rejects.toThrow(BadRequestError);
  });

  it('marks each live episode’s move against the latest snapshot at least a week old, or the oldest', async () => {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show();
    const season = await f.season(show.id, 1);
    const [a, b, c] = [await f.episode(season.id, 1), await f.episode(season.id, 2), await f.episode(season.id, 3)];
    await f.ratings(a.id, [9, 9, 9]);
    await f.ratings(b.id, [6, 6, 6]);
    const today = { day: '2026-04-01' };
    const { rankings, snapshots, live } = build(db, today);
    await snapshots.take();
    const liveRanks = async () => (await rankings.season(show.slug, 1, 'score')).ranking.ranked.map((e) => ({ id: e.id, rank: e.rank }));

    // Only one snapshot, a day old: it is the oldest there is.
    await f.ratings(b.id, [10, 10, 10, 10]);
    await f.ratings(c.id, [8]);
    live.invalidateShow(show.id);
    today.day = '2026-04-02';
    let moves = await snapshots.movements(show.id, season.id, await liveRanks());
    expect(moves.get(b.id)).toEqual({ kind: 'moved', places: 1, since: '2026-04-01' });
    expect(moves.get(a.id)).toEqual({ kind: 'moved', places: -1, since: '2026-04-01' });
    expect(moves.get(c.id)).toEqual({ kind: 'new', since: '2026-04-01' });

    // A snapshot of the new order on 04-02; on 04-08 the latest at least 7 days old is still 04-01,
    // on 04-09 it is 04-02, against which nothing moved.
    await snapshots.take();
    today.day = '2026-04-08';
    moves = await snapshots.movements(show.id, season.id, await liveRanks());
    expect(moves.get(b.id)).toEqual({ kind: 'moved', places: 1, since: '2026-04-01' });
    today.day = '2026-04-09';
    moves = await snapshots.movements(show.id, season.id, await liveRanks());
    expect([...moves.values()]).toEqual([0, 0, 0].map(() => ({ kind: 'moved', places: 0, since: '2026-04-02' })));

    // Rank over time: b was 2nd in its season on 04-01, 1st from 04-02.
    expect(await snapshots.rankHistory(show.id, season.id, b.id)).toEqual([
      { day: '2026-04-01', rank: 2 },
      { day: '2026-04-02', rank: 1 },
    ]);
  });

  it('deletes snapshots older than the retention window but keeps the row later days read', async () => {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show();
    const season = await f.season(show.id, 1);
    const a = await f.episode(season.id, 1);
    const b = await f.episode(season.id, 2);
    await f.ratings(a.id, [8]);
    const today = { day: '2027-01-01' };
    const { snapshots } = build(db, today, 3);
    await snapshots.take();
    today.day = '2027-01-02';
    await f.ratings(b.id, [9]);
    await snapshots.take();
    const daysOf = async () =>
      (await db.selectFrom('ranking_snapshots').select('day').where('show_id', '=', show.id).orderBy('day').execute()).map((r) => r.day);
    expect(await daysOf()).toEqual(['2027-01-01', '2027-01-02']);

    // On 01-06 the window starts at 01-03: 01-01 goes, 01-02 is what 01-03 to 01-05 read, and stays.
    today.day = '2027-01-06';
    expect((await snapshots.take())?.written).toBe(0);
    expect(await daysOf()).toEqual(['2027-01-02']);
    await expect(snapshots.dayFor('2027-01-02')).rejects.toThrow(NotFoundError);
    expect(await snapshots.dayFor('2027-01-06')).toEqual({ day: '2027-01-06', exact: true });
    expect(shown((await snapshots.show(show.slug, '2027-01-06', 'score')).data.ranking).map((e) => e.id)).toEqual([b.id, a.id]);
  });

  it('records a show that lost every vote, and skips shows never voted on', async () => {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show();
    const season = await f.season(show.id, 1);
    const episode = await f.episode(season.id, 1);
    const quiet = await f.show();
    await f.episode((await f.season(quiet.id, 1)).id, 1);
    await f.ratings(episode.id, [7, 8]);
    const today = { day: '2027-03-01' };
    const { snapshots } = build(db, today);
    expect(await snapshots.take()).toEqual({ day: '2027-03-01', shows: 1, written: 1 });
    await f.ratings(episode.id, []);
    today.day = '2027-03-02';
    expect(await snapshots.take()).toEqual({ day: '2027-03-02', shows: 1, written: 1 });
    expect((await snapshots.show(show.slug, '2027-03-01', 'score')).data.ranking.ranked).toHaveLength(1);
    expect((await snapshots.show(show.slug, '2027-03-02', 'score')).data.ranking.ranked).toHaveLength(0);
  });

  it('lets one of two instances take a day when both try at once', async () => {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show();
    const season = await f.season(show.id, 1);
    await f.ratings((await f.episode(season.id, 1)).id, [7]);
    const today = { day: '2027-06-01' };
    const first = new SnapshotScheduler(build(db, today).snapshots, { checkMs: 0 });
    const second = new SnapshotScheduler(build(db, today).snapshots, { checkMs: 0 });
    const writes: string[] = [];
    const original = SnapshotsRepository.prototype.write;
    SnapshotsRepository.prototype.write = async function (this: SnapshotsRepository, showId, day, ranking) {
      writes.push(`${showId}@${day}`);
      return original.call(this, showId, day, ranking);
    };
    try {
      await Promise.all([first.check(), second.check(), first.check()]);
    } finally {
      SnapshotsRepository.prototype.write = original;
    }
    expect(writes.filter((w) => w === `${show.id}@2027-06-01`)).toHaveLength(1);
    expect(await build(db, today).snapshots.finished('2027-06-01')).toBe(true);
  });
});
