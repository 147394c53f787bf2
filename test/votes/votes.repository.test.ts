import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/dialect.js';
import { StandingsRepository } from '../../src/ranking/standings.repository.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import type { VoterRef } from '../../src/votes/votes.repository.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { isCheckViolation, useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { storeOf } from '../../src/repositories.js';

const database = useTestDatabase();
const repo = () => new VoteWrites(storeOf(database.current.handle.db));
const reads = () => storeOf(database.current.handle.db).read.votes;
const NOW = '2026-01-02T03:04:05.000Z';
const voter = (n: number): VoterRef => ({ id: `a:voter-${n}`, kind: 'anonymous' });

async function newEpisode() {
  const make = factories(database.current.handle.db);
  const show = await make.show();
  const season = await make.season(show.id, 1);
  return (await make.episode(season.id, 1)).id;
}

async function tally(episodeId: number) {
  const [standing] = await new StandingsRepository(database.current.handle.db).episodeStandings({ episodeIds: [episodeId] });
  return {
    count: standing!.votesHere,
    sum: standing!.sum,
    sumOfSquares: standing!.sumOfSquaresHere,
    histogram: standing!.histogram,
  };
}

const histogramWith = (...ratings: number[]) => Array.from({ length: 10 }, (_, i) => ratings.filter((r) => r === i + 1).length);

describe('vote transitions, each with its exact aggregates', () => {
  it('none → 7 → 3 → withdrawn', async () => {
    const episode = await newEpisode();
    const votes = repo();

    expect(await votes.rate(episode, voter(1), 7, '10.0.0.1', NOW)).toEqual({ episodeId: episode, previous: null, current: 7, held: false });
    expect(await tally(episode)).toEqual({ count: 1, sum: 7, sumOfSquares: 49, histogram: histogramWith(7) });

    expect(await votes.rate(episode, voter(1), 3, '10.0.0.1', NOW)).toEqual({ episodeId: episode, previous: 7, current: 3, held: false });
    expect(await tally(episode)).toEqual({ count: 1, sum: 3, sumOfSquares: 9, histogram: histogramWith(3) });

    expect(await votes.withdraw(episode, voter(1).id)).toEqual({ episodeId: episode, previous: 3, current: null, held: false });
    expect(await tally(episode)).toEqual({ count: 0, sum: 0, sumOfSquares: 0, histogram: histogramWith() });
  });

  it('the same rating twice changes nothing; withdrawing without a rating is a no-op', async () => {
    const episode = await newEpisode();
    const votes = repo();
    await votes.rate(episode, voter(1), 9, null, NOW);
    expect(await votes.rate(episode, voter(1), 9, null, NOW)).toMatchObject({ previous: 9, current: 9 });
    expect(await tally(episode)).toEqual({ count: 1, sum: 9, sumOfSquares: 81, histogram: histogramWith(9) });
    expect(await votes.withdraw(episode, voter(2).id)).toMatchObject({ previous: null, current: null });
    expect(await tally(episode)).toMatchObject({ count: 1 });
  });

  it('sums several voters and keeps the baseline apart', async () => {
    const episode = await newEpisode();
    await factories(database.current.handle.db).baseline(episode, 40, 376);
    const votes = repo();
    for (const [n, rating] of [
      [1, 10],
      [2, 10],
      [3, 9],
      [4, 8],
      [5, 8],
    ] as const)
      await votes.rate(episode, voter(n), rating, null, NOW);
    expect(await tally(episode)).toEqual({ count: 5, sum: 376 + 45, sumOfSquares: 409, histogram: histogramWith(10, 10, 9, 8, 8) });
    expect(await reads().ratingsOf(voter(3).id, [episode])).toEqual(new Map([[episode, 9]]));
  });

  it('records when, from where and by what kind of voter', async () => {
    const episode = await newEpisode();
    await repo().rate(episode, voter(1), 6, '192.0.2.7', NOW);
    await repo().rate(episode, voter(1), 5, '192.0.2.8', '2026-01-02T04:00:00.000Z');
    const row = await database.current.handle.db.selectFrom('votes').selectAll().where('episode_id', '=', episode).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ voter_kind: 'anonymous', rating: 5, ip: '192.0.2.8', cast_at: NOW, updated_at: '2026-01-02T04:00:00.000Z' });
  });
});

describe('invariants held by the database', () => {
  it('a voter can never hold two ratings for one episode', async () => {
    const episode = await newEpisode();
    await repo().rate(episode, voter(1), 4, null, NOW);
    const second = await database.current.handle.db
      .insertInto('votes')
      .values({ episode_id: episode, voter_id: voter(1).id, voter_kind: 'anonymous', rating: 5, ip: null, cast_at: NOW, updated_at: NOW })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(second)).toBe(true);
  });

  it.each([0, 11, -3])('a rating of %i is refused by a CHECK constraint', async (rating) => {
    const episode = await newEpisode();
    await expect(repo().rate(episode, voter(1), rating, null, NOW)).rejects.toSatisfy(isCheckViolation);
    expect(await tally(episode)).toMatchObject({ count: 0 });
  });

  it('concurrent first votes and changes by one voter end with one rating and a matching tally', async () => {
    const episode = await newEpisode();
    const votes = repo();
    const ratings = [3, 9, 5, 10, 1, 7, 2, 8];
    await Promise.all(ratings.map((r) => votes.rate(episode, voter(1), r, null, NOW)));
    const stored = await reads().ratingsOf(voter(1).id, [episode]);
    expect(stored.size).toBe(1);
    const final = stored.get(episode)!;
    expect(ratings).toContain(final);
    expect(await tally(episode)).toEqual({ count: 1, sum: final, sumOfSquares: final * final, histogram: histogramWith(final) });
  });
});

/** Resolves once some connection to the test database waits on a row lock (PostgreSQL). */
async function someoneWaitsOnALock(): Promise<void> {
  const db = database.current.handle.db;
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no connection ever waited on a lock');
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('a vote written without locks (PostgreSQL)', () => {
  it('reads the rating again when another request of the voter changed it between the read and the write', async () => {
    const episode = await newEpisode();
    const votes = repo();
    const db = database.current.handle.db;
    await votes.rate(episode, voter(1), 4, null, NOW);

    // Another request of the same voter, halfway through its transaction: the rating is 8 and the
    // tally moved with it, not yet committed, so the vote below reads 4 and its write waits.
    let commitOther!: () => void;
    const otherMayCommit = new Promise<void>((resolve) => (commitOther = resolve));
    let otherWrote!: () => void;
    const otherHasWritten = new Promise<void>((resolve) => (otherWrote = resolve));
    const other = db.transaction().execute(async (trx) => {
      await trx.updateTable('votes').set({ rating: 8 }).where('episode_id', '=', episode).where('voter_id', '=', voter(1).id).execute();
      await trx
        .updateTable('episode_tallies')
        .set((eb) => ({
          vote_sum: eb('vote_sum', '+', 4),
          vote_sum_sq: eb('vote_sum_sq', '+', 64 - 16),
          rated_4: eb('rated_4', '-', 1),
          rated_8: eb('rated_8', '+', 1),
        }))
        .where('episode_id', '=', episode)
        .execute();
      otherWrote();
      await otherMayCommit;
    });
    await otherHasWritten;
    const vote = votes.rate(episode, voter(1), 6, null, NOW);
    await someoneWaitsOnALock();
    commitOther();
    await other;

    // Its write found 8 where it had read 4: it wrote nothing, read again and moved the tally from 8.
    expect(await vote).toEqual({ episodeId: episode, previous: 8, current: 6, held: false });
    expect(await tally(episode)).toEqual({ count: 1, sum: 6, sumOfSquares: 36, histogram: histogramWith(6) });
  });
});

describe('recount', () => {
  it('finds a tally that disagrees with the votes, names the episode, and repairs it', async () => {
    const episode = await newEpisode();
    const votes = repo();
    await votes.rate(episode, voter(1), 8, null, NOW);
    await votes.rate(episode, voter(2), 6, null, NOW);
    const audit = new TallyAudit(storeOf(database.current.handle.db));
    const before = await audit.check();
    expect(before.filter((m) => m.episodeId === episode)).toEqual([]);

    await database.current.handle.db.updateTable('episode_tallies').set({ vote_count: 5, rated_8: 0 }).where('episode_id', '=', episode).execute();
    const found = (await audit.check()).filter((m) => m.episodeId === episode);
    expect(found).toHaveLength(1);
    expect(found[0]!.episode).toMatch(/S1E1 “Episode title 1” \(episode id \d+\)$/);
    expect(found[0]!.recounted).toEqual({ episodeId: episode, count: 2, sum: 14, sumOfSquares: 100, histogram: histogramWith(8, 6) });

    await audit.fix();
    expect(await audit.check()).toEqual([]);
    expect(await tally(episode)).toEqual({ count: 2, sum: 14, sumOfSquares: 100, histogram: histogramWith(8, 6) });
  });
});
