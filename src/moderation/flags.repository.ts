/**
 * SQL for stored moderation flags: the counts the scheduled stuffing checks read, raising and
 * extending flags, and the lists, counts and closing that moderators use.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, FlagKind, FlagStatus, ModerationFlagsTable } from '../db/schema.js';
import { MAX_RATING, MIN_RATING } from '../votes/rating-scale.js';

export interface StoredFlag {
  id: number;
  episodeId: number;
  kind: FlagKind;
  windowStart: string;
  windowEnd: string;
  raisedAt: string;
  checkedAt: string;
  reason: string;
  status: FlagStatus;
  closedBy: string | null;
  closedAt: string | null;
}

/** A vote count and sum: the part of a tally a window's votes make up. */
export interface WindowAggregate {
  count: number;
  sum: number;
}

export class FlagsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Episodes with a vote changed in [from, to), through votes(updated_at, episode_id). */
  async episodesVotedBetween(from: string, to: string): Promise<number[]> {
    const rows = await this.db.selectFrom('votes').select('episode_id').distinct().where('updated_at', '>=', from).where('updated_at', '<', to).execute();
    return rows.map((r) => r.episode_id);
  }

  /** Every open flag; there are few, since each needs a moderator's attention. */
  async openFlags(): Promise<StoredFlag[]> {
    return this.rowsOf(this.db.selectFrom('moderation_flags').selectAll().where('status', '=', 'open').orderBy('id'));
  }

  async openFlagsOf(episodeId: number): Promise<StoredFlag[]> {
    return this.rowsOf(this.db.selectFrom('moderation_flags').selectAll().where('episode_id', '=', episodeId).where('status', '=', 'open').orderBy('id'));
  }

  /** An episode's votes changed in [from, to), through votes(episode_id, updated_at). */
  async votesBetween(episodeId: number, from: string, to: string): Promise<number> {
    const row = await this.db
      .selectFrom('votes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('episode_id', '=', episodeId)
      .where('updated_at', '>=', from)
      .where('updated_at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The same votes' count, sum and number of 1s and 10s: what a window takes out of a tally. */
  async windowFigures(episodeId: number, from: string, to: string): Promise<WindowAggregate & { extremes: number }> {
    const row = await this.db
      .selectFrom('votes')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number>('rating'), eb.lit(0)).as('sum'),
        eb.fn.count<number>('id').filterWhere('rating', 'in', [MIN_RATING, MAX_RATING]).as('extremes'),
      ])
      .where('episode_id', '=', episodeId)
      .where('updated_at', '>=', from)
      .where('updated_at', '<', to)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), sum: Number(row.sum), extremes: Number(row.extremes) };
  }

  /** The episode's show with its votes cast here and its 1s and 10s, summed from the tallies. */
  async showExtremesOf(episodeId: number): Promise<{ showId: number; title: string; votes: number; extremes: number } | null> {
    const show = await this.db
      .selectFrom('episodes as e')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .innerJoin('shows as sh', 'sh.id', 's.show_id')
      .select(['sh.id', 'sh.title'])
      .where('e.id', '=', episodeId)
      .executeTakeFirst();
    if (!show) return null;
    const row = await this.db
      .selectFrom('episode_tallies as t')
      .innerJoin('episodes as e', 'e.id', 't.episode_id')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('t.vote_count'), eb.lit(0)).as('votes'),
        eb.fn.coalesce(eb.fn.sum<number>(eb('t.rated_1', '+', eb.ref('t.rated_10'))), eb.lit(0)).as('extremes'),
      ])
      .where('s.show_id', '=', show.id)
      .executeTakeFirstOrThrow();
    return { showId: show.id, title: show.title, votes: Number(row.votes), extremes: Number(row.extremes) };
  }

  /** An episode's whole tally (votes cast here and the imported baseline), as the average reads it. */
  async tallyOf(episodeId: number): Promise<WindowAggregate> {
    const row = await this.db
      .selectFrom('episode_tallies')
      .select(['vote_count', 'vote_sum', 'baseline_count', 'baseline_sum'])
      .where('episode_id', '=', episodeId)
      .executeTakeFirst();
    return row ? { count: Number(row.vote_count) + Number(row.baseline_count), sum: Number(row.vote_sum) + Number(row.baseline_sum) } : { count: 0, sum: 0 };
  }

  /**
   * Raises a flag unless one of its kind is already open for the episode; true when this call's
   * flag is the one that stays. Several instances may check at once and there is no unique index
   * on open flags, so each inserts, then the lowest open id wins and the others delete their own:
   * whatever the interleaving, one flag remains and exactly one caller learns it raised it.
   */
  async raise(flag: { episodeId: number; kind: FlagKind; windowStart: string; now: string; reason: string }): Promise<number | null> {
    const open = await this.openOfKind(flag.episodeId, flag.kind);
    if (open.length > 0) return null;
    const inserted = await this.db
      .insertInto('moderation_flags')
      .values({
        episode_id: flag.episodeId,
        kind: flag.kind,
        window_start: flag.windowStart,
        window_end: flag.now,
        raised_at: flag.now,
        checked_at: flag.now,
        reason: flag.reason,
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const winner = (await this.openOfKind(flag.episodeId, flag.kind))[0];
    if (winner !== inserted.id) {
      await this.db.deleteFrom('moderation_flags').where('id', '=', inserted.id).execute();
      return null;
    }
    return inserted.id;
  }

  private async openOfKind(episodeId: number, kind: FlagKind): Promise<number[]> {
    const rows = await this.db
      .selectFrom('moderation_flags')
      .select('id')
      .where('episode_id', '=', episodeId)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** A check still sees the flag's window: it now reaches `now`, and the reason says the latest figures. */
  async extend(id: number, now: string, reason: string): Promise<void> {
    await this.db.updateTable('moderation_flags').set({ window_end: now, checked_at: now, reason }).where('id', '=', id).where('status', '=', 'open').execute();
  }

  /** A check looked and no longer saw it: the flag stays open, its window stays as it was. */
  async markChecked(id: number, now: string): Promise<void> {
    await this.db.updateTable('moderation_flags').set({ checked_at: now }).where('id', '=', id).where('status', '=', 'open').execute();
  }

  async countOpen(): Promise<number> {
    const row = await this.db
      .selectFrom('moderation_flags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countAll(): Promise<number> {
    const row = await this.db
      .selectFrom('moderation_flags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One page of flags, open ones first, each group newest first. */
  async page(offset: number, limit: number): Promise<StoredFlag[]> {
    return this.rowsOf(
      this.db
        .selectFrom('moderation_flags')
        .selectAll()
        .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset),
    );
  }

  async find(id: number): Promise<StoredFlag | null> {
    return (await this.rowsOf(this.db.selectFrom('moderation_flags').selectAll().where('id', '=', id)))[0] ?? null;
  }

  /** Closes an open flag; false when it is not open (closed meanwhile, or never existed). */
  async close(id: number, status: Exclude<FlagStatus, 'open'>, closedBy: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('moderation_flags')
      .set({ status, closed_by: closedBy, closed_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private async rowsOf(query: { execute(): Promise<RawFlag[]> }): Promise<StoredFlag[]> {
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      episodeId: r.episode_id,
      kind: r.kind,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      raisedAt: r.raised_at,
      checkedAt: r.checked_at,
      reason: r.reason,
      status: r.status,
      closedBy: r.closed_by,
      closedAt: r.closed_at,
    }));
  }
}

/** A row of `moderation_flags` as selected. */
type RawFlag = Selectable<ModerationFlagsTable>;
