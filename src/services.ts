import { AccountsRepository } from './accounts/accounts.repository.js';
import { AdminCatalogService } from './admin/admin-catalog.service.js';
import { AuditRepository } from './admin/audit.repository.js';
import { ModerationRepository } from './admin/moderation.repository.js';
import { ModerationService } from './admin/moderation.service.js';
import { VoteBlocks } from './votes/vote-blocks.js';
import { AccountsService } from './accounts/accounts.service.js';
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

type ServiceSettings = Pick<
  Config,
  'rankPriorVotes' | 'voteLimitPerVoter' | 'voteLimitPerIp' | 'pageCacheSeconds' | 'voting' | 'passwordCostLog2'
>;

// Sign-in attempts: enough for typos, too few to guess passwords.
const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

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
  const voteBlocks = new VoteBlocks(() => new ModerationRepository(database.db).listBlocks());
  const votes = new VotesService(
    votesRepository,
    episodeDirectory,
    rankings,
    { perVoter: new RateLimiter(config.voteLimitPerVoter), perIp: new RateLimiter(config.voteLimitPerIp) },
    (showId) => pageCache.invalidateShow(showId),
    config.voting,
    voteBlocks,
  );
  const accounts = new AccountsService(
    new AccountsRepository(database.db),
    votesRepository,
    { perIp: new RateLimiter(SIGN_IN_ATTEMPTS_PER_MINUTE), perEmail: new RateLimiter(SIGN_IN_ATTEMPTS_PER_MINUTE) },
    config.passwordCostLog2,
  );
  const adminCatalog = new AdminCatalogService(
    database.db,
    (showId) => {
      pageCache.invalidateShow(showId);
      episodeDirectory.forget();
    },
    () => {
      pageCache.clear();
      episodeDirectory.forget();
    },
  );
  return {
    database,
    catalog,
    adminCatalog,
    audit: new AuditRepository(database.db),
    moderation: new ModerationService(database.db, catalog, voteBlocks, () => pageCache.clear()),
    rankings,
    votes,
    accounts,
    pageCache,
    episodeDirectory,
    tallyAudit: new TallyAudit(votesRepository, catalog),
  };
}

export type Services = ReturnType<typeof createServices>;
