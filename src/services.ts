import { CatalogRepository } from './catalog/catalog.repository.js';
import { EpisodeDirectory } from './catalog/episode-directory.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { RankingsService } from './ranking/rankings.service.js';
import { StandingsRepository } from './ranking/standings.repository.js';
import { RateLimiter } from './votes/rate-limiter.js';
import { TallyAudit } from './votes/tally-audit.js';
import { VotesRepository } from './votes/votes.repository.js';
import { VotesService } from './votes/votes.service.js';
import { PageCache } from './web/page-cache.js';

type ServiceSettings = Pick<Config, 'rankPriorVotes' | 'voteLimitPerVoter' | 'voteLimitPerIp' | 'pageCacheSeconds'>;

/**
 * The composition root: every repository gets the database handle, every service gets its
 * repositories and settings. Routes reach services only through this object.
 */
export function createServices(database: DatabaseHandle, config: ServiceSettings) {
  const catalog = new CatalogRepository(database.db);
  const standings = new StandingsRepository(database.db);
  const votesRepository = new VotesRepository(database.db, database.dialect);
  const pageCache = new PageCache(config.pageCacheSeconds * 1000);
  const rankings = new RankingsService(catalog, standings, config.rankPriorVotes);
  const episodeDirectory = new EpisodeDirectory(catalog);
  const votes = new VotesService(
    votesRepository,
    episodeDirectory,
    rankings,
    { perVoter: new RateLimiter(config.voteLimitPerVoter), perIp: new RateLimiter(config.voteLimitPerIp) },
    (showId) => pageCache.invalidateShow(showId),
  );
  return {
    database,
    rankings,
    votes,
    pageCache,
    episodeDirectory,
    tallyAudit: new TallyAudit(votesRepository, catalog),
  };
}

export type Services = ReturnType<typeof createServices>;
