/**
 * Client addresses are kept for a stated time (ADDRESS_RETENTION_DAYS, issue 24), then dropped:
 * `ip` is cleared, `network` becomes a keyed hash of the network and `votes.network_order` is
 * cleared (src/moderation/address-retention.ts). A row still holding its address is one whose
 * `ip` is not null, so a partial index on the time the address was last written finds the next
 * rows to forget without reading those already forgotten: each run costs its batch, whatever the
 * table's size.
 *
 * The audit log kept every address a bulk moderation removed or held, for ever; entries no longer
 * record it (bulk-moderation.service.ts), and this migration clears the ones already written.
 */
import { sql, type Kysely } from 'kysely';

/** Audit entries read per statement while clearing old addresses. */
const AUDIT_PAGE = 500;

export function addressRetentionMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('votes_address_kept_index').on('votes').columns(['updated_at', 'id']).where(sql.ref('ip'), 'is not', null).execute();
      await db.schema
        .createIndex('held_ratings_address_kept_index')
        .on('held_ratings')
        .columns(['updated_at', 'id'])
        .where(sql.ref('ip'), 'is not', null)
        .execute();
      let after = 0;
      for (;;) {
        const rows: Array<{ id: number; before_json: string | null; after_json: string | null }> = await db
          .selectFrom('audit_log')
          .select(['id', 'before_json', 'after_json'])
          .where('id', '>', after)
          .where((eb) => eb.or([eb('before_json', 'like', '%"ip":"%'), eb('after_json', 'like', '%"ip":"%')]))
          .orderBy('id')
          .limit(AUDIT_PAGE)
          .execute();
        for (const row of rows) {
          await db
            .updateTable('audit_log')
            .set({ before_json: withoutAddresses(row.before_json), after_json: withoutAddresses(row.after_json) })
            .where('id', '=', row.id)
            .execute();
        }
        if (rows.length < AUDIT_PAGE) break;
        after = rows.at(-1)!.id;
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('held_ratings_address_kept_index').execute();
      await db.schema.dropIndex('votes_address_kept_index').execute();
    },
  };
}

/** The JSON with every `ip` value set to null, wherever it is nested. */
function withoutAddresses(json: string | null): string | null {
  if (json === null) return null;
  return JSON.stringify(JSON.parse(json, (key, value) => (key === 'ip' ? null : value)));
}
