/**
 * Where ratings came from. `users.public_id` is a random id per account, the only name an
 * account's ratings travel under in an export: numeric ids repeat from one database to the next,
 * so ratings exported as "account 3" once landed on whoever was account 3 elsewhere.
 * `votes.imported_at` is set by the server when an import writes a rating, whatever times the
 * file claims, so moderators see when it really arrived.
 */
import type { Kysely } from 'kysely';
import { newPublicId } from '../../shared/public-id.js';
import type { DialectName } from '../dialect.js';

export function importProvenanceMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Nullable only because a column added to existing rows cannot start out filled; every
      // account gets one just below, and new accounts get one when created.
      await db.schema.alterTable('users').addColumn('public_id', 'varchar(32)').execute();
      const users: Array<{ id: number }> = await db.selectFrom('users').select('id').execute();
      for (const user of users) {
        await db.updateTable('users').set({ public_id: newPublicId() }).where('id', '=', user.id).execute();
      }
      await db.schema.createIndex('users_public_id_unique').on('users').column('public_id').unique().execute();
      await db.schema.alterTable('votes').addColumn('imported_at', 'varchar(40)').execute();
      // Moderation lists an episode's newest imported ratings by when they arrived.
      await db.schema.createIndex('votes_episode_imported_index').on('votes').columns(['episode_id', 'imported_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('votes_episode_imported_index').execute();
      await db.schema.alterTable('votes').dropColumn('imported_at').execute();
      await db.schema.dropIndex('users_public_id_unique').execute();
      await db.schema.alterTable('users').dropColumn('public_id').execute();
    },
  };
}
