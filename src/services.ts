import { AccountsRepository } from './accounts/accounts.repository.js';
import { AdminCatalogService } from './admin/admin-catalog.service.js';
import { AuditRepository } from './admin/audit.repository.js';
import { ModerationRepository } from './admin/moderation.repository.js';
import { ModerationService } from './admin/moderation.service.js';
import { VoteBlocks } from './votes/vote-blocks.js';
import { AccountThrottle } from './accounts/account-throttle.js';
import { AccountsService } from './accounts/accounts.service.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { EpisodeDirectory } from './catalog/episode-directory.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { networkKey } from './http/ip-address.js';
import { RankingsService } from './ranking/rankings.service.js';
import { StandingsRepository } from './ranking/standings.repository.js';
import { RateLimiter } from './votes/rate-limiter.js';
import { TallyAudit } from './votes/tally-audit.js';
import { VotesRepository } from './votes/votes.repository.js';
import { VotesService } from './votes/votes.service.js';
import { PageCache } from './web/page-cache.js';

type ServiceSettings = Pick<
  Config,
  'rankPriorVotes' | 'voteLimitPerVoter' | 'voteLimitPerIp' | 'pageCacheSeconds' | 'pageCacheMegabytes' | 'voting' | 'passwordCostLog2'
>;

/**
 * The composition root: every repository gets the database handle, every service gets its
 * repositories and settings. Routes reach services only through this object.
 */
export function createServices(database: DatabaseHandle, config: ServiceSettings) {
  const catalog = new CatalogRepository(database.db);
  const standings = new StandingsRepository(database.db);
  const votesRepository = new VotesRepository(database.db, database.dialect);
  const pageCache = new PageCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: config.pageCacheMegabytes * 1024 * 1024 });
  const rankings = new RankingsService(catalog, standings, config.rankPriorVotes);
  const episodeDirectory = new EpisodeDirectory(catalog);
  const voteBlocks = new VoteBlocks(() => new ModerationRepository(database.db).listBlocks());
  const votes = new VotesService(
    votesRepository,
    episodeDirectory,
    rankings,
    // An address's votes count against its network: one IPv6 subscriber picks from a whole /64.
    { perVoter: new RateLimiter(config.voteLimitPerVoter), perIp: new RateLimiter(config.voteLimitPerIp, Date.now, networkKey) },
    (showId) => pageCache.invalidateShow(showId),
    config.voting,
    voteBlocks,
  );
  const accounts = new AccountsService(
    new AccountsRepository(database.db),
    votesRepository,
    new AccountThrottle(),
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
