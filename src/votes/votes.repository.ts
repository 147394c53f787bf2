/**
 * SQL for votes: a voter's rating written, withdrawn or merged into an account, each with its
 * episode's tally in the same transaction, so the tally always equals what the votes say
 * (checked by `epirank recount --check`); the ratings an import writes; and the reads of one
 * voter's ratings and of the votes an export copies. Recounting tallies from the votes is
 * tally-recount.repository.ts. The writes run on the handle this repository is bound to and
 * open no transaction: vote-writes.ts says which transaction (or single statement) each runs in.
 */
import { sql, type InsertQueryBuilder, type Kysely, type QueryCreator, type Transaction, type UpdateQueryBuilder } from 'kysely';
import { forUpdateWhereNeeded, locksRows, type DialectName } from '../db/dialect.js';
import { HISTOGRAM_COLUMNS, type Database, type VoterKind } from '../db/schema.js';
import { assertTransaction } from '../db/transact.js';
import { networkKey } from '../shared/ip-address.js';
import { NetworkFullError, type NetworkCap } from './network-allowance.js';
import { lockTallies, recountEpisodes } from './tally-recount.repository.js';
import { networkOrder } from '../shared/network-levels.js';
import { baseNetworkCaps, fullEpisodes } from './network-counts.js';

export interface VoterRef {
  id: string;
  kind: VoterKind;
}

/**
 * What a vote changed: the rating before (null when there was none) and after (null when
 * withdrawn). `held`: the rating is (or, withdrawn, was) held for review, so the tally did not move.
 */
export interface VoteChange {
  episodeId: number;
  previous: number | null;
  current: number | null;
  held: boolean;
}

/** What a PostgreSQL vote statement's WITH adds: the vote it wrote (no row when it wrote none). */
type WrittenVote = { written_vote: { episode_id: number } };

/** A vote's own write (its first rating, or a new one), built on whichever query creator runs it. */
type VoteWrite = (
  qc: QueryCreator<Database>,
) => InsertQueryBuilder<Database, 'votes', { episode_id: number }> | UpdateQueryBuilder<Database, 'votes', 'votes', { episode_id: number }>;

/** A rating as a vote writes it (ratingWritten). */
export interface RatingWritten {
  episodeId: number;
  voter: VoterRef;
  rating: number;
  ip: string | null;
  network: string | null;
  /** `network` as sortable hex (`networkOrder`), what the per-network rule counts wider networks by. */
  networkOrder: string | null;
  now: string;
}

/**
 * The vote's row: inserted when the voter had no rating (`previous` null), else updated. `guarded`
 * (for a write that holds no lock): the insert does nothing if a row is there after all, and the
 * update only if the rating is still `previous`, so that a write that lost a race writes no row.
 */
function voteWrite(r: RatingWritten, previous: number | null, guarded: boolean): VoteWrite {
  return (qc) => {
    if (previous === null) {
      const insert = qc
        .insertInto('votes')
        .values({
          episode_id: r.episodeId,
          voter_id: r.voter.id,
          voter_kind: r.voter.kind,
          rating: r.rating,
          ip: r.ip,
          network: r.network,
          network_order: r.networkOrder,
          cast_at: r.now,
          updated_at: r.now,
        })
        .returning('episode_id');
      return guarded ? insert.onConflict((oc) => oc.columns(['episode_id', 'voter_id']).doNothing()) : insert;
    }
    const update = qc
      .updateTable('votes')
      // Rated here now: no longer a rating that arrived by import, nor one given on another site.
      .set({
        rating: r.rating,
        ip: r.ip,
        network: r.network,
        network_order: r.networkOrder,
        updated_at: r.now,
        voter_kind: r.voter.kind,
        imported_at: null,
        given_at: null,
      })
      .where('episode_id', '=', r.episodeId)
      .where('voter_id', '=', r.voter.id)
      .returning('episode_id');
    return guarded ? update.where('rating', '=', previous) : update;
  };
}

/**
 * The rating a vote writes, with its network, and the per-network caps it is under: `allowance`
 * is `NetworkAllowance.caps`, or as a number the allowance of `ip`'s base network (its
 * networkKey) alone; 0 or no caps means no limit.
 */
export function ratingWritten(
  episodeId: number,
  voter: VoterRef,
  rating: number,
  ip: string | null,
  now: string,
  allowance: number | readonly NetworkCap[],
): { written: RatingWritten; caps: readonly NetworkCap[] } {
  const network = ip === null ? null : networkKey(ip);
  const written: RatingWritten = { episodeId, voter, rating, ip, network, networkOrder: networkOrder(network), now };
  return { written, caps: typeof allowance === 'number' ? baseNetworkCaps(written.networkOrder, allowance) : allowance };
}

export class VotesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Whether a vote can be written by one statement that is a transaction of its own, without
   * locks (rateIfStill): on PostgreSQL, where a transaction would hold its show's figures row
   * locked for a round trip (see rateIfStill). SQLite runs one write at a time anyway.
   */
  get writesInOneStatement(): boolean {
    return locksRows(this.dialect);
  }

  /**
   * Sets this voter's rating of an episode, creating or replacing it, in the transaction this
   * repository is bound to. A voter with no counted rating of the episode one of whose networks
   * (`caps`) already gave it its allowance of counted ratings within NETWORK_WINDOW_DAYS gets a
   * held rating instead, which leaves the tally alone; a held rating rated again stays held. With
   * `holdWhenFull` false, such a rating is not held but refused with NetworkFullError, and nothing is written.
   */
  async rate(written: RatingWritten, caps: readonly NetworkCap[], holdWhenFull = true): Promise<VoteChange> {
    const trx = this.db;
    assertTransaction(trx);
    const { episodeId, voter, rating, ip, network, now } = written;
    const previous = await this.lockVote(trx, episodeId, voter.id);
    if (previous === null) {
      const held = await this.lockHeld(trx, episodeId, voter.id);
      if (held !== null) {
        await trx
          .updateTable('held_ratings')
          .set({ rating, ip, network, voter_kind: voter.kind, updated_at: now, given_at: null })
          .where('episode_id', '=', episodeId)
          .where('voter_id', '=', voter.id)
          .execute();
        return { episodeId, previous: held, current: rating, held: true };
      }
      if (caps.length > 0 && (await this.networkIsFull(trx, episodeId, caps, now))) {
        if (!holdWhenFull) throw new NetworkFullError();
        await trx
          .insertInto('held_ratings')
          .values({
            episode_id: episodeId,
            voter_id: voter.id,
            voter_kind: voter.kind,
            rating,
            ip,
            network,
            reason: 'network-limit',
            held_at: now,
            updated_at: now,
          })
          .execute();
        return { episodeId, previous: null, current: rating, held: true };
      }
    }
    await this.writeWithTally(trx, voteWrite(written, previous, false), episodeId, previous, rating);
    return { episodeId, previous, current: rating, held: false };
  }

  /**
   * Removes this voter's rating of an episode, counted or held, in the transaction this
   * repository is bound to; a no-op when there is none. `held` says the rating removed was a held
   * one, which the tally never included.
   */
  async withdraw(episodeId: number, voterId: string): Promise<VoteChange> {
    const trx = this.db;
    assertTransaction(trx);
    const previous = await this.lockVote(trx, episodeId, voterId);
    if (previous !== null) {
      await trx.deleteFrom('votes').where('episode_id', '=', episodeId).where('voter_id', '=', voterId).execute();
      await this.adjustTally(trx, episodeId, previous, null);
    }
    const held = await this.lockHeld(trx, episodeId, voterId);
    if (held !== null) {
      await trx.deleteFrom('held_ratings').where('episode_id', '=', episodeId).where('voter_id', '=', voterId).execute();
    }
    return { episodeId, previous: previous ?? held, current: null, held: previous === null && held !== null };
  }

  /** How many ratings of an episode are held for review (read through the unique (episode_id, voter_id) index). */
  async heldCount(episodeId: number): Promise<number> {
    const row = await this.db
      .selectFrom('held_ratings')
      .select((eb) => eb.fn.countAll<number>().as('held'))
      .where('episode_id', '=', episodeId)
      .executeTakeFirstOrThrow();
    return Number(row.held);
  }

  /**
   * Writes one batch of imported ratings of an episode inside the transaction this repository is
   * bound to (an import is one transaction) and says what each changed. Voter ids are already as stored here. Every
   * rating written is marked `imported_at`; the caller recounts the episode's tally once its
   * ratings are all in (recountEpisodes, which takes the tallies' locks).
   */
  async importRatings(
    episodeId: number,
    ratings: ReadonlyArray<{ voter: string; kind: VoterKind; rating: number; castAt: string; updatedAt: string }>,
    importedAt: string,
  ): Promise<Array<{ voter: string; before: number | null; after: number }>> {
    const trx = this.db;
    assertTransaction(trx);
    if (ratings.length === 0) return [];
    const stored = new Map(
      (
        await trx
          .selectFrom('votes')
          .select(['voter_id', 'rating', 'cast_at', 'updated_at', 'voter_kind'])
          .where('episode_id', '=', episodeId)
          .where(
            'voter_id',
            'in',
            ratings.map((r) => r.voter),
          )
          .execute()
      ).map((row) => [row.voter_id, row]),
    );
    const changes: Array<{ voter: string; before: number | null; after: number }> = [];
    for (const r of ratings) {
      const existing = stored.get(r.voter);
      if (!existing) {
        await trx
          .insertInto('votes')
          .values({
            episode_id: episodeId,
            voter_id: r.voter,
            voter_kind: r.kind,
            rating: r.rating,
            ip: null,
            cast_at: r.castAt,
            updated_at: r.updatedAt,
            imported_at: importedAt,
          })
          .execute();
        changes.push({ voter: r.voter, before: null, after: r.rating });
      } else if (existing.rating !== r.rating || existing.cast_at !== r.castAt || existing.updated_at !== r.updatedAt || existing.voter_kind !== r.kind) {
        await trx
          .updateTable('votes')
          .set({ rating: r.rating, voter_kind: r.kind, cast_at: r.castAt, updated_at: r.updatedAt, imported_at: importedAt })
          .where('episode_id', '=', episodeId)
          .where('voter_id', '=', r.voter)
          .execute();
        changes.push({ voter: r.voter, before: existing.rating, after: r.rating });
      }
    }
    return changes;
  }

  /** Account ids by public id, for the given public ids that name an account here. */
  async accountsByPublicId(publicIds: readonly string[]): Promise<Map<string, number>> {
    if (publicIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'public_id']).where('public_id', 'in', publicIds).execute();
    return new Map(rows.map((r) => [r.public_id!, r.id]));
  }

  /** The votes on some episodes, for an export that reads a season at a time rather than every vote at once. */
  async votesOfEpisodes(
    episodeIds: readonly number[],
  ): Promise<Array<{ episodeId: number; voter: string; kind: VoterKind; rating: number; castAt: string; updatedAt: string }>> {
    if (episodeIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('votes')
      .select(['episode_id', 'voter_id', 'voter_kind', 'rating', 'cast_at', 'updated_at'])
      .where('episode_id', 'in', episodeIds)
      .orderBy('episode_id')
      .orderBy('voter_id')
      .execute();
    return rows.map((r) => ({ episodeId: r.episode_id, voter: r.voter_id, kind: r.voter_kind, rating: r.rating, castAt: r.cast_at, updatedAt: r.updated_at }));
  }

  /** The public ids of the given accounts (accounts that no longer exist are left out). */
  async publicIdsOfAccounts(accountIds: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (let i = 0; i < accountIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('users')
        .select(['id', 'public_id'])
        .where('id', 'in', accountIds.slice(i, i + 500))
        .execute();
      for (const row of rows) if (row.public_id !== null) found.set(row.id, row.public_id);
    }
    return found;
  }

  /** Whether the voter holds any rating, counted or held. */
  async hasRatings(voterId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('votes')
      .select('episode_id')
      .where('voter_id', '=', voterId)
      .unionAll(this.db.selectFrom('held_ratings').select('episode_id').where('voter_id', '=', voterId))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Moves every rating of voter `from` to voter `to` (an anonymous visitor whose fan confirmed them), counted
   * and held alike. Where both rated an episode, the newer rating wins and the other is deleted, so
   * nobody ever holds two; a winning held rating stays held, since moving it into the tally would
   * step around the per-network rule. The tallies of episodes that lost a counted rating are
   * recounted in the same transaction, the one this repository is bound to. `replacedIn`: the
   * episodes where a rating was replaced (a tally, or a page's count of held ratings, changed).
   */
  async mergeVoter(from: string, to: VoterRef): Promise<{ moved: number; replaced: number; replacedIn: number[] }> {
    const trx = this.db;
    assertTransaction(trx);
    const ratingsOfVoter = async (voterId: string, episodeIds: number[] | null, lock: boolean) => {
      const rows: Array<{ episodeId: number; updatedAt: string; table: 'votes' | 'held_ratings' }> = [];
      for (const table of ['votes', 'held_ratings'] as const) {
        let query = trx.selectFrom(table).select(['episode_id', 'updated_at']).where('voter_id', '=', voterId);
        if (episodeIds !== null) query = query.where('episode_id', 'in', episodeIds);
        if (lock) query = forUpdateWhereNeeded(query, this.dialect);
        for (const r of await query.execute()) rows.push({ episodeId: r.episode_id, updatedAt: r.updated_at, table });
      }
      return rows;
    };
    const theirs = await ratingsOfVoter(from, null, true);
    if (theirs.length === 0) return { moved: 0, replaced: 0, replacedIn: [] };
    const mine = await ratingsOfVoter(to.id, [...new Set(theirs.map((r) => r.episodeId))], false);
    const touched = new Set<number>();
    const replacedIn = new Set<number>();
    let replaced = 0;
    for (const their of theirs) {
      for (const my of mine.filter((m) => m.episodeId === their.episodeId)) {
        // ISO timestamps compare as text; on a tie the account's own rating stays.
        const [loser, loserTable] = their.updatedAt > my.updatedAt ? [to.id, my.table] : [from, their.table];
        await trx.deleteFrom(loserTable).where('episode_id', '=', their.episodeId).where('voter_id', '=', loser).execute();
        if (loserTable === 'votes') touched.add(their.episodeId);
        replacedIn.add(their.episodeId);
        replaced++;
      }
    }
    let moved = 0;
    for (const table of ['votes', 'held_ratings'] as const) {
      const result = await trx.updateTable(table).set({ voter_id: to.id, voter_kind: to.kind }).where('voter_id', '=', from).executeTakeFirst();
      moved += Number(result.numUpdatedRows);
    }
    await recountEpisodes(trx, [...touched]);
    return { moved, replaced, replacedIn: [...replacedIn] };
  }

  /** This voter's ratings of the given episodes, held ones included: to the voter, a held rating is their rating. */
  async ratingsOf(voterId: string, episodeIds: readonly number[]): Promise<Map<number, number>> {
    if (episodeIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('votes')
      .select(['episode_id', 'rating'])
      .where('voter_id', '=', voterId)
      .where('episode_id', 'in', episodeIds)
      .unionAll(this.db.selectFrom('held_ratings').select(['episode_id', 'rating']).where('voter_id', '=', voterId).where('episode_id', 'in', episodeIds))
      .execute();
    return new Map(rows.map((r) => [r.episode_id, r.rating]));
  }

  /**
   * Reads the voter's current rating and, on PostgreSQL, locks the row so that two requests from
   * one voter cannot both adjust the tally from the same old rating. (SQLite runs one write
   * transaction at a time, so it needs no row lock.) When there is no row to lock, two first
   * votes can race to insert; the loser hits the unique constraint and its transaction is retried.
   */
  private async lockVote(trx: Transaction<Database>, episodeId: number, voterId: string): Promise<number | null> {
    const query = forUpdateWhereNeeded(
      trx.selectFrom('votes').select('rating').where('episode_id', '=', episodeId).where('voter_id', '=', voterId),
      this.dialect,
    );
    const row = await query.executeTakeFirst();
    return row?.rating ?? null;
  }

  /** The voter's held rating of an episode, locked on PostgreSQL as lockVote locks a counted one. */
  private async lockHeld(trx: Transaction<Database>, episodeId: number, voterId: string): Promise<number | null> {
    const query = forUpdateWhereNeeded(
      trx.selectFrom('held_ratings').select('rating').where('episode_id', '=', episodeId).where('voter_id', '=', voterId),
      this.dialect,
    );
    const row = await query.executeTakeFirst();
    return row?.rating ?? null;
  }

  /**
   * Whether one of the voter's networks has already given the episode its allowance of counted
   * ratings within the window. On PostgreSQL the episode's tally row is locked first: every counted first rating
   * takes that lock before it counts, so ten simultaneous votes from one network are counted one
   * after another and cannot all see room for one more. (SQLite runs one write at a time.) The
   * lock is the one every vote takes anyway when it adjusts the tally, in the same order: the
   * voter's row, then the tally.
   */
  private async networkIsFull(trx: Transaction<Database>, episodeId: number, caps: readonly NetworkCap[], now: string): Promise<boolean> {
    if (locksRows(this.dialect)) await lockTallies(trx, [episodeId]);
    return (await fullEpisodes(trx, [episodeId], caps, now)).has(episodeId);
  }

  /**
   * PostgreSQL: the vote and its tally written by one statement, on the plain handle this
   * repository is bound to, so that it is a transaction of its own (store.inOneStatement). The
   * tally's trigger locks the show's figures row, which every other vote on the show then waits
   * for until the vote commits; in a transaction that lasts until this process has read the
   * answer and sent COMMIT, one round trip and a turn of a busy event loop, which every vote on
   * the show took turns to wait out. Here the database releases it as soon as it has committed.
   * Nothing is locked before the write: the statement writes only if the voter's rating is still
   * `previous`, as ratingNow read it (for a first rating, still none), and says whether it wrote.
   */
  async rateIfStill(written: RatingWritten, previous: number | null): Promise<boolean> {
    if (this.db.isTransaction) throw new Error('rateIfStill() must run on the plain handle: it is a transaction of its own');
    return this.writeWithTally(this.db, voteWrite(written, previous, true), written.episodeId, previous, written.rating);
  }

  /** The voter's counted and held ratings of an episode as committed now, read without a lock. */
  async ratingNow(episodeId: number, voterId: string): Promise<{ counted: number | null; held: number | null }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('votes').select('rating').where('episode_id', '=', episodeId).where('voter_id', '=', voterId).as('counted'),
        eb.selectFrom('held_ratings').select('rating').where('episode_id', '=', episodeId).where('voter_id', '=', voterId).as('held'),
      ])
      .executeTakeFirst();
    return { counted: row?.counted ?? null, held: row?.held ?? null };
  }

  /**
   * The vote's row and its episode's tally; says whether the vote's row was written (a guarded
   * write that lost its race writes neither). On PostgreSQL they are one statement, the vote in a
   * data-modifying WITH and the tally changed only for the vote it wrote: writing either fires a
   * trigger that locks the show's figures row, so nothing may come between them (see
   * rateIfStill). SQLite runs one write at a time and has no data-modifying WITH.
   */
  private async writeWithTally(db: Kysely<Database>, vote: VoteWrite, episodeId: number, previous: number | null, current: number): Promise<boolean> {
    if (!locksRows(this.dialect)) {
      const written = await vote(db).execute();
      await this.tallyChange(db, episodeId, previous, current)?.execute();
      return written.length > 0;
    }
    const withVote = db.with('written_vote', (qc) => vote(qc)) as unknown as QueryCreator<Database & WrittenVote>;
    // The same rating again changes no tally: the vote alone is written (its time and address).
    const tally = this.tallyChange(withVote, 'written_vote', previous, current);
    const written = await (tally ?? vote(db)).execute();
    return written.length > 0;
  }

  /** Moves the tally from `previous` to `current` (either may be null: no vote). */
  private async adjustTally(trx: Transaction<Database>, episodeId: number, previous: number | null, current: number | null) {
    await this.tallyChange(trx, episodeId, previous, current)?.execute();
  }

  /**
   * The statement that moves the tally from `previous` to `current`, or null when nothing moves.
   * Its episode is `episode`, or with 'written_vote' the one a vote statement's WITH wrote, if it
   * wrote one.
   */
  private tallyChange<DB extends Database>(qc: QueryCreator<DB>, episode: number | 'written_vote', previous: number | null, current: number | null) {
    const countDelta = (current === null ? 0 : 1) - (previous === null ? 0 : 1);
    const sumDelta = (current ?? 0) - (previous ?? 0);
    const squareDelta = (current ?? 0) ** 2 - (previous ?? 0) ** 2;
    const histogramDelta = new Map<(typeof HISTOGRAM_COLUMNS)[number], number>();
    if (previous !== null) histogramDelta.set(HISTOGRAM_COLUMNS[previous - 1]!, -1);
    // A rating off the scale has no column: the votes table's CHECK refuses it in the same
    // statement (PostgreSQL) or the one before (SQLite), and this tally change is never applied.
    const column = current === null ? undefined : HISTOGRAM_COLUMNS[current - 1];
    if (column) histogramDelta.set(column, (histogramDelta.get(column) ?? 0) + 1);
    const changes: Record<string, number> = { vote_count: countDelta, vote_sum: sumDelta, vote_sum_sq: squareDelta, ...Object.fromEntries(histogramDelta) };
    const tallies = qc as unknown as QueryCreator<Database & WrittenVote>;
    if (previous === null) {
      // The first vote on an episode may have to create its tally row.
      const insert = tallies.insertInto('episode_tallies');
      const upsert = (
        episode === 'written_vote'
          ? insert
              .columns(['episode_id', ...(Object.keys(changes) as Array<keyof Database['episode_tallies']>)])
              .expression((eb) =>
                eb
                  .selectFrom('written_vote')
                  .select(['episode_id', ...Object.entries(changes).map(([column, delta]) => eb.cast<number>(eb.val(delta), 'integer').as(column))]),
              )
          : insert.values({ episode_id: episode, ...changes })
      ).onConflict((oc) =>
        oc
          .column('episode_id')
          .doUpdateSet((eb) =>
            Object.fromEntries(Object.entries(changes).map(([column, delta]) => [column, eb(sql.ref(`episode_tallies.${column}`), '+', delta)])),
          ),
      );
      return episode === 'written_vote' ? upsert.returning('episode_id') : upsert;
    }
    if (Object.values(changes).every((delta) => delta === 0)) return null; // the same rating again
    const update = tallies.updateTable('episode_tallies').set((eb) =>
      Object.fromEntries(
        Object.entries(changes)
          .filter(([, delta]) => delta !== 0)
          .map(([column, delta]) => [column, eb(sql.ref(column), '+', delta)]),
      ),
    );
    return episode === 'written_vote'
      ? update.where('episode_id', 'in', (eb) => eb.selectFrom('written_vote').select('episode_id')).returning('episode_id')
      : update.where('episode_id', '=', episode);
  }
}
