/**
 * SQL that recounts vote tallies from the votes themselves: the recount inside an import, a
 * moderator's removal, a merge of two voters, and `epirank recount`'s check and repair. Single
 * votes adjust their tally in place instead (votes.repository.ts); both take the same tally locks.
 */
import type { Kysely, Transaction } from 'kysely';
import { dialectOfConnection, locksRows } from '../db/dialect.js';
import { HISTOGRAM_COLUMNS, type Database } from '../db/schema.js';
import { assertTransaction } from '../db/transact.js';
import { emptyHistogram } from './rating-scale.js';

/** Aggregates as recomputed from the votes table (baselines are not votes and are left out). */
export interface VoteAggregate {
  episodeId: number;
  count: number;
  sum: number;
  sumOfSquares: number;
  histogram: number[];
}

export class TallyRecountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Recomputes one episode's vote tally from its votes, in this repository's transaction (see recountEpisodes). */
  async recountEpisode(episodeId: number): Promise<void> {
    await recountEpisodes(this.db, [episodeId]);
  }

  /**
   * Recomputes these episodes' vote tallies from their votes, in this repository's transaction
   * (bound by a store's transact(), see db/store.ts). On
   * PostgreSQL it first locks their tally rows (creating any that are missing, so there is a row
   * to lock): a vote adds its change to that row, so without the lock a vote committed between
   * this count and this write would have its increment overwritten. With it, a vote either
   * committed before the lock (and is counted) or adds its change after this transaction
   * commits. Every row is locked, in id order, before any is written, so two recounts never wait
   * on each other in a cycle, and no recount waits for a tally while holding what writing one
   * locks next (its show's figures, migration 0007), which a vote holding that tally would wait
   * for. Every caller gets the lock because only this function knows it is needed.
   */
  recountEpisodes(
    episodeIds: readonly number[],
    /** Called after each episode's recount: an import paces itself here (see importers/pacer.ts). */
    afterEach?: () => Promise<void>,
  ): Promise<void> {
    return recountEpisodes(this.db, episodeIds, afterEach);
  }

  /** Recomputes every episode's vote aggregates from the votes themselves. */
  async aggregatesFromVotes(db: Kysely<Database> = this.db): Promise<VoteAggregate[]> {
    return aggregatesFromVotes(db);
  }

  /** The vote part of every stored tally (rows whose counters are all zero included). */
  async storedAggregates(db: Kysely<Database> = this.db): Promise<VoteAggregate[]> {
    const rows = await db.selectFrom('episode_tallies').selectAll().orderBy('episode_id').execute();
    return rows.map((r) => ({
      episodeId: r.episode_id,
      count: Number(r.vote_count),
      sum: Number(r.vote_sum),
      sumOfSquares: Number(r.vote_sum_sq),
      histogram: HISTOGRAM_COLUMNS.map((c) => Number(r[c])),
    }));
  }
}

/**
 * The recount of TallyRecountRepository.recountEpisodes, for a repository whose own write needs
 * one inside the transaction it was given (a merge of two voters, a moderator's removal).
 */
export async function recountEpisodes(trx: Kysely<Database>, episodeIds: readonly number[], afterEach?: () => Promise<void>): Promise<void> {
  assertTransaction(trx);
  const ids = [...new Set(episodeIds)].sort((a, b) => a - b);
  if (locksRows(dialectOfConnection(trx))) await lockTallies(trx, ids);
  for (const episodeId of ids) {
    await writeRecount(trx, episodeId);
    await afterEach?.();
  }
}

// Rows locked or created per statement: far below either database's limit on query parameters.
const LOCK_BATCH = 500;

/**
 * Locks these episodes' tally rows until the transaction ends, in id order (`ids` is sorted).
 * A missing row cannot be locked, and a first vote would create it unhindered, so missing rows
 * are created (all zeros) and the lock taken again. The existing rows are locked before that
 * insert, because inserting a tally fires the per-show figures trigger (migration 0007), which
 * locks the show's row: the order is always tally rows first, then the show, as votes keep it.
 */
export async function lockTallies(trx: Transaction<Database>, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += LOCK_BATCH) {
    const batch = ids.slice(i, i + LOCK_BATCH);
    // PostgreSQL locks the rows as the ORDER BY hands them over, so always in the same order.
    const lock = () => trx.selectFrom('episode_tallies').select('episode_id').where('episode_id', 'in', batch).orderBy('episode_id').forUpdate().execute();
    const locked = await lock();
    if (locked.length === batch.length) continue;
    await trx
      .insertInto('episode_tallies')
      .values(batch.map((id) => ({ episode_id: id })))
      .onConflict((oc) => oc.column('episode_id').doNothing())
      .execute();
    await lock();
  }
}

/** Writes the vote part of one episode's tally as its votes add up now. */
async function writeRecount(trx: Transaction<Database>, episodeId: number): Promise<void> {
  const [fresh] = await aggregatesFromVotes(trx, episodeId);
  const a = fresh ?? { count: 0, sum: 0, sumOfSquares: 0, histogram: emptyHistogram() };
  const values = {
    vote_count: a.count,
    vote_sum: a.sum,
    vote_sum_sq: a.sumOfSquares,
    ...Object.fromEntries(HISTOGRAM_COLUMNS.map((c, i) => [c, a.histogram[i]!])),
  };
  await trx
    .insertInto('episode_tallies')
    .values({ episode_id: episodeId, ...values })
    .onConflict((oc) => oc.column('episode_id').doUpdateSet(values))
    .execute();
}

/** Vote aggregates recomputed from the votes, for every episode or for one. */
async function aggregatesFromVotes(db: Kysely<Database>, episodeId?: number): Promise<VoteAggregate[]> {
  let query = db
    .selectFrom('votes')
    .groupBy('episode_id')
    .select((eb) => [
      'episode_id',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('rating').as('sum'),
      eb.fn.sum<number>(eb('rating', '*', eb.ref('rating'))).as('sum_sq'),
      ...HISTOGRAM_COLUMNS.map((column, index) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('rating', '=', index + 1)
              .then(1)
              .else(0)
              .end(),
          )
          .as(column),
      ),
    ])
    .orderBy('episode_id');
  if (episodeId !== undefined) query = query.where('episode_id', '=', episodeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    episodeId: r.episode_id,
    count: Number(r.count),
    sum: Number(r.sum),
    sumOfSquares: Number(r.sum_sq),
    histogram: HISTOGRAM_COLUMNS.map((c) => Number(r[c])),
  }));
}
