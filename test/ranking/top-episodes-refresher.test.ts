/**
 * The top-episodes refresher on a real database, without an app: a changed TOP_MIN_VOTES
 * recomputes every show's rows, the refresh time recorded is the injected clock's at the start of
 * a complete sweep, and a sweep during which a show failed records none.
 */
import { describe, expect, it } from 'vitest';
import { TopEpisodesRefresher } from '../../src/ranking/top-episodes.refresher.js';
import { TopEpisodesRepository } from '../../src/ranking/top-episodes.repository.js';
import { Store } from '../../src/db/store.js';
import { storeOf } from '../../src/repositories.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const database = useTestDatabase();

const listedIds = async () =>
  (await database.current.handle.db.selectFrom('top_episodes').select('episode_id').orderBy('episode_id').execute()).map((r) => r.episode_id);

describe('TopEpisodesRefresher', () => {
  it('recomputes every show when the minimum of votes changes, and records when it was current', async () => {
    const db = database.current.handle.db;
    const f = factories(db);
    const show = await f.show();
    const season = await f.season(show.id);
    const few = await f.episode(season.id, 1);
    const many = await f.episode(season.id, 2);
    await f.ratings(few.id, [7, 8, 9]);
    await f.ratings(many.id, [6, 7, 8, 9, 10, 10]);
    const repository = new TopEpisodesRepository(db);
    const clock = () => new Date('2026-11-02T10:00:00.000Z');

    await new TopEpisodesRefresher(storeOf(db), { priorVotes: 5, minVotes: 5 }, { clock }).sweep();
    expect(await listedIds()).toEqual([many.id]);
    expect(await repository.refreshedAt()).toBe('2026-11-02T10:00:00.000Z');

    // Nothing changed in the tallies: only the new minimum can bring the first episode in.
    const later = () => new Date('2026-11-02T11:00:00.000Z');
    await new TopEpisodesRefresher(storeOf(db), { priorVotes: 5, minVotes: 3 }, { clock: later }).sweep();
    expect(await listedIds()).toEqual([few.id, many.id]);
    expect(await repository.refreshedAt()).toBe('2026-11-02T11:00:00.000Z');
  });

  it('records no refresh time when a show could not be refreshed', async () => {
    const db = database.current.handle.db;
    const repository = new TopEpisodesRepository(db);
    const f = factories(db);
    const show = await f.show();
    const season = await f.season(show.id);
    const episode = await f.episode(season.id, 1);
    await f.ratings(episode.id, [5, 5, 5]);
    const failing = Object.assign(Object.create(repository) as TopEpisodesRepository, {
      writeShow: async () => {
        throw new Error('disk full');
      },
    });
    const errors: unknown[] = [];
    const refresher = new TopEpisodesRefresher(
      new Store(db, () => ({ topEpisodes: failing })),
      { priorVotes: 5, minVotes: 3 },
      { clock: () => new Date('2026-11-03T00:00:00.000Z'), onError: (e) => errors.push(e) },
    );
    await refresher.sweep();
    expect(errors).toHaveLength(1);
    expect(await repository.refreshedAt()).toBe('2026-11-02T11:00:00.000Z');
  });
});
