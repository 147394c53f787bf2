/**
 * Every repository a store hands out, built on one handle (db/store.ts): the composition root
 * (services.ts) gives this factory to the store, so a service reaches its repositories through
 * `store.read` or `store.transact(tx => …)` and never builds one, and a transaction's work gets
 * them bound to that transaction. Each service names the part it uses as a type of its own.
 */
import type { Kysely } from 'kysely';
import { AccountsRepository } from './accounts/accounts.repository.js';
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
import { dialectOfConnection } from './db/dialect.js';
import type { Database } from './db/schema.js';
import { Store } from './db/store.js';
import { MyRatingsRepository } from './votes/my-ratings.repository.js';
import { StandingsRepository } from './ranking/standings.repository.js';
import { TopEpisodesRepository } from './ranking/top-episodes.repository.js';
import { TalliesRepository } from './votes/tallies.repository.js';
import { TallyRecountRepository } from './votes/tally-recount.repository.js';
import { VotesRepository } from './votes/votes.repository.js';

/**
 * The repositories on `handle`. `clock` stamps the catalogue's created and updated times (tests fix
 * it). The votes repository here is for imports, exports and merges: the one that takes votes
 * is the vote service's own (services.ts), since on SQLite it keeps the one write batcher.
 */
export function repositoriesOn(handle: Kysely<Database>, clock: () => Date = () => new Date()) {
  return {
    accounts: new AccountsRepository(handle),
    accountTokens: new AccountTokensRepository(handle),
    adminLists: new AdminListsRepository(handle),
    apiTokens: new ApiTokensRepository(handle),
    audit: new AuditRepository(handle),
    bulkModeration: new BulkModerationRepository(handle),
    catalog: new CatalogRepository(handle, clock),
    deletionImpact: new DeletionImpactRepository(handle),
    externalIds: new ExternalIdsRepository(handle),
    flags: new FlagsRepository(handle),
    heldRatings: new HeldRatingsRepository(handle),
    identities: new IdentitiesRepository(handle),
    moderation: new ModerationRepository(handle),
    myRatings: new MyRatingsRepository(handle),
    recount: new TallyRecountRepository(handle),
    standings: new StandingsRepository(handle),
    tallies: new TalliesRepository(handle),
    topEpisodes: new TopEpisodesRepository(handle),
    votes: new VotesRepository(handle, dialectOfConnection(handle)),
  };
}

export type Repositories = ReturnType<typeof repositoriesOn>;

/** The store over every repository: what services.ts, the CLI and tests hand to services. */
export function storeOf(db: Kysely<Database>, clock?: () => Date): Store<Repositories> {
  return new Store(db, (handle) => repositoriesOn(handle, clock));
}
