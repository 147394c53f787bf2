/**
 * SQL for the catalogue editor's lists: one page of shows, a show's seasons with their sizes, one
 * page of a season's episodes, and one episode to edit. Each reads a page, never the catalogue or
 * a whole show, so the editor costs the same at 10 shows or 10,000.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { countShows } from '../catalog/catalog.repository.js';

export interface ShowListing {
  id: number;
  slug: string;
  title: string;
}

export interface SeasonListing {
  id: number;
  number: number;
  episodeCount: number;
}

export interface EpisodeListing {
  id: number;
  number: number;
  title: string | null;
}

export class AdminListsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Shows in title order (id breaks ties, so the order is total and pages never overlap). */
  async showsPage(limit: number, offset: number): Promise<ShowListing[]> {
    return this.db.selectFrom('shows').select(['id', 'slug', 'title']).orderBy('title').orderBy('id').limit(limit).offset(offset).execute();
  }

  async countShows(): Promise<number> {
    return countShows(this.db);
  }

  /** A show's seasons in number order, each with how many episodes it has. */
  async seasonsOf(showId: number): Promise<SeasonListing[]> {
    const rows = await this.db
      .selectFrom('seasons as s')
      .leftJoin('episodes as e', 'e.season_id', 's.id')
      .select(['s.id', 's.number', (eb) => eb.fn.count<number>('e.id').as('episodes')])
      .where('s.show_id', '=', showId)
      .groupBy(['s.id', 's.number'])
      .orderBy('s.number')
      .execute();
    return rows.map((r) => ({ id: r.id, number: r.number, episodeCount: Number(r.episodes) }));
  }

  /** One page of a season's episodes in number order: what the editor links to. */
  async episodesPage(seasonId: number, limit: number, offset: number): Promise<EpisodeListing[]> {
    return this.db
      .selectFrom('episodes')
      .select(['id', 'number', 'title'])
      .where('season_id', '=', seasonId)
      .orderBy('number')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** One episode's own fields, found by its season and number. */
  async episode(
    seasonId: number,
    number: number,
  ): Promise<{ id: number; number: number; title: string | null; airDate: string | null; synopsis: string | null } | null> {
    const row = await this.db
      .selectFrom('episodes')
      .select(['id', 'number', 'title', 'air_date', 'synopsis'])
      .where('season_id', '=', seasonId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row ? { id: row.id, number: row.number, title: row.title, airDate: row.air_date, synopsis: row.synopsis } : null;
  }
}
