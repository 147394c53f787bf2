/** Writes to the per-episode aggregates. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export class TalliesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Sets the tally imported from another site (count and sum; histogram unknown). It adds to the
   * votes cast here and leaves them untouched.
   */
  async setBaseline(episodeId: number, baseline: { count: number; sum: number }): Promise<void> {
    await this.db
      .insertInto('episode_tallies')
      .values({ episode_id: episodeId, baseline_count: baseline.count, baseline_sum: baseline.sum })
      .onConflict((oc) => oc.column('episode_id').doUpdateSet({ baseline_count: baseline.count, baseline_sum: baseline.sum }))
      .execute();
  }
}
