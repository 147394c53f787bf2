/**
 * `sessions.pending_voter_id`: the anonymous voter whose ratings a fan was asked to add to their
 * account when this session started (issue 24). Ratings no longer move silently at sign-in, where a
 * voter cookie planted in the fan's browser would have brought its ratings along: the session
 * remembers the voter, the fan sees its ratings on /account/join-ratings and adds or leaves them.
 * Kept on the session row, which only the session's own cookie reaches, so a cookie planted after
 * sign-in cannot change which voter is offered. Null: nothing is waiting.
 */
import type { Kysely } from 'kysely';

export function sessionPendingRatingsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // As wide as votes.voter_id.
      await db.schema.alterTable('sessions').addColumn('pending_voter_id', 'varchar(64)').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sessions').dropColumn('pending_voter_id').execute();
    },
  };
}
