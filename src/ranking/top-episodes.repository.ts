/**
 * SQL for `top_episodes` (migration 0011): what the refresher reads to compute one show's rows and
 * writes back, and the indexed pages `/top` reads. Every read is bounded by one show's episodes or
 * by one page, never by the catalogue.
 */
import { sql, type Kysely } from 'kysely';
import { HISTOGRAM_COLUMNS, type Database } from '../db/schema.js';
import { assertTransaction } from '../db/transact.js';
import { EPISODE_PLACE, episodesInPlace, episodesOfShow } from '../catalog/episode-place.js';
import type { TopList, TopRowValues, TopWritePlan } from './top-episodes.js';
import { foldedEquals } from './filter-choices.js';

/**
 * Rows written per statement and transaction. A slice of rescored rows dirties a few hundred index
 * pages, a commit of a few milliseconds on SQLite, where a commit blocks the event loop.
 */
export const TOP_WRITE_SLICE = 50;

/** The columns a whole-row write sets when the row is already there. */
const WHOLE_ROW_COLUMNS = [
  'show_id',
  'network',
  'air_year',
  'vote_count',
  'vote_sum',
  'show_vote_count',
  'show_vote_sum',
  'score',
  'average',
  'divisiveness',
  'computed_changes',
] as const;

/** A rated episode of one show, with what the lists need beside its tally. */
export interface TopCandidate {
  id: number;
  count: number;
  sum: number;
  /** Ratings cast here, by value (index 0 holds the 1s). */
  histogram: number[];
  airDate: string | null;
}

/** One show's input to the refresher, read after `changes` tally changes. */
export interface TopInput {
  changes: number;
  network: string | null;
  showCount: number;
  showSum: number;
  candidates: TopCandidate[];
}

export interface TopFilters {
  year?: number;
  /** In any case (migration 0023). */
  network?: string;
}

/** One stored entry with the names and numbers its page shows. */
export interface TopRow {
  episodeId: number;
  showSlug: string;
  showTitle: string;
  network: string | null;
  seasonNumber: number;
  episodeNumber: number;
  episodeTitle: string | null;
  airDate: string | null;
  count: number;
  sum: number;
  showCount: number;
  showSum: number;
  divisiveness: number | null;
}

/** Where the time of the last complete refresh is kept, shared by every instance. */
const REFRESHED_AT_KEY = 'top_episodes.refreshed_at';
/** The TOP_MIN_VOTES the stored rows were computed under. */
const MIN_VOTES_KEY = 'top_episodes.min_votes';

export class TopEpisodesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The show's totals and its episodes with at least `minVotes` votes; null when the show is gone. */
  async input(showId: number, minVotes: number): Promise<TopInput | null> {
    const figures = await this.db
      .selectFrom('show_figures as f')
      .innerJoin('shows as sh', 'sh.id', 'f.show_id')
      .select(['f.tally_changes', 'f.vote_count', 'f.vote_sum', 'sh.network'])
      .where('f.show_id', '=', showId)
      .executeTakeFirst();
    if (!figures) return null;
    const rows = await episodesOfShow(this.db, showId)
      .innerJoin('episode_tallies as t', 't.episode_id', 'e.id')
      .select(['e.id', 'e.air_date', 't.vote_count', 't.vote_sum', 't.baseline_count', 't.baseline_sum', ...HISTOGRAM_COLUMNS.map((c) => `t.${c}` as const)])
      .where((eb) => eb(eb('t.vote_count', '+', eb.ref('t.baseline_count')), '>=', minVotes))
      .execute();
    return {
      changes: Number(figures.tally_changes),
      network: figures.network,
      showCount: Number(figures.vote_count),
      showSum: Number(figures.vote_sum),
      candidates: rows.map((r) => ({
        id: r.id,
        count: Number(r.vote_count) + Number(r.baseline_count),
        sum: Number(r.vote_sum) + Number(r.baseline_sum),
        histogram: HISTOGRAM_COLUMNS.map((c) => Number(r[c])),
        airDate: r.air_date,
      })),
    };
  }

  /** The show's stored rows, read along the show's index. */
  async storedRows(showId: number): Promise<TopRowValues[]> {
    const rows = await this.db.selectFrom('top_episodes').selectAll().where('show_id', '=', showId).execute();
    return rows.map(({ computed_changes: _, ...row }) => ({
      ...row,
      vote_count: Number(row.vote_count),
      vote_sum: Number(row.vote_sum),
      show_vote_count: Number(row.show_vote_count),
      show_vote_sum: Number(row.show_vote_sum),
    }));
  }

  /**
   * Writes a plan computed at `changes` a slice at a time, each slice its own short transaction
   * (see migration 0014 for why), then records `changes` as the show's, unless a later computation
   * already did; says whether it did. Every write leaves a row alone that a later computation wrote,
   * so interleaved refreshes of one show end with the newest one's rows.
   */
  async writeShow(showId: number, plan: TopWritePlan, changes: number, betweenSlices: () => Promise<void>): Promise<boolean> {
    for (let i = 0; i < plan.removed.length; i += TOP_WRITE_SLICE) {
      const ids = plan.removed.slice(i, i + TOP_WRITE_SLICE);
      await this.db.deleteFrom('top_episodes').where('episode_id', 'in', ids).where('computed_changes', '<=', changes).execute();
      await betweenSlices();
    }
    for (let i = 0; i < plan.whole.length; i += TOP_WRITE_SLICE) {
      const rows = plan.whole.slice(i, i + TOP_WRITE_SLICE).map((row) => ({ ...row, computed_changes: changes }));
      await this.db
        .insertInto('top_episodes')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('episode_id')
            .doUpdateSet((eb) => Object.fromEntries(WHOLE_ROW_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])))
            .where('top_episodes.computed_changes', '<=', changes),
        )
        .execute();
      await betweenSlices();
    }
    for (let i = 0; i < plan.rescored.length; i += TOP_WRITE_SLICE) {
      const rows = plan.rescored.slice(i, i + TOP_WRITE_SLICE);
      // One statement for the slice: a VALUES list joined on the episode (UPDATE … FROM, both databases).
      const values = sql.join(
        rows.map(
          (row) =>
            sql`(cast(${row.episode_id} as integer), cast(${row.score} as double precision), cast(${row.show_vote_count} as bigint), cast(${row.show_vote_sum} as bigint))`,
        ),
      );
      await sql`update top_episodes
        set score = v.column2, show_vote_count = v.column3, show_vote_sum = v.column4, computed_changes = ${changes}
        from (values ${values}) as v
        where top_episodes.episode_id = v.column1 and top_episodes.computed_changes <= ${changes}`.execute(this.db);
      await betweenSlices();
    }
    const claimed = await this.db
      .updateTable('show_figures')
      .set({ top_changes: changes })
      .where('show_id', '=', showId)
      .where((eb) => eb.or([eb('top_changes', 'is', null), eb('top_changes', '<=', changes)]))
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) > 0;
  }

  /** Up to `limit` shows after `afterShowId` whose rows are behind their tallies, in id order. */
  async staleShows(afterShowId: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('show_figures')
      .select('show_id')
      .where('show_id', '>', afterShowId)
      .where((eb) => eb.or([eb('top_changes', 'is', null), eb('top_changes', '<>', eb.ref('tally_changes'))]))
      .orderBy('show_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.show_id);
  }

  /** The TOP_MIN_VOTES the stored rows were computed under, as stored (null before the first refresh). */
  minVotes(): Promise<string | null> {
    return this.setting(MIN_VOTES_KEY);
  }

  /**
   * Marks every show's rows as behind and records `minVotes` as the minimum they are computed
   * under, so the next refresh recomputes them all. Both or neither: the refresher runs it in a
   * transaction when the minimum changed.
   */
  async recomputeUnder(minVotes: number): Promise<void> {
    assertTransaction(this.db);
    await this.db.updateTable('show_figures').set({ top_changes: null }).execute();
    await this.db
      .insertInto('app_settings')
      .values({ key: MIN_VOTES_KEY, value: String(minVotes) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(minVotes) }))
      .execute();
  }

  /** When every show's rows were last found current (ISO-8601), or null before the first time. */
  refreshedAt(): Promise<string | null> {
    return this.setting(REFRESHED_AT_KEY);
  }

  async recordRefreshedAt(at: string): Promise<void> {
    await this.db
      .insertInto('app_settings')
      .values({ key: REFRESHED_AT_KEY, value: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: at }))
      .execute();
  }

  /** One page of a list, `limit` rows from `offset`, read along the list's index. */
  async page(list: TopList, filters: TopFilters, offset: number, limit: number): Promise<TopRow[]> {
    let query = episodesInPlace(this.db)
      .innerJoin('top_episodes as t', 't.episode_id', 'e.id')
      .select(['t.episode_id', ...EPISODE_PLACE, 't.network', 'e.title as episode_title', 'e.air_date'])
      .select(['t.vote_count', 't.vote_sum', 't.show_vote_count', 't.show_vote_sum', 't.divisiveness']);
    if (filters.year !== undefined) query = query.where('t.air_year', '=', filters.year);
    const { network } = filters;
    if (network !== undefined) query = query.where((eb) => foldedEquals(eb, 't.network', network));
    // Each order is one of the migration's indexes, after the filter's column.
    if (list === 'best') query = query.orderBy('t.score', 'desc').orderBy('t.vote_count', 'desc').orderBy('t.average', 'desc');
    else if (list === 'votes') query = query.orderBy('t.vote_count', 'desc').orderBy('t.average', 'desc');
    else query = query.where('t.divisiveness', 'is not', null).orderBy('t.divisiveness', 'desc').orderBy('t.vote_count', 'desc');
    const rows = await query.orderBy('t.episode_id').limit(limit).offset(offset).execute();
    return rows.map((r) => ({
      episodeId: r.episode_id,
      showSlug: r.show_slug,
      showTitle: r.show_title,
      network: r.network,
      seasonNumber: r.season_number,
      episodeNumber: r.episode_number,
      episodeTitle: r.episode_title,
      airDate: r.air_date,
      count: Number(r.vote_count),
      sum: Number(r.vote_sum),
      showCount: Number(r.show_vote_count),
      showSum: Number(r.show_vote_sum),
      divisiveness: r.divisiveness === null ? null : Number(r.divisiveness),
    }));
  }

  private async setting(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }
}
