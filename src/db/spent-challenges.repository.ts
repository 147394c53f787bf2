/**
 * The proof-of-work challenges already solved (src/shared/proof-of-work.ts), shared by every
 * instance through the database: the primary key accepts each challenge once, whichever instance
 * sees it, and a challenge needs its row only until it expires.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SpentChallengesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records challenge `id` as spent until `expiresAt` (ISO timestamps); false when it already was.
   * Rows expired at `now` are deleted first: solutions are few (sign-ups, votes past a network's
   * allowance), so the table stays small without a scheduled sweep.
   */
  async spend(id: string, expiresAt: string, now: string): Promise<boolean> {
    await this.db.deleteFrom('spent_challenges').where('expires_at', '<=', now).execute();
    const inserted = await this.db
      .insertInto('spent_challenges')
      .values({ id, expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}
