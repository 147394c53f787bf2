/**
 * SQL that finds the episodes a ratings file names by show and numbers rather than by id (ids go
 * through catalog/external-ids.repository.ts). Every read is an index read for a batch of the
 * file's rows: shows by slug or title (the unique slug index and shows_title_index), then the
 * episodes of the seasons the file mentions. Nothing reads the catalogue row by row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EpisodeByExternalId } from '../../catalog/external-ids.repository.js';
import { slugify } from '../tvmaze.js';

/** Values per IN list, and (show, season) pairs per query: far below either database's parameter limit. */
const BATCH = 300;
const SEASON_BATCH = 100;

export interface CatalogShow {
  id: number;
  slug: string;
  title: string;
}

/** An episode found by its show and numbers: the same fields as one found by an external id. */
export type NumberedEpisode = EpisodeByExternalId;

export class RatingsMatchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Shows that may carry one of these titles: those whose slug is the title's slug (as the TVmaze
   * importer and most editors make it) or whose title is written exactly so. The caller compares
   * the titles themselves, without case or accents.
   */
  async showsNamed(titles: readonly string[]): Promise<CatalogShow[]> {
    const found = new Map<number, CatalogShow>();
    const slugs = [...new Set(titles.map(slugify).filter((slug) => slug !== ''))];
    const exact = [...new Set(titles)];
    for (const [column, values] of [
      ['slug', slugs],
      ['title', exact],
    ] as const) {
      for (let i = 0; i < values.length; i += BATCH) {
        const rows = await this.db
          .selectFrom('shows')
          .select(['id', 'slug', 'title'])
          .where(column, 'in', values.slice(i, i + BATCH))
          .execute();
        for (const row of rows) found.set(row.id, row);
      }
    }
    return [...found.values()];
  }

  /** Every episode of these seasons (each a show id and a season number), read through the seasons' unique index. */
  async episodesOfSeasons(seasons: ReadonlyArray<{ showId: number; season: number }>): Promise<NumberedEpisode[]> {
    const episodes: NumberedEpisode[] = [];
    for (let i = 0; i < seasons.length; i += SEASON_BATCH) {
      const batch = seasons.slice(i, i + SEASON_BATCH);
      const rows = await this.db
        .selectFrom('seasons as se')
        .innerJoin('episodes as e', 'e.season_id', 'se.id')
        .innerJoin('shows as s', 's.id', 'se.show_id')
        .select(['e.id', 'e.number', 'e.title', 'se.number as season_number', 's.id as show_id', 's.slug', 's.title as show_title'])
        .where((eb) => eb.or(batch.map((k) => eb.and([eb('se.show_id', '=', k.showId), eb('se.number', '=', k.season)]))))
        .execute();
      for (const r of rows) {
        episodes.push({
          episodeId: r.id,
          showId: r.show_id,
          showSlug: r.slug,
          showTitle: r.show_title,
          seasonNumber: r.season_number,
          episodeNumber: r.number,
          title: r.title,
        });
      }
    }
    return episodes;
  }
}
