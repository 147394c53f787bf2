import type { Kysely } from 'kysely';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import type { Database } from '../db/schema.js';
import { TalliesRepository } from '../votes/tallies.repository.js';
import type { CatalogFile } from './catalog-format.js';

export interface ImportSummary {
  shows: number;
  seasons: number;
  episodes: number;
}

/**
 * Writes a validated catalogue file in one transaction: every record lands, or none does.
 * (Today it creates; matching existing records for re-imports comes with the import command.)
 */
export async function importCatalog(db: Kysely<Database>, file: CatalogFile, clock?: () => Date): Promise<ImportSummary> {
  return db.transaction().execute(async (trx) => {
    const catalog = new CatalogRepository(trx, clock);
    const tallies = new TalliesRepository(trx);
    const summary: ImportSummary = { shows: 0, seasons: 0, episodes: 0 };
    for (const show of file.shows) {
      const showId = await catalog.insertShow(show);
      summary.shows++;
      for (const season of show.seasons) {
        const seasonId = await catalog.insertSeason(showId, season.number);
        summary.seasons++;
        for (const episode of season.episodes) {
          const episodeId = await catalog.insertEpisode({ seasonId, ...episode });
          if (episode.baseline) await tallies.setBaseline(episodeId, episode.baseline);
          summary.episodes++;
        }
      }
    }
    return summary;
  });
}
