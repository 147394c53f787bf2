/** Values the app generates once and keeps in the database, shared by every instance. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Returns the stored value, storing `create()` first when there is none. Instances starting
   * together may both try to insert; the first insert wins and everyone reads it back.
   */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    await this.db
      .insertInto('app_settings')
      .values({ key, value: create() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    return row.value;
  }
}
