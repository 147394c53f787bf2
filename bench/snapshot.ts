/**
 * node --import tsx bench/snapshot.ts — what answering one vote from the page's script costs on a
 * 1,000-episode show (10 seasons of 100), before and after the shared standings cache.
 *
 * "Before" replays the old answer: read every episode of the show, then sort the season and,
 * twice more, the season and the whole show, all in BigInt. "After" is RankingsService.snapshot()
 * as it runs now: the vote marks its episode, one row is read again, the season is sorted in
 * numbers and the two ranks are one pass each. Each round casts a real vote first (not timed).
 * BENCH_DATABASE_URL picks the database (default: a new SQLite file); BENCH_ROUNDS the votes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogRepository } from '../src/catalog/catalog.repository.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { CatalogFile } from '../src/importers/catalog-format.js';
import { importCatalog } from '../src/importers/catalog-import.js';
import { fanScore, formatAverage, formatTwoDecimals, rankEpisodes, totalOf } from '../src/ranking/ranking.js';
import { DEFAULT_SORT } from '../src/shared/sort-orders.js';
import { RankingsService } from '../src/ranking/rankings.service.js';
import { StandingsCache } from '../src/ranking/standings-cache.js';
import { StandingsRepository, type EpisodeStanding } from '../src/ranking/standings.repository.js';
import { VoteWrites } from '../src/votes/vote-writes.js';
import { storeOf } from '../src/repositories.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const SEASONS = 10;
const PER_SEASON = 100;
const PRIOR_VOTES = 5;

function catalogue(): CatalogFile {
  const seasons = Array.from({ length: SEASONS }, (_, s) => ({
    number: s + 1,
    episodes: Array.from({ length: PER_SEASON }, (_, e) => {
      const count = 50 + ((s * 131 + e * 17) % 900);
      return {
        number: e + 1,
        title: `Episode ${s + 1}.${e + 1}`,
        airDate: null,
        synopsis: `Synopsis of episode ${e + 1} of season ${s + 1}, long enough to look like one.`,
        directors: [],
        watchLinks: [],
        baseline: { count, sum: count * 5 + ((s * 7 + e * 13) % (count * 4)) },
      };
    }),
  }));
  const show = { slug: 'bench-show', title: 'Bench Show', synopsis: '', network: null, status: null, lastUpdated: null, seasons };
  return { format: 'epirank-catalog', version: 1, shows: [show] };
}

const dir = mkdtempSync(join(tmpdir(), 'epirank-snapshot-bench-'));
try {
  const database = openDatabase(process.env.BENCH_DATABASE_URL ?? join(dir, 'bench.db'));
  await migrateToLatest(database.db, database.dialect);
  await importCatalog(storeOf(database.db), catalogue());
  const catalog = new CatalogRepository(database.db);
  const standings = new StandingsRepository(database.db);
  const votes = new VoteWrites(storeOf(database.db));
  const cache = new StandingsCache(standings, { ttlMs: 1_000 });
  // The stored show figures serve lists only; snapshot() does not touch them.
  const rankings = new RankingsService(catalog, PRIOR_VOTES, undefined as never, cache);
  const show = (await catalog.findShowBySlug('bench-show'))!;
  const all = await standings.episodeStandings({ showId: show.id });
  // A season in the middle, as in the measurement.
  const season = all.filter((e) => e.seasonNumber === 5);

  async function before(episodeId: number): Promise<number> {
    const showEpisodes = await standings.episodeStandings({ showId: show.id });
    const standing = showEpisodes.find((e) => e.id === episodeId)!;
    const totals = totalOf(showEpisodes);
    const prior = { showSum: totals.sum, showCount: totals.count, priorVotes: PRIOR_VOTES };
    const seasonEpisodes = showEpisodes.filter((e) => e.seasonId === standing.seasonId);
    const position = (list: EpisodeStanding[]) => rankEpisodes(list, DEFAULT_SORT, prior, 'bigint').ranked.find((e) => e.id === episodeId)?.rank;
    const ordered = rankEpisodes(seasonEpisodes, DEFAULT_SORT, prior, 'bigint').ranked;
    const shown = ordered.map((e) => [formatAverage(e), formatTwoDecimals(fanScore(e, prior)!)]);
    return shown.length + (position(seasonEpisodes) ?? 0) + (position(showEpisodes) ?? 0);
  }

  async function after(episodeId: number): Promise<number> {
    const answer = await rankings.snapshot(episodeId, show.id, { sort: DEFAULT_SORT, scope: 'season' });
    return answer.ranking!.episodes.length + (answer.episode.seasonRank?.rank ?? 0) + (answer.episode.showRank?.rank ?? 0);
  }

  const results: Record<string, number[]> = { before: [], after: [] };
  let voter = 0;
  // Alternate the two so that the machine's other load falls on both alike.
  for (let round = 0; round < ROUNDS * 2; round++) {
    const label = round % 2 === 0 ? 'before' : 'after';
    const episode = season[round % season.length]!;
    await votes.rate(episode.id, { id: `bench-voter-${voter++}`, kind: 'anonymous' }, 1 + (round % 10), null, new Date().toISOString());
    cache.tallyChanged(show.id, episode.id);
    const started = performance.now();
    await (label === 'before' ? before(episode.id) : after(episode.id));
    results[label]!.push(performance.now() - started);
  }
  const summary = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    return `mean ${mean.toFixed(2)} ms, median ${at(0.5)} ms, p99 ${at(0.99)} ms`;
  };
  console.log(`snapshot() after a vote, ${SEASONS * PER_SEASON}-episode show, ${PER_SEASON}-episode season, ${database.dialect}, ${ROUNDS} votes each:`);
  console.log(`  before (whole show read and BigInt sorts): ${summary(results.before!)}`);
  console.log(`  after (shared standings, one row re-read): ${summary(results.after!)}`);
  await database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
