/**
 * The catalogue's public pages for sitemaps, read a bounded page at a time: shows, seasons and
 * episodes by id range and after a key (keyset paging through the primary keys), each with the
 * last time its page changed.
 */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** One page in a sitemap: which kind, the numbers of its address, and when it last changed. */
export type SitemapPage =
  | { kind: 'show'; id: number; show: string; lastmod: string }
  | { kind: 'season'; id: number; show: string; season: number; lastmod: string }
  | { kind: 'episode'; id: number; show: string; season: number; episode: number; lastmod: string };

/** Ids from `from` to `to` inclusive, only those above `after`. */
export interface IdWindow {
  from: number;
  to: number;
  after: number;
  limit: number;
}

/** The rows of one window, keyset-paged along the primary key `id` (`sh.id`, `s.id` or `e.id`). */
function inWindow<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, id: string, window: IdWindow): SelectQueryBuilder<DB, TB, O> {
  const key = sql.ref<number>(id);
  return query.where(key, '>=', window.from).where(key, '<=', window.to).where(key, '>', window.after).orderBy(key).limit(window.limit);
}

/** The latest of the timestamps given (ISO 8601 strings compare in time order). */
function latest(...stamps: Array<string | null | undefined>): string {
  return (
    stamps
      .filter((s): s is string => typeof s === 'string')
      .sort()
      .at(-1) ?? ''
  );
}

export class SitemapRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The highest id of each kind of page (0 when there is none): three primary-key lookups. */
  async highestIds(): Promise<{ show: number; season: number; episode: number }> {
    const [show, season, episode] = await Promise.all(
      (['shows', 'seasons', 'episodes'] as const).map((table) =>
        this.db
          .selectFrom(table)
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst(),
      ),
    );
    return { show: Number(show?.id ?? 0), season: Number(season?.id ?? 0), episode: Number(episode?.id ?? 0) };
  }

  /**
   * A show's page changes with its details and with every vote on it (its rankings); its seasons'
   * and episodes' pages show ranks within the show, so they change with the show's votes too.
   */
  async shows(window: IdWindow): Promise<SitemapPage[]> {
    const rows = await this.db
      .selectFrom('shows as sh')
      .leftJoin('show_figures as f', 'f.show_id', 'sh.id')
      .select(['sh.id', 'sh.slug', 'sh.updated_at', 'f.last_vote_at'])
      .$call((query) => inWindow(query, 'sh.id', window))
      .execute();
    return rows.map((r) => ({ kind: 'show', id: r.id, show: r.slug, lastmod: latest(r.updated_at, r.last_vote_at) }));
  }

  async seasons(window: IdWindow): Promise<SitemapPage[]> {
    const rows = await this.db
      .selectFrom('seasons as s')
      .innerJoin('shows as sh', 'sh.id', 's.show_id')
      .leftJoin('show_figures as f', 'f.show_id', 'sh.id')
      .select(['s.id', 's.number', 's.created_at', 'sh.slug', 'sh.updated_at', 'f.last_vote_at'])
      .$call((query) => inWindow(query, 's.id', window))
      .execute();
    return rows.map((r) => ({ kind: 'season', id: r.id, show: r.slug, season: r.number, lastmod: latest(r.created_at, r.updated_at, r.last_vote_at) }));
  }

  async episodes(window: IdWindow): Promise<SitemapPage[]> {
    const rows = await this.db
      .selectFrom('episodes as e')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .innerJoin('shows as sh', 'sh.id', 's.show_id')
      .leftJoin('show_figures as f', 'f.show_id', 'sh.id')
      .select(['e.id', 'e.number', 'e.updated_at as episode_updated_at', 's.number as season_number', 'sh.slug', 'sh.updated_at', 'f.last_vote_at'])
      .$call((query) => inWindow(query, 'e.id', window))
      .execute();
    return rows.map((r) => ({
      kind: 'episode',
      id: r.id,
      show: r.slug,
      season: r.season_number,
      episode: r.number,
      lastmod: latest(r.episode_updated_at, r.updated_at, r.last_vote_at),
    }));
  }
}
