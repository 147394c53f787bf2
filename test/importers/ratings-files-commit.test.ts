/**
 * The commit of an imported ratings file (rating-batch.repository.ts) on a real database: every row
 * in one transaction, so a failure part-way through leaves no rating and no tally changed.
 */
import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/importers/pacer.js';
import { TallyRecountRepository } from '../../src/votes/tally-recount.repository.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { storeOf } from '../../src/repositories.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const NOW = '2026-11-25T12:00:00.000Z';
const voter = { id: 'a:importing-fan-000000000', kind: 'anonymous' as const };

describe('committing imported ratings', () => {
  const database = useTestDatabase();

  it('rolls back the rows already written when a later one fails', async () => {
    const { db } = database.current.handle;
    const make = factories(db);
    const show = await make.show();
    const season = await make.season(show.id);
    const first = (await make.episode(season.id, 1)).id;
    const second = (await make.episode(season.id, 2)).id;
    await new VoteWrites(storeOf(db)).rate(first, voter, 4, '192.0.2.1', NOW);
    const recount = new TallyRecountRepository(db);
    const before = await recount.storedAggregates();

    // The first row replaces the fan's 4 (an UPDATE inside the transaction); the second breaks the
    // database's 1-10 CHECK as it is inserted, after that update.
    const changes: unknown[] = [];
    await expect(
      storeOf(db).transact(async (tx) => {
        const outcome = await tx.ratingBatches.write(
          {
            voter,
            ip: '192.0.2.1',
            ratings: [
              { episodeId: first, rating: 9, givenAt: null, label: 'line 2' },
              { episodeId: second, rating: 11, givenAt: null, label: 'line 3' },
            ],
            conflicts: 'take-file',
            allowance: 0,
            now: NOW,
          },
          new Pacer(),
        );
        tx.onCommit(() => void changes.push(outcome));
        return outcome;
      }),
    ).rejects.toThrow();

    const votes = await db.selectFrom('votes').select(['episode_id', 'rating']).where('voter_id', '=', voter.id).execute();
    expect(votes).toEqual([{ episode_id: first, rating: 4 }]);
    expect(await recount.storedAggregates()).toEqual(before);
    // Caches are told only of committed changes.
    expect(changes).toEqual([]);
  });

  it('writes new, replaced and unchanged ratings in one go and says what it did', async () => {
    const { db } = database.current.handle;
    const make = factories(db);
    const show = await make.show();
    const season = await make.season(show.id);
    const ids: number[] = [];
    for (const n of [1, 2, 3]) ids.push((await make.episode(season.id, n)).id);
    const votes = new VoteWrites(storeOf(db));
    await votes.rate(ids[0]!, voter, 5, '192.0.2.1', NOW);
    await votes.rate(ids[1]!, voter, 7, '192.0.2.1', NOW);
    const outcome = await storeOf(db).transact((tx) =>
      tx.ratingBatches.write(
        {
          voter,
          ip: '192.0.2.1',
          ratings: [
            { episodeId: ids[0]!, rating: 8, givenAt: null, label: 'a' },
            { episodeId: ids[1]!, rating: 7, givenAt: null, label: 'b' },
            { episodeId: ids[2]!, rating: 1, givenAt: null, label: 'c' },
          ],
          conflicts: 'take-file',
          allowance: 0,
          now: NOW,
        },
        new Pacer(),
      ),
    );
    expect(outcome).toMatchObject({ counted: 1, held: 0, replaced: 1, kept: 0, unchanged: 1 });
    expect(outcome.changed.map((c) => c.episodeId).sort()).toEqual([ids[0], ids[2]].sort());
    expect(Object.fromEntries(await storeOf(db).read.votes.ratingsOf(voter.id, ids))).toEqual({ [ids[0]!]: 8, [ids[1]!]: 7, [ids[2]!]: 1 });
    const recount = new TallyRecountRepository(db);
    expect((await recount.storedAggregates()).filter((a) => a.count > 0)).toEqual(await recount.aggregatesFromVotes());
  });
});
