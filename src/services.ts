/**
 * The composition root: every repository gets the database handle, every service its
 * repositories and settings.
 */
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AdminCatalogService } from './admin/admin-catalog.service.js';
import { AdminListsRepository } from './admin/admin-lists.repository.js';
import { AdminListsService } from './admin/admin-lists.service.js';
import { AuditRepository } from './admin/audit.repository.js';
import { ModerationRepository } from './admin/moderation.repository.js';
import { ModerationService } from './admin/moderation.service.js';
import { BulkModerationService } from './admin/bulk-moderation.service.js';
import { FlagsRepository } from './admin/flags.repository.js';
import { StuffingDetector } from './admin/stuffing-detector.js';
import { VoteBlocks } from './votes/vote-blocks.js';
import { AccountThrottle } from './accounts/account-throttle.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AccountDeletion } from './accounts/account-deletion.js';
import { Pacer } from './importers/pacer.js';
import { MyRatingsRepository } from './votes/my-ratings.repository.js';
import { MyRatingsService } from './votes/my-ratings.service.js';
import { BestEpisodeRefresher } from './ranking/best-episode-refresher.js';
import { TopEpisodesRefresher } from './ranking/top-episodes.refresher.js';
import { TopEpisodesRepository } from './ranking/top-episodes.repository.js';
import { TopEpisodesService } from './ranking/top-episodes.service.js';
import { ShowBrowser, ShowBrowseRepository } from './ranking/show-browse.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { ShowCount } from './catalog/show-count.js';
import { SitemapRepository } from './catalog/sitemap.repository.js';
import { SitemapService } from './catalog/sitemap.service.js';
import { SearchRepository } from './catalog/search.repository.js';
import { SearchService } from './catalog/search.service.js';
import { ShowFiguresRepository } from './ranking/show-figures.repository.js';
import { EpisodeDirectory } from './catalog/episode-directory.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { networkLimit } from './shared/network-limit.js';
import { RankingsService } from './ranking/rankings.service.js';
import { StandingsCache } from './ranking/standings-cache.js';
import { StandingsRepository } from './ranking/standings.repository.js';
import { localLimits } from './shared/rate-limiter.js';
import { CacheBus, dropCaches } from './cluster/cache-bus.js';
import { clusterStatus, type Cluster } from './cluster/cluster.js';
import { TallyAudit } from './votes/tally-audit.js';
import { TallyRecountRepository } from './votes/tally-recount.repository.js';
import { VotesRepository } from './votes/votes.repository.js';
import { VotesService } from './votes/votes.service.js';
import { ExternalIdsRepository } from './catalog/external-ids.repository.js';
import { ExternalIdsService } from './catalog/external-ids.service.js';
import { RatingBatchRepository } from './importers/ratings/rating-batch.repository.js';
import { RatingsMatchRepository } from './importers/ratings/ratings-match.repository.js';
import { RatingsImportService } from './importers/ratings/ratings-import.service.js';
import { matchLookups } from './importers/ratings/match.js';
import { PREVIEWS_PER_MINUTE_PER_NETWORK } from './importers/ratings/limits.js';
import { NetworkAllowance } from './votes/network-allowance.js';
import { ResponseCache } from './http/response-cache.js';
import { SnapshotsRepository } from './ranking/snapshots/snapshots.repository.js';
import { SnapshotsService } from './ranking/snapshots/snapshots.service.js';
import { SnapshotScheduler } from './ranking/snapshots/snapshot-scheduler.js';

type ServiceSettings = Pick<
  Config,
  | 'rankPriorVotes'
  | 'topMinVotes'
  | 'voteLimitPerVoter'
  | 'voteLimitPerIp'
  | 'pageCacheSeconds'
  | 'pageCacheMegabytes'
  | 'voting'
  | 'passwordCostLog2'
  | 'votesPerNetwork'
  | 'votesPerNetworkAllow'
  | 'widerNetworks'
  | 'moderationCheckSeconds'
  | 'moderationWebhookUrl'
  | 'publicUrl'
  | 'publicFlaggedScores'
  | 'snapshotCheckSeconds'
  | 'snapshotRetentionDays'
>;

/**
 * The composition root: every repository gets the database handle, every service gets its
 * repositories and settings. Routes reach services only through this object, which holds no
 * repository and not the database handle.
 */
export function createServices(database: DatabaseHandle, config: ServiceSettings, cluster: Cluster | null = null) {
  const catalog = new CatalogRepository(database.db);
  const standings = new StandingsRepository(database.db);
  const votesRepository = new VotesRepository(database.db, database.dialect);
  const pageCache = new ResponseCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: config.pageCacheMegabytes * 1024 * 1024 });
  // API answers are kept as long as pages and in the same amount of memory again.
  const apiAnswers = new ResponseCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: config.pageCacheMegabytes * 1024 * 1024 });
  const showFigures = new ShowFiguresRepository(database.db);
  const bestEpisodes = new BestEpisodeRefresher(showFigures, config.rankPriorVotes);
  const topSettings = { priorVotes: config.rankPriorVotes, minVotes: config.topMinVotes };
  const topRepository = new TopEpisodesRepository(database.db);
  // Started and stopped with the app (app.ts), like the stuffing check.
  const topRefresher = new TopEpisodesRefresher(topRepository, topSettings);
  // Stale by at most what a cached page may be: PAGE_CACHE_SECONDS bounds both for other instances' changes.
  const showStandings = new StandingsCache(standings, { ttlMs: config.pageCacheSeconds * 1000 });
  const showCount = new ShowCount(() => showFigures.countShows(), { ttlMs: config.pageCacheSeconds * 1000 });
  const rankings = new RankingsService(catalog, config.rankPriorVotes, { repository: showFigures, bestEpisodes, showCount }, showStandings);
  const episodeDirectory = new EpisodeDirectory(catalog);
  // Rank history reads a past day's tallies through the same rankings code: one RankingsService
  // per request over that day's standings, of which it only ever calls `get`.
  const snapshots = new SnapshotsService(
    new SnapshotsRepository(database.db),
    {
      standings,
      live: showStandings,
      catalog,
      rankingsFor: (priorVotes, standingsOf) =>
        new RankingsService(catalog, priorVotes, { repository: showFigures, bestEpisodes, showCount }, { get: standingsOf } as unknown as StandingsCache),
    },
    { priorVotes: config.rankPriorVotes, retentionDays: config.snapshotRetentionDays },
  );
  const voteBlocks = new VoteBlocks(() => new ModerationRepository(database.db).listBlocks());
  // Every cache drop goes through the bus: applied here at once and, with REDIS_URL, on every other instance.
  const search = new SearchService(new SearchRepository(database.db), { ttlMs: config.pageCacheSeconds * 1000 });
  const caches = { pages: pageCache, apiAnswers, standings: showStandings, episodeDirectory, showCount, search, blocks: voteBlocks };
  const cacheBus = new CacheBus(dropCaches(caches), cluster?.redis ?? null);
  voteBlocks.onChange(() => cacheBus.publish({ kind: 'blocks' }));
  // Counted in Redis when instances share one, so each limit holds across all of them.
  const limits = cluster?.limits.factory ?? localLimits();
  const votes = new VotesService(
    votesRepository,
    episodeDirectory,
    rankings,
    // An address's votes count against its networks: its /64 (or IPv4 address) and the wider ones around it.
    { perVoter: limits('vote-voter', config.voteLimitPerVoter), perIp: networkLimit(limits, 'vote-network', config.voteLimitPerIp, config.widerNetworks) },
    (showId, episodeId) => {
      cacheBus.publish({ kind: 'show', showId, episodeId });
      // Only the instance that took the vote refreshes the stored best episode.
      bestEpisodes.notify(showId);
      topRefresher.notify(showId);
    },
    config.voting,
    voteBlocks,
    undefined,
    {
      allowance: new NetworkAllowance(config.votesPerNetwork, config.votesPerNetworkAllow, config.widerNetworks),
      // A held rating leaves the tally alone, but the episode page counts held ratings.
      // Sent like a vote's change (every instance drops the show's pages), at the cost of re-reading
      // one episode's standing, which a held rating leaves as it was.
      onHeldChanged: (showId, episodeId) => cacheBus.publish({ kind: 'show', showId, episodeId }),
    },
  );
  const accounts = new AccountsService(
    new AccountsRepository(database.db),
    votesRepository,
    new AccountThrottle(limits, config.widerNetworks),
    config.passwordCostLog2,
    // A merge that replaced ratings changed tallies; it is rare (a sign-in), so drop everything.
    () => cacheBus.publish({ kind: 'all' }),
  );
  // A fan's own ratings removed (all of them, or with the account) are a moderator's removal in
  // miniature: drop every cache, as a removal does, and refresh the touched shows' stored figures.
  const accountDeletion = new AccountDeletion(
    database.db,
    (trx, note) => new AuditRepository(trx).record(note),
    (showIds) => {
      cacheBus.publish({ kind: 'all' });
      for (const showId of showIds) {
        bestEpisodes.notify(showId);
        topRefresher.notify(showId);
      }
    },
    () => new Pacer(),
  );
  const adminCatalog = new AdminCatalogService(
    database.db,
    (showId) => {
      cacheBus.publish({ kind: 'show', showId });
      bestEpisodes.notify(showId);
      topRefresher.notify(showId);
    },
    () => cacheBus.publish({ kind: 'all' }),
  );
  const moderation = new ModerationService(database.db, catalog, voteBlocks, () => cacheBus.publish({ kind: 'all' }));
  // Routes receive this object (app.services): services and caches only, never a repository or
  // the database handle (docs/decisions/0009-folder-layout.md). app.ts keeps the handle itself.
  return {
    adminCatalog,
    adminLists: new AdminListsService(new AdminListsRepository(database.db), catalog, new AuditRepository(database.db)),
    moderation,
    // A bulk action may touch a whole show's tallies: drop everything, as removing a voter does.
    bulkModeration: new BulkModerationService(database.db, catalog, config.rankPriorVotes, () => cacheBus.publish({ kind: 'all' })),
    // Started and stopped with the app (app.ts); the CLI builds services without starting it.
    stuffingDetector: new StuffingDetector(new FlagsRepository(database.db), catalog, {
      periodSeconds: config.moderationCheckSeconds,
      webhookUrl: config.moderationWebhookUrl,
      publicUrl: config.publicUrl,
      onRaised: () => {
        moderation.forgetOpenFlagCount();
        // Visitors' cached episode pages carry the score without the window when it is public.
        if (config.publicFlaggedScores) cacheBus.publish({ kind: 'all' });
      },
    }),
    rankings,
    /** Which pages each sitemap lists, read a page of rows at a time. */
    sitemaps: new SitemapService(new SitemapRepository(database.db)),
    search,
    /** A show's or an episode's ids on other sites, linked from its page. */
    externalIds: new ExternalIdsService(new ExternalIdsRepository(database.db)),
    bestEpisodes,
    topEpisodes: new TopEpisodesService(topRepository, topSettings),
    topRefresher,
    showBrowser: new ShowBrowser(new ShowBrowseRepository(database.db), showCount),
    votes,
    accounts,
    /** /account/ratings: a voter's own ratings, their downloads; deleting them, or the account. */
    myRatings: new MyRatingsService(new MyRatingsRepository(database.db)),
    /** /account/ratings/import: a fan's ratings from IMDb, Trakt or TV Time, previewed, then written all at once. */
    ratingsImport: new RatingsImportService({
      lookups: matchLookups(new ExternalIdsRepository(database.db), new RatingsMatchRepository(database.db)),
      batches: new RatingBatchRepository(database.db, database.dialect),
      ratingsOf: (voterId, episodeIds) => votesRepository.ratingsOf(voterId, episodeIds),
      voting: config.voting,
      blocks: voteBlocks,
      allowance: new NetworkAllowance(config.votesPerNetwork, config.votesPerNetworkAllow, config.widerNetworks),
      previewLimit: networkLimit(limits, 'ratings-import', PREVIEWS_PER_MINUTE_PER_NETWORK, config.widerNetworks),
      // Like a vote's change, per episode; a file that touched many is cheaper as one drop of everything.
      onChanged: (changes) => {
        if (changes.length > 50) cacheBus.publish({ kind: 'all' });
        else for (const { showId, episodeId } of changes) cacheBus.publish({ kind: 'show', showId, episodeId });
        for (const showId of new Set(changes.map((c) => c.showId))) {
          bestEpisodes.notify(showId);
          topRefresher.notify(showId);
        }
      },
    }),
    accountDeletion,
    snapshots,
    // Started and stopped with the app (app.ts), like topRefresher.
    snapshotScheduler: new SnapshotScheduler(snapshots, { checkMs: config.snapshotCheckSeconds * 1000 }),
    pageCache,
    apiAnswers,
    showStandings,
    episodeDirectory,
    tallyAudit: new TallyAudit(new TallyRecountRepository(database.db), catalog),
    cacheBus,
    voteBlocks,
    /** Redis's state and the local-fallback count, for metrics and readiness. */
    cluster: clusterStatus(cluster),
  };
}

export type Services = ReturnType<typeof createServices>;
