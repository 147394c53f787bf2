/**
 * SQL for rank history: the days snapshots were taken and each show's packed rankings
 * (migration 0013). Every read goes through a primary key: a day, or a show's days in order.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/dialect.js';

/** A show's packed ranking as of a day. */
export interface SnapshotRow {
  day: string;
  ranking: Uint8Array;
}

export class SnapshotsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Claims a day for this process: true when the day's row was inserted here, or when a claim
   * that never finished and started before `abandonedBefore` was taken over. Two instances
   * claiming at once: the primary key lets one insert, and the other's takeover finds the claim
   * fresh (or finished) and leaves it.
   */
  async claimDay(day: string, now: string, abandonedBefore: string): Promise<boolean> {
    try {
      await this.db.insertInto('ranking_snapshot_days').values({ day, started_at: now, finished_at: null }).execute();
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const taken = await this.db
      .updateTable('ranking_snapshot_days')
      .set({ started_at: now })
      .where('day', '=', day)
      .where('finished_at', 'is', null)
      .where('started_at', '<', abandonedBefore)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) > 0;
  }

  async finishDay(day: string, now: string): Promise<void> {
    await this.db.updateTable('ranking_snapshot_days').set({ finished_at: now }).where('day', '=', day).execute();
  }

  /** Whether a day's snapshot was finished. */
  async dayFinished(day: string): Promise<boolean> {
    const row = await this.db.selectFrom('ranking_snapshot_days').select('day').where('day', '=', day).where('finished_at', 'is not', null).executeTakeFirst();
    return row !== undefined;
  }

  /** The latest finished day on or before `day`, or null when there is none. */
  async finishedDayOnOrBefore(day: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('ranking_snapshot_days')
      .select('day')
      .where('day', '<=', day)
      .where('finished_at', 'is not', null)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.day ?? null;
  }

  /** The oldest finished day kept, or null before the first snapshot. */
  async firstFinishedDay(): Promise<string | null> {
    const row = await this.db.selectFrom('ranking_snapshot_days').select('day').where('finished_at', 'is not', null).orderBy('day').limit(1).executeTakeFirst();
    return row?.day ?? null;
  }

  /** The latest day claimed, finished or not: a new snapshot may not be dated before it. */
  async latestClaimedDay(): Promise<string | null> {
    const row = await this.db.selectFrom('ranking_snapshot_days').select('day').orderBy('day', 'desc').limit(1).executeTakeFirst();
    return row?.day ?? null;
  }

  /** Finished days from `from` to `to`, oldest first, at most `limit` (the newest kept). */
  async finishedDays(from: string, to: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('ranking_snapshot_days')
      .select('day')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where('finished_at', 'is not', null)
      .orderBy('day', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.day).reverse();
  }

  /**
   * Up to `limit` shows after `afterShowId` that have votes, or had them at a snapshot (so that
   * losing every vote is recorded too), in id order. Shows never voted on are skipped.
   */
  async showsWithVotes(afterShowId: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('show_figures as f')
      .select('f.show_id')
      .where('f.show_id', '>', afterShowId)
      .where((eb) =>
        eb.or([eb('f.vote_count', '>', 0), eb.exists(eb.selectFrom('ranking_snapshots as r').select('r.show_id').whereRef('r.show_id', '=', 'f.show_id'))]),
      )
      .orderBy('f.show_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.show_id);
  }

  /** The show's ranking as of a day: its latest row on or before it. */
  async latestOnOrBefore(showId: number, day: string): Promise<SnapshotRow | null> {
    const row = await this.db
      .selectFrom('ranking_snapshots')
      .select(['day', 'ranking'])
      .where('show_id', '=', showId)
      .where('day', '<=', day)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { day: row.day, ranking: toBytes(row.ranking) } : null;
  }

  /**
   * The show's rows from `from` to `to`, oldest first, together with the row in force on `from`
   * (its latest before it); at most `limit` rows.
   */
  async rowsBetween(showId: number, from: string, to: string, limit: number): Promise<SnapshotRow[]> {
    const [base, rows] = await Promise.all([
      this.latestOnOrBefore(showId, from),
      this.db
        .selectFrom('ranking_snapshots')
        .select(['day', 'ranking'])
        .where('show_id', '=', showId)
        .where('day', '>', from)
        .where('day', '<=', to)
        .orderBy('day', 'desc')
        .limit(limit)
        .execute(),
    ]);
    const later = rows.reverse().map((r) => ({ day: r.day, ranking: toBytes(r.ranking) }));
    return base ? [base, ...later] : later;
  }

  /** The show's newest `limit` rows, newest first. */
  async latestRows(showId: number, limit: number): Promise<SnapshotRow[]> {
    const rows = await this.db
      .selectFrom('ranking_snapshots')
      .select(['day', 'ranking'])
      .where('show_id', '=', showId)
      .orderBy('day', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ day: r.day, ranking: toBytes(r.ranking) }));
  }

  async write(showId: number, day: string, ranking: Uint8Array): Promise<void> {
    await this.db
      .insertInto('ranking_snapshots')
      .values({ show_id: showId, day, ranking })
      .onConflict((oc) => oc.columns(['show_id', 'day']).doUpdateSet({ ranking }))
      .execute();
  }

  /**
   * Drops the show's rows before `cutoff`, except the one in force on it, which later days that
   * stored nothing new still read. A show gains one row a day at most, so this deletes a handful.
   */
  async pruneShow(showId: number, cutoff: string): Promise<void> {
    const kept = await this.latestOnOrBefore(showId, cutoff);
    if (!kept) return;
    await this.db.deleteFrom('ranking_snapshots').where('show_id', '=', showId).where('day', '<', kept.day).execute();
  }

  /** Forgets the days before `cutoff` (one row a day), so `?as_of=` refuses them. */
  async pruneDays(cutoff: string): Promise<void> {
    await this.db.deleteFrom('ranking_snapshot_days').where('day', '<', cutoff).execute();
  }
}

/** Both drivers return a Buffer (a Uint8Array); the copy-free view keeps comparisons byte-wise. */
function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
