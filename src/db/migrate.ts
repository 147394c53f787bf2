/**
 * Migrations are listed in code rather than discovered on disk so that they work the same from
 * `src/` under the test runner and from `dist/` in production. Each receives the dialect.
 * Names sort in the order they must run; never rename or edit one that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { DialectName } from './dialect.js';
import { catalogMigration } from './migrations/0001-catalog.js';
import { votesMigration } from './migrations/0002-votes.js';
import { accountsMigration } from './migrations/0003-accounts.js';
import { auditMigration } from './migrations/0004-audit.js';
import { voteBlocksMigration } from './migrations/0005-vote-blocks.js';
import { importProvenanceMigration } from './migrations/0006-import-provenance.js';
import { showFiguresMigration } from './migrations/0007-show-figures.js';
import { votesByTimeMigration } from './migrations/0008-votes-by-time.js';
import { heldRatingsMigration } from './migrations/0009-held-ratings.js';
import { searchMigration } from './migrations/0010-search.js';
import { browseMigration } from './migrations/0011-browse.js';
import { externalIdsMigration } from './migrations/0012-external-ids.js';
import { rankingSnapshotsMigration } from './migrations/0013-ranking-snapshots.js';
import { topEpisodesChangesMigration } from './migrations/0014-top-episodes-changes.js';
import { searchPrefixesMigration } from './migrations/0015-search-prefixes.js';
import { searchFoldedTitlesMigration } from './migrations/0016-search-folded-titles.js';
import { networkOrderMigration } from './migrations/0017-network-order.js';
import { accountTrustMigration } from './migrations/0018-account-trust.js';
import { spentChallengesMigration } from './migrations/0019-spent-challenges.js';
import { sessionPendingRatingsMigration } from './migrations/0020-session-pending-ratings.js';
import { addressRetentionMigration } from './migrations/0021-address-retention.js';
import { ratingGivenAtMigration } from './migrations/0022-rating-given-at.js';
import { filtersAnyCaseMigration } from './migrations/0023-filters-any-case.js';
import { auditFiltersShowTitlesMigration } from './migrations/0024-audit-filters-show-titles.js';
import { alternateTitlesMigration } from './migrations/0025-alternate-titles.js';
import { watchLinkCountriesMigration } from './migrations/0026-watch-link-countries.js';

/** Every migration by name, for this dialect (exported so a test can stop short of one). */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-catalog': catalogMigration(dialect),
    '0002-votes': votesMigration(dialect),
    '0003-accounts': accountsMigration(dialect),
    '0004-audit': auditMigration(dialect),
    '0005-vote-blocks': voteBlocksMigration(dialect),
    '0006-import-provenance': importProvenanceMigration(dialect),
    '0007-show-figures': showFiguresMigration(dialect),
    '0008-votes-by-time': votesByTimeMigration(dialect),
    '0009-held-ratings': heldRatingsMigration(dialect),
    '0010-search': searchMigration(dialect),
    '0011-browse': browseMigration(dialect),
    '0012-external-ids': externalIdsMigration(dialect),
    '0013-ranking-snapshots': rankingSnapshotsMigration(dialect),
    '0014-top-episodes-changes': topEpisodesChangesMigration(dialect),
    '0015-search-prefixes': searchPrefixesMigration(dialect),
    '0016-search-folded-titles': searchFoldedTitlesMigration(dialect),
    '0017-network-order': networkOrderMigration(),
    '0018-account-trust': accountTrustMigration(dialect),
    '0019-spent-challenges': spentChallengesMigration(),
    '0020-session-pending-ratings': sessionPendingRatingsMigration(),
    '0021-address-retention': addressRetentionMigration(),
    '0022-rating-given-at': ratingGivenAtMigration(),
    '0023-filters-any-case': filtersAnyCaseMigration(),
    '0024-audit-filters-show-titles': auditFiltersShowTitlesMigration(dialect),
    '0025-alternate-titles': alternateTitlesMigration(dialect),
    '0026-watch-link-countries': watchLinkCountriesMigration(),
  };
}

export interface MigrationOutcome {
  /** Names of the migrations this call applied, in order. */
  applied: string[];
  /** True when the database had no migrations before this call: it was just created. */
  created: boolean;
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock, so several app instances
 * starting at once against one PostgreSQL database apply each migration exactly once.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
  });
  const before = await migrator.getMigrations();
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const error = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${error.message}`, { cause: error });
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, created: before.every((m) => m.executedAt === undefined) && applied.length > 0 };
}
