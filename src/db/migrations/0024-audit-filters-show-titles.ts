/**
 * Indexes for two operator look-ups (issue 25):
 *
 * - The audit log's filters by action and by actor. The page reads entries newest first (by id)
 *   among those that match; without an index on the filtered column the database walks the whole
 *   log from its newest entry, checking each, to find fifty entries of a rare action. Each index
 *   leads with the filtered column and ends with `id`, so an exact action or an actor is read
 *   newest first from the index alone. A family of actions ("flag", every `flag.*`) is a prefix
 *   match: SQLite serves it with GLOB from a plain index (its LIKE ignores case, which a binary
 *   index cannot serve); PostgreSQL serves LIKE from an index built with `text_pattern_ops`,
 *   whatever the database's collation (a plain index serves LIKE only under the C collation).
 *   The queries: src/editing/audit.repository.ts, prefix matches in src/db/dialect.ts.
 * - A show by its title in any case, for the admin pages' show pickers
 *   (src/catalog/show-picker.service.ts), which accept what an operator typed: a slug or a title.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export function auditFiltersShowTitlesMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const action = dialect === 'postgres' ? 'action text_pattern_ops' : 'action';
      await sql.raw(`create index audit_log_action_index on audit_log (${action}, id)`).execute(db);
      await sql`create index audit_log_actor_index on audit_log (actor_email, id)`.execute(db);
      await sql`create index shows_title_lower_index on shows (lower(title))`.execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const index of ['audit_log_action_index', 'audit_log_actor_index', 'shows_title_lower_index']) await sql.raw(`drop index ${index}`).execute(db);
    },
  };
}
