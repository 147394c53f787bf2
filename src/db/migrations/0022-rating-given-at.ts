/**
 * `given_at` on `votes` and `held_ratings`: when the fan gave a rating they imported from another
 * site (Trakt's `rated_at`, IMDb's "Date Rated", TV Time's `created_at`), so that their history
 * keeps its dates (issue 25). It is the fan's own account of their past and is only shown to them
 * and exported; the server's times stay where moderation and the per-network rule read them
 * (`cast_at`, `updated_at`, `held_at`). Null: the rating was given here, when `updated_at` says.
 * On both tables because releasing a held rating moves its columns into `votes`.
 */
import type { Kysely } from 'kysely';

export function ratingGivenAtMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // As wide as the other timestamp columns of these tables.
      await db.schema.alterTable('votes').addColumn('given_at', 'varchar(40)').execute();
      await db.schema.alterTable('held_ratings').addColumn('given_at', 'varchar(40)').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('held_ratings').dropColumn('given_at').execute();
      await db.schema.alterTable('votes').dropColumn('given_at').execute();
    },
  };
}
