/**
 * The composition root: every service gets its repositories, from the one store over the
 * database (repositories.ts), and its settings.
 */
import { AdminCatalogService } from './editing/admin-catalog.service.js';
import { AdminListsService } from './editing/admin-lists.service.js';
import { ModerationService } from './moderation/moderation.service.js';
import { BulkModerationService } from './moderation/bulk-moderation.service.js';
import { StuffingDetector } from './moderation/stuffing-detector.js';
import { AddressRetention, addressHashKey } from './moderation/address-retention.js';
import { DataRequestsService } from './moderation/data-requests.service.js';
import { VoteBlocks } from './votes/vote-blocks.js';
import { AccountThrottle } from './accounts/account-throttle.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AccountDeletion } from './accounts/account-deletion.js';
import { AnonymousRatings } from './accounts/anonymous-ratings.js';
import { SsoService } from './accounts/sso.service.js';
import { ApiTokensService } from './accounts/api-tokens.service.js';
import { Pacer } from './importers/pacer.js';
import { MyRatingsService } from './votes/my-ratings.service.js';
import { BestEpisodeRefresher } from './ranking/best-episode-refresher.js';
import { TopEpisodesRefresher } from './ranking/top-episodes.refresher.js';
import { TopEpisodesService } from './ranking/top-episodes.service.js';
import { ShowBrowser } from './ranking/show-browse.js';
import { FilterChoices } from './ranking/filter-choices.js';
import { ShowCount } from './catalog/show-count.js';
import { SitemapService } from './catalog/sitemap.service.js';
import { SearchService } from './catalog/search.service.js';
import { ShowPicker } from './catalog/show-picker.service.js';
import { EpisodeDirectory } from './catalog/episode-directory.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { storeOf } from './repositories.js';
import { networkLimit } from './shared/network-limit.js';
import { RankingsService } from './ranking/rankings.service.js';
import { StandingsCache } from './ranking/standings-cache.js';
import { localLimits } from './shared/rate-limiter.js';
import { CacheBus, dropCaches, invalidationsFor } from './cluster/cache-bus.js';
import { ChangeFeed, touchedShows } from './shared/change-feed.js';
import { Workers, type WorkerLog } from './shared/workers.js';
import { siteSecret } from './shared/site-secret.js';
import { unavailabilityReason } from './db/availability.js';
import { clusterStatus, type Cluster } from './cluster/cluster.js';
import { TallyAudit } from './votes/tally-audit.js';
import { VotesService } from './votes/votes.service.js';
import { VoteWrites } from './votes/vote-writes.js';
import { ExternalIdsService } from './catalog/external-ids.service.js';
import { RatingsImportService } from './importers/ratings/ratings-import.service.js';
import { matchLookups } from './importers/ratings/match.js';
import { PREVIEWS_PER_MINUTE_PER_NETWORK } from './importers/ratings/limits.js';
import { NetworkAllowance } from './votes/network-allowance.js';
import { ProofOfWork } from './shared/proof-of-work.js';
import { ResponseCache } from './http/response-cache.js';
import { SnapshotsService } from './ranking/snapshots/snapshots.service.js';
import { SnapshotScheduler } from './ranking/snapshots/snapshot-scheduler.js';
import { accountMail } from './accounts/account-mail.js';

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
  | 'proofOfWorkDifficulty'
  | 'moderationCheckSeconds'
  | 'moderationWebhookUrl'
  | 'publicUrl'
  | 'publicFlaggedScores'
  | 'snapshotCheckSeconds'
  | 'snapshotRetentionDays'
  | 'sso'
  | 'addressRetentionDays'
  | 'cookieSecret'
  | 'smtpUrl'
  | 'mailFrom'
>;

/** Where the command line, which has no app logger, reports a failing subscriber or worker. */
const consoleLog: WorkerLog = {
  error: (details, message) => console.error(message, details),
  warn: (details, message) => console.warn(message, details),
};

/**
 * The composition root: every service gets its repositories from the store (repositories.ts,
 * which alone builds them) and its settings. Routes reach services only through this object, which holds no
 * repository and not the database handle.
 */
export function createServices(database: DatabaseHandle, config: ServiceSettings, cluster: Cluster | null = null, log: WorkerLog = consoleLog) {
  // What every writer tells after commit (src/shared/change-feed.ts); the subscribers are wired below.
  const changes = new ChangeFeed((error, change) => log.error({ err: error, change: change.kind }, 'a change feed subscriber failed'));
  const { emit } = changes;
  // Services that write in a transaction, or read many repositories, take the store itself (db/store.ts).
  const store = storeOf(database.db);
  const { catalog, standings, showFigures } = store.read;
  const pageCache = new ResponseCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: config.pageCacheMegabytes * 1024 * 1024 });
  // API answers are kept as long as pages and in the same amount of memory again.
  const apiAnswers = new ResponseCache({ ttlMs: config.pageCacheSeconds * 1000, maxBytes: config.pageCacheMegabytes * 1024 * 1024 });
  const bestEpisodes = new BestEpisodeRefresher(showFigures, config.rankPriorVotes);
  const topSettings = { priorVotes: config.rankPriorVotes, minVotes: config.topMinVotes };
  // Started and stopped with the app through `workers`, like the stuffing check.
  const topRefresher = new TopEpisodesRefresher(store, topSettings);
  // Stale by at most what a cached page may be: PAGE_CACHE_SECONDS bounds both for other instances' changes.
  const showStandings = new StandingsCache(standings, { ttlMs: config.pageCacheSeconds * 1000 });
  const showCount = new ShowCount(() => showFigures.countShows(), { ttlMs: config.pageCacheSeconds * 1000 });
  const rankings = new RankingsService(catalog, config.rankPriorVotes, { repository: showFigures, bestEpisodes, showCount }, showStandings);
  const episodeDirectory = new EpisodeDirectory(catalog);
  // Rank history reads a past day's tallies through the same rankings code: one RankingsService
  // per request over that day's standings, of which it only ever calls `get`.
  const snapshots = new SnapshotsService(
    store.read.snapshots,
    {
      standings,
      live: showStandings,
      catalog,
      rankingsFor: (priorVotes, standingsOf) =>
        new RankingsService(catalog, priorVotes, { repository: showFigures, bestEpisodes, showCount }, { get: standingsOf } as unknown as StandingsCache),
    },
    { priorVotes: config.rankPriorVotes, retentionDays: config.snapshotRetentionDays },
  );
  const voteBlocks = new VoteBlocks(() => store.read.moderation.listBlocks());
  const search = new SearchService(store.read.search, { ttlMs: config.pageCacheSeconds * 1000 });
  const moderation = new ModerationService(store, catalog, emit);
  // Every cache drop goes through the bus: applied here at once and, with REDIS_URL, on every other instance.
  const caches = {
    pages: pageCache,
    apiAnswers,
    standings: showStandings,
    episodeDirectory,
    showCount,
    search,
    blocks: voteBlocks,
    flags: { forget: () => moderation.forgetModerationQueue() },
  };
  const cacheBus = new CacheBus(dropCaches(caches), cluster?.redis ?? null);
  const flagsOnPages = config.publicFlaggedScores;
  changes.subscribe((change) => {
    for (const invalidation of invalidationsFor(change, { flagsOnPages })) cacheBus.publish(invalidation);
  });
  // Only the instance that committed a change refreshes the stored figures; the top list's sweep
  // catches up with the others' (and with a whole catalogue import).
  changes.subscribe((change) => {
    for (const showId of touchedShows(change)) {
      bestEpisodes.notify(showId);
      topRefresher.notify(showId);
    }
  });
  // Counted in Redis when instances share one, so each limit holds across all of them.
  const limits = cluster?.limits.factory ?? localLimits();
  // Its HMAC keys are derived from the site's secret (COOKIE_SECRET or the one kept in the settings), shared by every instance.
  const proofOfWork = new ProofOfWork(config.proofOfWorkDifficulty, () => siteSecret(config.cookieSecret, store.read.settings), store.read.spentChallenges);
  const votes = new VotesService(
    store,
    episodeDirectory,
    rankings,
    // An address's votes count against its networks: its /64 (or IPv4 address) and the wider ones around it.
    { perVoter: limits('vote-voter', config.voteLimitPerVoter), perIp: networkLimit(limits, 'vote-network', config.voteLimitPerIp, config.widerNetworks) },
    emit,
    config.voting,
    voteBlocks,
    undefined,
    { allowance: new NetworkAllowance(config.votesPerNetwork, config.votesPerNetworkAllow, config.widerNetworks) },
    proofOfWork,
  );
  const accountThrottle = new AccountThrottle(limits, config.widerNetworks);
  const accounts = new AccountsService(store.read.accounts, store.read.votes, accountThrottle, config.passwordCostLog2);
  // Mail (SMTP_URL): password reset, address verification and change, notices.
  const mail = accountMail(
    store.narrow((r) => ({ accounts: r.accounts, accountTokens: r.accountTokens })),
    { accounts, throttle: accountThrottle },
    config,
    log,
  );
  const accountDeletion = new AccountDeletion(store, emit, () => new Pacer());
  const adminCatalog = new AdminCatalogService(store, emit);
  // Started on ready and stopped on close by the app (app.ts); the CLI builds services without starting them.
  const stuffingDetector = new StuffingDetector(store.read.flags, catalog, {
    periodSeconds: config.moderationCheckSeconds,
    webhookUrl: config.moderationWebhookUrl,
    publicUrl: config.publicUrl,
    emit,
  });
  const snapshotScheduler = new SnapshotScheduler(snapshots, { checkMs: config.snapshotCheckSeconds * 1000 });
  const workers = new Workers();
  // Added first so it stops last: mail under way when the app closes is still delivered.
  workers.add({ name: 'mailer', stop: () => mail.mailer.close() });
  // The best-episode refresher has no timer of its own: it only needs stopping.
  workers.add({ name: 'best-episode refresher', stop: () => bestEpisodes.stop() });
  // The site-wide lists' refresher (TOP_MIN_VOTES) sweeps on a timer.
  workers.add({ name: 'top-episodes refresher', start: () => topRefresher.start(), stop: () => topRefresher.stop() });
  workers.add({
    name: 'snapshot scheduler',
    // The daily ranking snapshot (SNAPSHOT_CHECK_SECONDS). A database outage is logged by the
    // request path already: here it only postpones the snapshot.
    start: (workerLog) =>
      snapshotScheduler.start((error) => {
        const reason = unavailabilityReason(error);
        if (reason === null) workerLog.error({ err: error }, 'ranking snapshot failed');
        else workerLog.warn({ reason }, 'ranking snapshot postponed: database unavailable');
      }),
    stop: () => snapshotScheduler.stop(),
  });
  // The scheduled stuffing check (MODERATION_CHECK_SECONDS).
  workers.add({ name: 'stuffing detector', start: (workerLog) => stuffingDetector.start(workerLog), stop: () => stuffingDetector.stop() });
  // Client addresses past ADDRESS_RETENTION_DAYS are forgotten, their networks kept as keyed hashes.
  const addressRetention = new AddressRetention(
    store.read.addressRetention,
    async () => addressHashKey(await siteSecret(config.cookieSecret, store.read.settings)),
    {
      retentionDays: config.addressRetentionDays,
    },
  );
  workers.add({ name: 'address retention', start: (workerLog) => addressRetention.start(workerLog), stop: () => addressRetention.stop() });
  // Routes receive this object (app.services): services and caches only, never a repository or
  // the database handle (docs/decisions/0009-folder-layout.md). app.ts keeps the handle itself.
  return {
    adminCatalog,
    adminLists: new AdminListsService(store.read.adminLists, catalog, store.read.audit),
    moderation,
    bulkModeration: new BulkModerationService(
      store,
      catalog,
      config.rankPriorVotes,
      emit,
      undefined,
      (network) => addressRetention.networkForms(network),
      new ShowPicker(catalog, search),
    ),
    stuffingDetector,
    /** Forgets client addresses past ADDRESS_RETENTION_DAYS (a worker; `epirank forget-addresses` at once). */
    addressRetention,
    rankings,
    /** Which pages each sitemap lists, read a page of rows at a time; sized for PUBLIC_URL when it is set. */
    sitemaps: new SitemapService(store.read.sitemap, config.publicUrl === null ? {} : { longestSiteBase: Buffer.byteLength(config.publicUrl) }),
    search,
    /** A show's or an episode's ids on other sites, linked from its page. */
    externalIds: new ExternalIdsService(store.read.externalIds),
    bestEpisodes,
    topEpisodes: new TopEpisodesService(store.read.topEpisodes, topSettings),
    topRefresher,
    showBrowser: new ShowBrowser(store.read.showBrowse, showCount),
    /** The networks, statuses and years `/shows` and `/top` offer as filters. */
    filterChoices: new FilterChoices(store.read.filterChoices),
    votes,
    accounts,
    /** /account/join-ratings: the anonymous ratings a fan is asked about when a session starts, added or left. */
    anonymousRatings: new AnonymousRatings(store.read.accounts, new VoteWrites(store), emit),
    /** Single sign-on through OIDC_ISSUER; null when it is not set. */
    sso: config.sso
      ? new SsoService(
          config.sso,
          store.narrow(({ accounts, identities }) => ({ accounts, identities })),
          accounts,
        )
      : null,
    /** /account/forgot-password and /account/reset-password. */
    passwordReset: mail.passwordReset,
    /** Sign-up's mailed link, /account/verify-email. */
    emailVerification: mail.emailVerification,
    /** /account/email and its confirmation link. */
    emailChange: mail.emailChange,
    /** Mails to an account after a change its owner should know of. */
    accountNotices: mail.notices,
    /** Whether the site sends mail, and the outbox the tests wait on. */
    mailer: mail.mailer,
    /** /account/tokens and the API's `Authorization: Bearer`: a fan's personal API tokens. */
    apiTokens: new ApiTokensService(store),
    /** The proof of work asked before a sign-up (and of some anonymous votes, through votes). */
    proofOfWork,
    /** /account/ratings: a voter's own ratings, their downloads; deleting them, or the account. */
    myRatings: new MyRatingsService(store.read.myRatings),
    /** /account/ratings/import: a fan's ratings from IMDb, Trakt or TV Time, previewed, then written all at once. */
    ratingsImport: new RatingsImportService({
      lookups: matchLookups(store.read.externalIds, store.read.ratingsMatch),
      store,
      ratingsOf: (voterId, episodeIds) => store.read.votes.ratingsOf(voterId, episodeIds),
      voting: config.voting,
      blocks: voteBlocks,
      allowance: new NetworkAllowance(config.votesPerNetwork, config.votesPerNetworkAllow, config.widerNetworks),
      previewLimit: networkLimit(limits, 'ratings-import', PREVIEWS_PER_MINUTE_PER_NETWORK, config.widerNetworks),
      emit,
    }),
    accountDeletion,
    /** An operator's export or erase of one person's data (/admin/moderation/people). */
    dataRequests: new DataRequestsService(store.read.dataRequests, accountDeletion),
    snapshots,
    snapshotScheduler,
    pageCache,
    apiAnswers,
    showStandings,
    episodeDirectory,
    tallyAudit: new TallyAudit(store),
    cacheBus,
    /** What committed writes tell; the app subscribes its metrics. */
    changes,
    /** Started and stopped by the app (app.ts), never by the CLI. */
    workers,
    voteBlocks,
    /** Redis's state and the local-fallback count, for metrics and readiness. */
    cluster: clusterStatus(cluster),
  };
}

export type Services = ReturnType<typeof createServices>;
