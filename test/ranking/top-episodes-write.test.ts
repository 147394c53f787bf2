/**
 * How the refresher writes a show's rows: only what changed (a vote rescoring the rest of its show
 * writes three columns of the others), in slices, and never an older computation over a newer one
 * when two refreshes of one show interleave (two instances).
 */
import { describe, expect, it } from 'vitest';
import { topRows } from '../../src/ranking/top-episodes.refresher.js';
import { TOP_WRITE_SLICE, TopEpisodesRepository } from '../../src/ranking/top-episodes.repository.js';
import { planTopWrite, type TopRowValues } from '../../src/ranking/top-episodes.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const database = useTestDatabase();
const PRIOR_VOTES = 5;
const MIN_VOTES = 3;
const immediately = async () => undefined;

const row = (episodeId: number, overrides: Partial<TopRowValues> = {}): TopRowValues => ({
  episode_id: episodeId,
  show_id: 1,
  network: 'North',
  air_year: 2001,
  vote_count: 10,
  vote_sum: 70,
  show_vote_count: 100,
  show_vote_sum: 650,
  score: 6.9,
  average: 7,
  divisiveness: null,
  ...overrides,
});

describe('planTopWrite', () => {
  it('writes new and re-tallied rows whole, rescores the rest, drops what left, and skips what is the same', () => {
    const stored = [row(1), row(2), row(3), row(4)];
    const computed = [
      row(1, { vote_count: 11, vote_sum: 80, average: 80 / 11, score: 7.1, show_vote_count: 101, show_vote_sum: 660 }),
      row(2, { score: 6.95, show_vote_count: 101, show_vote_sum: 660 }),
      row(3),
      row(5, { show_vote_count: 101, show_vote_sum: 660 }),
    ];
    const plan = planTopWrite(stored, computed);
    expect(plan.whole.map((r) => r.episode_id)).toEqual([1, 5]);
    expect(plan.rescored.map((r) => r.episode_id)).toEqual([2]);
    expect(plan.removed).toEqual([4]);
  });

  it('writes a row whole when only its histogram-based divisiveness or its air year changed', () => {
    const plan = planTopWrite([row(1), row(2)], [row(1, { divisiveness: 0.3 }), row(2, { air_year: 2002 })]);
    expect(plan.whole.map((r) => r.episode_id)).toEqual([1, 2]);
    expect(plan.rescored).toEqual([]);
  });
});

describe('TopEpisodesRepository.writeShow', () => {
  async function bigShow(episodes: number) {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show({ network: 'North' });
    const season = await f.season(show.id);
    const ids: number[] = [];
    for (let n = 1; n <= episodes; n++) {
      const e = await f.episode(season.id, n, { airDate: '2001-05-01' });
      await f.ratings(e.id, [1 + (n % 10), 1 + ((n * 3) % 10), 1 + ((n * 7) % 10)]);
      ids.push(e.id);
    }
    return { showId: show.id, ids };
  }

  const stored = async (repository: TopEpisodesRepository, showId: number) => (await repository.storedRows(showId)).sort((a, b) => a.episode_id - b.episode_id);

  async function refresh(repository: TopEpisodesRepository, showId: number, slices: number[] = []) {
    const input = (await repository.input(showId, MIN_VOTES))!;
    const plan = planTopWrite(await repository.storedRows(showId), topRows(showId, input, PRIOR_VOTES));
    let slice = 0;
    const claimed = await repository.writeShow(showId, plan, input.changes, async () => {
      slice++;
    });
    slices.push(slice);
    return { input, plan, claimed };
  }

  it('rescores a whole show in slices after one vote, ending equal to a fresh computation', async () => {
    const repository = new TopEpisodesRepository(database.current.handle.db);
    const episodes = TOP_WRITE_SLICE * 2 + 7;
    const { showId, ids } = await bigShow(episodes);
    await refresh(repository, showId);
    expect(await stored(repository, showId)).toHaveLength(episodes);

    // One more rating on one episode moves the show's mean, so every other score moves too.
    await factories(database.current.handle.db).ratings(ids[0]!, [10, 10, 10, 10]);
    const slices: number[] = [];
    const { input, plan, claimed } = await refresh(repository, showId, slices);
    expect(claimed).toBe(true);
    expect(plan.whole.map((r) => r.episode_id)).toEqual([ids[0]]);
    expect(plan.rescored).toHaveLength(episodes - 1);
    // A slice of whole rows, then three of rescored ones.
    expect(slices).toEqual([1 + Math.ceil((episodes - 1) / TOP_WRITE_SLICE)]);
    const expected = topRows(showId, input, PRIOR_VOTES).sort((a, b) => a.episode_id - b.episode_id);
    expect(await stored(repository, showId)).toEqual(expected);
  });

  it('keeps the newer computation when an older one writes after it, and claims the show for the newer only', async () => {
    const db = database.current.handle.db;
    const repository = new TopEpisodesRepository(db);
    const { showId, ids } = await bigShow(5);
    const older = (await repository.input(showId, MIN_VOTES))!;
    const olderRows = topRows(showId, older, PRIOR_VOTES);

    await factories(db).ratings(ids[2]!, [10, 10, 10, 10, 10]);
    await db
      .updateTable('show_figures')
      .set({ tally_changes: older.changes + 1 })
      .where('show_id', '=', showId)
      .execute();
    const newer = await refresh(repository, showId);
    expect(newer.input.changes).toBe(older.changes + 1);
    expect(newer.claimed).toBe(true);

    // The older computation's writes arrive late: whole rows, rescored rows and removals alike.
    const late = { whole: olderRows, rescored: olderRows, removed: [ids[0]!] };
    expect(await repository.writeShow(showId, late, older.changes, immediately)).toBe(false);
    const expected = topRows(showId, newer.input, PRIOR_VOTES).sort((a, b) => a.episode_id - b.episode_id);
    expect(await stored(repository, showId)).toEqual(expected);
    const figures = await db.selectFrom('show_figures').select('top_changes').where('show_id', '=', showId).executeTakeFirstOrThrow();
    expect(Number(figures.top_changes)).toBe(newer.input.changes);
  });
});
