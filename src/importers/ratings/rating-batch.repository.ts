/**
 * SQL that writes one fan's imported ratings: every row in one transaction, by the rules a single
 * vote follows (votes.repository.ts `rate`), so that an import is all or nothing and the tallies
 * equal their votes afterwards. A rating of an episode the voter had not rated counts unless the
 * voter's network has already given that episode its allowance of counted ratings, in which case
 * it is held for review; each episode is rated once, as the file is one person's. A rating the
 * voter already has is replaced or kept, as the fan chose for conflicts; a held one stays held.
 * The tallies of the episodes whose counted ratings changed are recounted in the same transaction,
 * under the tally locks every vote takes (tally-recount.repository.ts). The transaction is the one
 * this repository is bound to: the import service opens it (ratings-import.service.ts).
 * Every rating written keeps the date the file gives it as `given_at`, for the fan's own list; the
 * per-network rule and moderation go by the server's time of the import (`cast_at`, `updated_at`).
 */
import type { Kysely, Transaction } from 'kysely';
import { forUpdateWhereNeeded, locksRows, type DialectName } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { assertTransaction } from '../../db/transact.js';
import { networkKey } from '../../shared/ip-address.js';
import type { NetworkCap } from '../../votes/network-allowance.js';
import { lockTallies, recountEpisodes } from '../../votes/tally-recount.repository.js';
import { networkOrder } from '../../shared/network-levels.js';
import { baseNetworkCaps, fullEpisodes } from '../../votes/network-counts.js';
import type { VoterRef } from '../../votes/votes.repository.js';
import type { Pacer } from '../pacer.js';

/** Episode ids per statement: far below either database's limit on parameters. */
const BATCH = 300;
/** Rows per multi-row insert (nine or ten values each). */
const INSERT_BATCH = 100;

export type ConflictChoice = 'keep-mine' | 'take-file';

export interface ImportedRating {
  episodeId: number;
  rating: number;
  /** When the fan gave it on the other site, as the file says (ISO), or null; stored as `given_at`. */
  givenAt: string | null;
  /** How the fan's file named it, for the error when the episode has gone. */
  label: string;
}

export interface BatchOutcome {
  /** New ratings that count. */
  counted: number;
  /** New ratings held for review (over the network's allowance). */
  held: number;
  /** The fan's earlier ratings the file's replaced. */
  replaced: number;
  /** The fan's earlier ratings kept over the file's. */
  kept: number;
  /** Rows that rated an episode as the fan already had. */
  unchanged: number;
  /** The shows whose numbers changed, and their episodes that did. */
  changed: Array<{ showId: number; episodeId: number }>;
}

export interface BatchRequest {
  voter: VoterRef;
  ip: string | null;
  ratings: readonly ImportedRating[];
  conflicts: ConflictChoice;
  /** The voter's networks' allowances (`NetworkAllowance.caps`), or the base network's alone as a number; 0: no limit. */
  allowance: number | readonly NetworkCap[];
  now: string;
}

/** An episode a preview matched that is no longer in the catalogue: the import is refused whole. */
export class EpisodeGoneError extends Error {
  override name = 'EpisodeGoneError';
  constructor(readonly labels: readonly string[]) {
    super(`episodes deleted since the preview: ${labels.join(', ')}`);
  }
}

export class RatingBatchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /** Writes the batch in the transaction this repository is bound to; `pacer` yields to the event loop between rows. */
  async write(request: BatchRequest, pacer: Pacer): Promise<BatchOutcome> {
    const trx = this.db;
    assertTransaction(trx);
    const { voter, now } = request;
    const wanted = new Map(request.ratings.map((r) => [r.episodeId, r]));
    const ids = [...wanted.keys()].sort((a, b) => a - b);
    const showOf = await this.showsOfEpisodes(trx, ids, pacer);
    const gone = ids.filter((id) => !showOf.has(id));
    if (gone.length > 0) throw new EpisodeGoneError(gone.map((id) => wanted.get(id)!.label));

    // The voter's own rows first, then the tallies: the order a single vote takes its locks in.
    const counted = await this.voterRatings(trx, 'votes', voter.id, ids, pacer);
    const held = await this.voterRatings(trx, 'held_ratings', voter.id, ids, pacer);
    const fresh = ids.filter((id) => !counted.has(id) && !held.has(id));
    const network = request.ip === null ? null : networkKey(request.ip);
    const order = networkOrder(network);
    const caps = typeof request.allowance === 'number' ? baseNetworkCaps(order, request.allowance) : request.allowance;
    const full = await this.fullEpisodes(trx, fresh, caps, now, pacer);

    const outcome: BatchOutcome = { counted: 0, held: 0, replaced: 0, kept: 0, unchanged: 0, changed: [] };
    const newVotes: Array<Parameters<typeof insertVotes>[1][number]> = [];
    const newHeld: Array<Parameters<typeof insertHeld>[1][number]> = [];
    const recount: number[] = [];
    for (const id of ids) {
      const { rating, givenAt } = wanted.get(id)!;
      const mine = counted.get(id) ?? held.get(id);
      if (mine === undefined) {
        const rated = { episode_id: id, voter_id: voter.id, voter_kind: voter.kind, rating, ip: request.ip, network, updated_at: now, given_at: givenAt };
        if (full.has(id)) {
          newHeld.push({ ...rated, reason: 'network-limit', held_at: now });
          outcome.held++;
        } else {
          newVotes.push({ ...rated, network_order: order, cast_at: now });
          outcome.counted++;
          recount.push(id);
        }
      } else if (mine === rating) outcome.unchanged++;
      else if (request.conflicts === 'keep-mine') outcome.kept++;
      else {
        const table = counted.has(id) ? 'votes' : 'held_ratings';
        await trx
          .updateTable(table)
          .set({ rating, ip: request.ip, network, updated_at: now, voter_kind: voter.kind, given_at: givenAt })
          .where('episode_id', '=', id)
          .where('voter_id', '=', voter.id)
          .execute();
        if (table === 'votes') {
          // Rated by the fan now: no longer a rating that arrived with a catalogue import.
          await trx
            .updateTable('votes')
            .set({ imported_at: null, network_order: order })
            .where('episode_id', '=', id)
            .where('voter_id', '=', voter.id)
            .execute();
          recount.push(id);
        }
        outcome.replaced++;
        await pacer.done();
      }
    }
    await insertVotes(trx, newVotes, pacer);
    await insertHeld(trx, newHeld, pacer);
    await recountEpisodes(trx, recount, () => pacer.done());
    const changedIds = new Set([...recount, ...newHeld.map((h) => h.episode_id)]);
    outcome.changed = [...changedIds].map((episodeId) => ({ showId: showOf.get(episodeId)!, episodeId }));
    return outcome;
  }

  /** The show of each episode that still exists. */
  private async showsOfEpisodes(trx: Transaction<Database>, ids: readonly number[], pacer: Pacer): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const rows = await trx
        .selectFrom('episodes as e')
        .innerJoin('seasons as se', 'se.id', 'e.season_id')
        .select(['e.id', 'se.show_id'])
        .where('e.id', 'in', ids.slice(i, i + BATCH))
        .execute();
      for (const r of rows) found.set(r.id, r.show_id);
      await pacer.done(BATCH);
    }
    return found;
  }

  /** The voter's counted or held ratings of these episodes, locked on PostgreSQL as a single vote locks its row. */
  private async voterRatings(
    trx: Transaction<Database>,
    table: 'votes' | 'held_ratings',
    voterId: string,
    ids: readonly number[],
    pacer: Pacer,
  ): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const query = trx
        .selectFrom(table)
        .select(['episode_id', 'rating'])
        .where('voter_id', '=', voterId)
        .where('episode_id', 'in', ids.slice(i, i + BATCH))
        .orderBy('episode_id');
      for (const r of await forUpdateWhereNeeded(query, this.dialect).execute()) found.set(r.episode_id, r.rating);
      await pacer.done(BATCH);
    }
    return found;
  }

  /**
   * The episodes to which one of the voter's networks has already given its allowance of counted
   * ratings within the window. On PostgreSQL their tallies are locked first, as a single vote's
   * check does, so that votes from the same networks arriving meanwhile are counted one after another.
   */
  private async fullEpisodes(trx: Transaction<Database>, ids: readonly number[], caps: readonly NetworkCap[], now: string, pacer: Pacer): Promise<Set<number>> {
    if (ids.length === 0 || caps.length === 0) return new Set();
    if (locksRows(this.dialect)) await lockTallies(trx, ids);
    const full = new Set<number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const id of await fullEpisodes(trx, ids.slice(i, i + BATCH), caps, now)) full.add(id);
      await pacer.done(BATCH);
    }
    return full;
  }
}

/** What an imported rating stores whether it is counted or held. */
interface ImportedRatingRow {
  episode_id: number;
  voter_id: string;
  voter_kind: VoterRef['kind'];
  rating: number;
  ip: string | null;
  network: string | null;
  updated_at: string;
  given_at: string | null;
}

/** Runs `insert` on the rows `INSERT_BATCH` at a time, telling the pacer after each batch. */
async function inBatches<Row>(rows: readonly Row[], pacer: Pacer, insert: (batch: Row[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    await insert(batch);
    await pacer.done(batch.length);
  }
}

async function insertVotes(
  trx: Transaction<Database>,
  rows: ReadonlyArray<ImportedRatingRow & { network_order: string | null; cast_at: string }>,
  pacer: Pacer,
): Promise<void> {
  await inBatches(rows, pacer, (batch) => trx.insertInto('votes').values(batch).execute());
}

async function insertHeld(
  trx: Transaction<Database>,
  rows: ReadonlyArray<ImportedRatingRow & { reason: 'network-limit'; held_at: string }>,
  pacer: Pacer,
): Promise<void> {
  await inBatches(rows, pacer, (batch) => trx.insertInto('held_ratings').values(batch).execute());
}
