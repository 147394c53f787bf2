/**
 * The audit entry of a catalogue import, one home for both ways in: the admin page's upload
 * (admin-catalog.service.ts) and `epirank import` on the server (src/cli.ts), whose actor is the
 * command line. The entry commits with the import or not at all, and a dry run records nothing.
 */
import { nowTimestamp } from '../db/dialect.js';
import type { Store, Transactor } from '../db/store.js';
import { importCatalog, type CatalogImportRepositories, type ImportOptions, type ImportSummary } from '../importers/catalog-import.js';
import type { CatalogFile } from '../importers/catalog-format.js';
import type { Actor, AuditRepository } from './audit.repository.js';

/** Who an import run on the server's shell is recorded as: no account, only the way it came in. */
export const COMMAND_LINE: Actor = { id: null, email: 'command line' };

/** The repositories an audited import writes through. */
export type AuditedImportRepositories = CatalogImportRepositories & { audit: AuditRepository };

/**
 * Imports the file with its audit entry (`catalog.import`: the counts, and each rating written)
 * in the import's transaction. `onCommit` runs once both have committed (the admin side drops its
 * cached pages).
 */
export async function importAudited<R extends AuditedImportRepositories>(
  store: Store<R>,
  file: CatalogFile,
  actor: Actor,
  source: string,
  options: Omit<ImportOptions<R>, 'beforeCommit' | 'source'> & { onCommit?: () => void } = {},
): Promise<ImportSummary> {
  const { onCommit, ...importOptions } = options;
  return importCatalog(store, file, {
    ...importOptions,
    source,
    beforeCommit: (tx: Transactor<R>, summary) => {
      if (onCommit) tx.onCommit(onCommit);
      return tx.audit.record({
        actor,
        action: 'catalog.import',
        subject: source,
        before: null,
        after: {
          shows: summary.shows,
          seasons: summary.seasons,
          episodes: summary.episodes,
          ratings: summary.ratings,
          ratingChanges: summary.ratingChanges,
        },
        at: nowTimestamp(options.clock),
      });
    },
  });
}
