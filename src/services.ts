import { AccountsRepository } from './accounts/accounts.repository.js';
import { AdminCatalogService } from './admin/admin-catalog.service.js';
import { AdminListsRepository } from './admin/admin-lists.repository.js';
import { AdminListsService } from './admin/admin-lists.service.js';
import { AuditRepository } from './admin/audit.repository.js';
import { ModerationRepository } from './admin/moderation.repository.js';
import { ModerationService } from './admin/moderation.service.js';
import { VoteBlocks } from './votes/vote-blocks.js';
import { AccountThrottle } from './accounts/account-throttle.js';
import { AccountsService } from './accounts/accounts.service.js';
import { BestEpisodeRefresher } from './catalog/best-episode-refresher.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { ShowCount } from './catalog/show-count.js';
import { ShowFiguresRepository } from './catalog/show-figures.repository.js';
import { EpisodeDirectory } from './catalog/episode-directory.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { networkKey } from './http/ip-address.js';
import { RankingsService } from './ranking/rankings.service.js';
import { StandingsCache } from './ranking/standings-cache.js';
import { StandingsRepository } from './ranking/standings.repository.js';
import { RateLimiter } from './votes/rate-limiter.js';
import { TallyAudit } from './votes/tally-audit.js';
import { VotesRepository } from './votes/votes.repository.js';
import { VotesService } from './votes/votes.service.js';
import { PageCache } from './web/page-cache.js';
import { AnswerCache } from './api/answer-cache.js';

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
  // API answers are kept as long as pages and in the same amount of memory again.
  const apiAnswers = new AnswerCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: config.pageCacheMegabytes * 1024 * 1024 });
  const showFigures = new ShowFiguresRepository(database.db);
  const bestEpisodes = new BestEpisodeRefresher(showFigures, config.rankPriorVotes);
  // Stale by at most what a cached page may be: PAGE_CACHE_SECONDS bounds both for other instances' changes.
  const showStandings = new StandingsCache(standings, { ttlMs: config.pageCacheSeconds * 1000 });
  const showCount = new ShowCount(() => showFigures.countShows(), { ttlMs: config.pageCacheSeconds * 1000 });
  const rankings = new RankingsService(catalog, standings, config.rankPriorVotes, { repository: showFigures, bestEpisodes, showCount }, showStandings);
  const episodeDirectory = new EpisodeDirectory(catalog);
  const voteBlocks = new VoteBlocks(() => new ModerationRepository(database.db).listBlocks());
  const votes = new VotesService(
    votesRepository,
    episodeDirectory,
    rankings,
    // An address's votes count against its network: one IPv6 subscriber picks from a whole /64.
    { perVoter: new RateLimiter(config.voteLimitPerVoter), perIp: new RateLimiter(config.voteLimitPerIp, Date.now, networkKey) },
    (showId, episodeId) => {
      pageCache.invalidateShow(showId);
      apiAnswers.invalidateShow(showId);
      showStandings.tallyChanged(showId, episodeId);
      bestEpisodes.notify(showId);
    },
    config.voting,
    voteBlocks,
  );
  const accounts = new AccountsService(
    new AccountsRepository(database.db),
    votesRepository,
    new AccountThrottle(),
    config.passwordCostLog2,
    // A merge that replaced ratings changed tallies; it is rare (a sign-in), so drop everything.
    () => {
      pageCache.clear();
      apiAnswers.clear();
      showStandings.clear();
    },
  );
  const adminCatalog = new AdminCatalogService(
    database.db,
    (showId) => {
      pageCache.invalidateShow(showId);
      apiAnswers.invalidateShow(showId);
      showStandings.invalidateShow(showId);
      episodeDirectory.forget();
      showCount.forget();
      bestEpisodes.notify(showId);
    },
    () => {
      pageCache.clear();
      apiAnswers.clear();
      showStandings.clear();
      episodeDirectory.forget();
      showCount.forget();
    },
  );
  return {
    database,
    catalog,
    adminCatalog,
    adminLists: new AdminListsService(new AdminListsRepository(database.db), catalog),
    audit: new AuditRepository(database.db),
    moderation: new ModerationService(database.db, catalog, voteBlocks, () => {
      pageCache.clear();
      apiAnswers.clear();
      showStandings.clear();
    }),
    rankings,
    bestEpisodes,
    votes,
    accounts,
    pageCache,
    apiAnswers,
    showStandings,
    episodeDirectory,
    tallyAudit: new TallyAudit(votesRepository, catalog),
  };
}

export type Services = ReturnType<typeof createServices>;
