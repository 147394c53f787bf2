/**
 * `spent_challenges`: the proof-of-work challenges (src/shared/proof-of-work.ts) whose solutions
 * were accepted, so that each is accepted once across every instance. The id is the challenge's
 * HMAC signature (hex); a row is needed only until the challenge expires, and rows past
 * `expires_at` are deleted as new ones are written (spent-challenges.repository.ts).
 */
import type { Kysely } from 'kysely';

export function spentChallengesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('spent_challenges')
        .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('spent_challenges_expires_index').on('spent_challenges').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('spent_challenges').execute();
    },
  };
}
