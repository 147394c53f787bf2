import { CatalogRepository } from './catalog/catalog.repository.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { RankingsService } from './ranking/rankings.service.js';
import { StandingsRepository } from './ranking/standings.repository.js';

/**
 * The composition root: every repository gets the database handle, every service gets its
 * repositories and settings. Routes reach services only through this object.
 */
export function createServices(database: DatabaseHandle, config: Pick<Config, 'rankPriorVotes'>) {
  const catalog = new CatalogRepository(database.db);
  const standings = new StandingsRepository(database.db);
  return {
    database,
    rankings: new RankingsService(catalog, standings, config.rankPriorVotes),
  };
}

export type Services = ReturnType<typeof createServices>;
