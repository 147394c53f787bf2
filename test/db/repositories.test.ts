import { describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { isUniqueViolation } from '../../src/db/dialect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { StandingsRepository } from '../../src/ranking/standings.repository.js';
import { isCheckViolation, useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;

describe(`catalogue and standings repositories`, () => {
  it('runs on the database this suite was started for', () => {
    const expected = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
    expect(database.current.handle.dialect).toBe(expected);
  });

  it('migrating an up-to-date database changes nothing', async () => {
    const outcome = await migrateToLatest(db(), database.current.handle.dialect);
    expect(outcome).toEqual({ applied: [], created: false });
  });

  it('stores a show, its season and episodes with directors and watch links in order', async () => {
    const make = factories(db());
    const show = await make.show({ slug: 'repo-show', title: 'Repo Show', network: 'NHK', status: 'Ended', lastUpdated: '2024-02-14' });
    const season = await make.season(show.id, 1);
    const episode = await make.episode(season.id, 3, {
      title: null,
      airDate: '2003-04-24',
      directors: ['B Director', 'A Director'],
      watchLinks: [
        { provider: 'Zeta', url: 'https://zeta.example/watch' },
        { provider: 'Alpha', url: 'https://alpha.example/watch' },
      ],
    });
    const catalog = new CatalogRepository(db());
    expect(await catalog.findShowBySlug('repo-show')).toMatchObject({
      title: 'Repo Show',
      network: 'NHK',
      status: 'Ended',
      lastUpdated: '2024-02-14',
      synopsis: '',
    });
    expect(await catalog.findSeason(show.id, 1)).toEqual({ id: season.id, showId: show.id, number: 1 });
    expect(await catalog.findSeason(show.id, 2)).toBeNull();
    const details = await catalog.detailsFor([episode.id]);
    expect(details.get(episode.id)).toEqual({
      directors: ['B Director', 'A Director'],
      watchLinks: [
        { provider: 'Zeta', url: 'https://zeta.example/watch' },
        { provider: 'Alpha', url: 'https://alpha.example/watch' },
      ],
    });
  });

  it('enforces one season per number per show and one episode per number per season', async () => {
    const make = factories(db());
    const show = await make.show();
    const season = await make.season(show.id, 1);
    await make.episode(season.id, 1);
    const seasonAgain = await make.season(show.id, 1).catch((e: unknown) => e);
    const episodeAgain = await make.episode(season.id, 1).catch((e: unknown) => e);
    expect(isUniqueViolation(seasonAgain)).toBe(true);
    expect(isUniqueViolation(episodeAgain)).toBe(true);
  });

  it('rejects negative tallies and episode numbers below 1 in the database itself', async () => {
    const make = factories(db());
    const show = await make.show();
    const season = await make.season(show.id, 1);
    const episode = await make.episode(season.id, 1);
    await expect(db().insertInto('episode_tallies').values({ episode_id: episode.id, vote_count: -1 }).execute()).rejects.toSatisfy(isCheckViolation);
    await expect(make.episode(season.id, 0)).rejects.toSatisfy(isCheckViolation);
  });

  it('deleting a show removes its seasons, episodes, details and tallies', async () => {
    const make = factories(db());
    const show = await make.show();
    const season = await make.season(show.id, 1);
    const episode = await make.episode(season.id, 1, { directors: ['X'], watchLinks: [{ provider: 'P', url: 'https://p.example' }] });
    await make.ratings(episode.id, [7, 8]);
    await db().deleteFrom('shows').where('id', '=', show.id).execute();
    for (const table of ['episodes', 'episode_directors', 'episode_watch_links', 'episode_tallies'] as const) {
      const column = table === 'episodes' ? 'id' : 'episode_id';
      const left = await db().selectFrom(table).select(column).where(column, '=', episode.id).execute();
      expect(left, table).toEqual([]);
    }
  });

  it('reads standings: votes cast here plus the baseline, the histogram, and the show and season totals', async () => {
    const make = factories(db());
    const show = await make.show();
    const one = await make.season(show.id, 1);
    const two = await make.season(show.id, 2);
    const a = await make.episode(one.id, 1);
    const b = await make.episode(one.id, 2);
    const c = await make.episode(two.id, 1);
    await make.ratings(a.id, [10, 10, 9, 8, 8]);
    await make.baseline(a.id, 40, 376);
    await make.ratings(c.id, [3]);
    const standings = new StandingsRepository(db());

    const season = (await standings.episodeStandings({ showId: show.id })).filter((e) => e.seasonId === one.id);
    expect(season.map((e) => e.episodeNumber)).toEqual([1, 2]);
    expect(season[0]).toMatchObject({
      count: 45,
      sum: 421,
      votesHere: 5,
      sumOfSquaresHere: 100 + 100 + 81 + 64 + 64,
      histogram: [0, 0, 0, 0, 0, 0, 0, 2, 1, 2],
      baselineCount: 40,
      seasonNumber: 1,
    });
    expect(season[1]).toMatchObject({ count: 0, sum: 0, histogram: new Array(10).fill(0) });

    expect(await standings.showTotals(show.id)).toEqual({ count: 46, sum: 424 });
    expect(await standings.seasonTotals(show.id)).toEqual([
      { seasonId: one.id, seasonNumber: 1, episodeCount: 2, ratedEpisodeCount: 1, count: 45, sum: 421 },
      { seasonId: two.id, seasonNumber: 2, episodeCount: 1, ratedEpisodeCount: 1, count: 1, sum: 3 },
    ]);
    expect((await standings.episodeStandings({ showId: show.id })).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect((await standings.episodeStandings({ episodeIds: [c.id] })).map((e) => e.id)).toEqual([c.id]);
  });

  it('setting a baseline again replaces it and leaves the votes cast here alone', async () => {
    const make = factories(db());
    const show = await make.show();
    const season = await make.season(show.id, 1);
    const episode = await make.episode(season.id, 1);
    await make.ratings(episode.id, [6, 7]);
    await make.baseline(episode.id, 10, 80);
    await make.baseline(episode.id, 4, 30);
    const [standing] = await new StandingsRepository(db()).episodeStandings({ episodeIds: [episode.id] });
    expect(standing).toMatchObject({ count: 6, sum: 43, votesHere: 2, baselineCount: 4 });
  });

  it('keeps counters exact beyond 32 bits', async () => {
    const make = factories(db());
    const show = await make.show();
    const season = await make.season(show.id, 1);
    const episode = await make.episode(season.id, 1);
    await make.baseline(episode.id, 3_000_000_000, 27_000_000_000);
    expect(await new StandingsRepository(db()).showTotals(show.id)).toEqual({ count: 3_000_000_000, sum: 27_000_000_000 });
  });
});
