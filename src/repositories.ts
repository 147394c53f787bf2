/**
 * Every repository a store hands out, built on one handle (db/store.ts): the composition root
 * (services.ts) gives this factory to the store, so a service reaches its repositories through
 * `store.read` or `store.transact(tx => …)` and never builds one, and a transaction's work gets
 * them bound to that transaction. Each service names the part it uses as a type of its own.
 */
import type { Kysely } from 'kysely';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AddressRetentionRepository } from './moderation/address-retention.repository.js';
import { DataRequestsRepository } from './moderation/data-requests.repository.js';
import { SpentChallengesRepository } from './db/spent-challenges.repository.js';
import { AccountTokensRepository } from './accounts/account-tokens.repository.js';
import { ApiTokensRepository } from './accounts/api-tokens.repository.js';
import { AdminListsRepository } from './editing/admin-lists.repository.js';
import { AuditRepository } from './editing/audit.repository.js';
import { BulkModerationRepository } from './moderation/bulk-moderation.repository.js';
import { DeletionImpactRepository } from './editing/deletion-impact.repository.js';
import { FlagsRepository } from './moderation/flags.repository.js';
import { IdentitiesRepository } from './accounts/identities.repository.js';
import { HeldRatingsRepository } from './moderation/held-ratings.repository.js';
import { ModerationRepository } from './moderation/moderation.repository.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { ExternalIdsRepository } from './catalog/external-ids.repository.js';
import { AlternateTitlesRepository } from './catalog/alternate-titles.repository.js';
import { SearchRepository } from './catalog/search.repository.js';
import { SitemapRepository } from './catalog/sitemap.repository.js';
import { dialectOfConnection } from './db/dialect.js';
import type { Database } from './db/schema.js';
import { SettingsRepository } from './db/settings.repository.js';
import { Store } from './db/store.js';
import { RatingBatchRepository } from './importers/ratings/rating-batch.repository.js';
import { RatingsMatchRepository } from './importers/ratings/ratings-match.repository.js';
import { MyRatingsRepository } from './votes/my-ratings.repository.js';
import { ShowBrowseRepository } from './ranking/show-browse.js';
import { FilterChoicesRepository } from './ranking/filter-choices.js';
import { ShowFiguresRepository } from './ranking/show-figures.repository.js';
import { SnapshotsRepository } from './ranking/snapshots/snapshots.repository.js';
import { StandingsRepository } from './ranking/standings.repository.js';
import { TopEpisodesRepository } from './ranking/top-episodes.repository.js';
import { TalliesRepository } from './votes/tallies.repository.js';
import { TallyRecountRepository } from './votes/tally-recount.repository.js';
import { VotesRepository } from './votes/votes.repository.js';

/**
 * The repositories on `handle`. `clock` stamps the catalogue's created and updated times (tests fix
 * it). The only place under src/ that builds a repository (test/db/transaction-boundary.test.ts).
 */
export function repositoriesOn(handle: Kysely<Database>, clock: () => Date = () => new Date()) {
  const dialect = dialectOfConnection(handle);
  const standings = new StandingsRepository(handle);
  return {
    accounts: new AccountsRepository(handle),
    accountTokens: new AccountTokensRepository(handle),
    addressRetention: new AddressRetentionRepository(handle),
    adminLists: new AdminListsRepository(handle),
    alternateTitles: new AlternateTitlesRepository(handle),
    apiTokens: new ApiTokensRepository(handle),
    audit: new AuditRepository(handle),
    bulkModeration: new BulkModerationRepository(handle),
    catalog: new CatalogRepository(handle, clock),
    dataRequests: new DataRequestsRepository(handle),
    deletionImpact: new DeletionImpactRepository(handle),
    externalIds: new ExternalIdsRepository(handle),
    filterChoices: new FilterChoicesRepository(handle),
    flags: new FlagsRepository(handle),
    heldRatings: new HeldRatingsRepository(handle),
    identities: new IdentitiesRepository(handle),
    moderation: new ModerationRepository(handle),
    myRatings: new MyRatingsRepository(handle),
    ratingBatches: new RatingBatchRepository(handle, dialect),
    ratingsMatch: new RatingsMatchRepository(handle),
    recount: new TallyRecountRepository(handle),
    search: new SearchRepository(handle),
    settings: new SettingsRepository(handle),
    showBrowse: new ShowBrowseRepository(handle),
    showFigures: new ShowFiguresRepository(handle, standings),
    sitemap: new SitemapRepository(handle),
    spentChallenges: new SpentChallengesRepository(handle),
    snapshots: new SnapshotsRepository(handle),
    standings,
    tallies: new TalliesRepository(handle),
    topEpisodes: new TopEpisodesRepository(handle),
    votes: new VotesRepository(handle, dialect),
  };
}

export type Repositories = ReturnType<typeof repositoriesOn>;

/** The store over every repository: what services.ts, the CLI and tests hand to services. */
export function storeOf(db: Kysely<Database>, clock?: () => Date): Store<Repositories> {
  return new Store(db, (handle) => repositoriesOn(handle, clock));
}
