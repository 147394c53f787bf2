/**
 * Ballot-stuffing defences (issue 12).
 *
 * `votes.network` is what the per-network rule counts against: the voter's IPv4 address, or the
 * /64 of an IPv6 one (see `networkKey`). It is indexed with the episode and the time the rating
 * was first counted, so "how many ratings of this episode from this network in the last 30 days"
 * reads a handful of index entries.
 *
 * `held_ratings` keeps ratings that were recorded but not counted: over the network's allowance,
 * or put aside by a moderator. They never touch the tallies until a moderator releases them, and
 * are never deleted except by a moderator's discard (or the episode's deletion).
 *
 * `moderation_flags` are the scheduled checks' findings. A flag keeps the window it was raised
 * for, so a later check compares against the time before that window and the flag stays raised
 * for as long as the attack lasts.
 */
import type { Kysely } from 'kysely';
import { networkKey } from '../../shared/ip-address.js';
import { autoIncrementId, type DialectName } from '../dialect.js';

export function heldRatingsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('votes').addColumn('network', 'varchar(64)').execute();
      // IPv4 addresses are their own network; IPv6 ones are rare enough to convert one by one.
      await db
        .updateTable('votes')
        .set((eb) => ({ network: eb.ref('ip') }))
        .where('ip', 'not like', '%:%')
        .execute();
      const ipv6: Array<{ ip: string }> = await db.selectFrom('votes').select('ip').distinct().where('ip', 'like', '%:%').execute();
      for (const { ip } of ipv6) {
        await db
          .updateTable('votes')
          .set({ network: networkKey(ip) })
          .where('ip', '=', ip)
          .execute();
      }
      await db.schema.createIndex('votes_episode_network_index').on('votes').columns(['episode_id', 'network', 'cast_at']).execute();

      await db.schema
        .createTable('held_ratings')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        .addColumn('episode_id', 'integer', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
        .addColumn('voter_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('voter_kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('rating', 'integer', (c) => c.notNull())
        .addColumn('ip', 'varchar(64)')
        .addColumn('network', 'varchar(64)')
        // 'network-limit': over VOTES_PER_NETWORK; 'moderator': put aside by a bulk action.
        .addColumn('reason', 'varchar(32)', (c) => c.notNull())
        .addColumn('held_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addUniqueConstraint('held_ratings_episode_voter_unique', ['episode_id', 'voter_id'])
        .execute();
      await db.schema.createIndex('held_ratings_held_at_index').on('held_ratings').columns(['held_at', 'id']).execute();
      await db.schema.createIndex('held_ratings_network_index').on('held_ratings').columns(['network', 'held_at']).execute();
      await db.schema.createIndex('held_ratings_voter_index').on('held_ratings').column('voter_id').execute();

      await db.schema
        .createTable('moderation_flags')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        .addColumn('episode_id', 'integer', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
        // 'burst' (an hour far above the usual rate), 'steady' (days above it), 'extreme' (1s and 10s).
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        // The suspicious window: from its start to the last time a check still saw it.
        .addColumn('window_start', 'varchar(40)', (c) => c.notNull())
        .addColumn('window_end', 'varchar(40)', (c) => c.notNull())
        .addColumn('raised_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('checked_at', 'varchar(40)', (c) => c.notNull())
        // Why, in words a moderator reads ("212 votes in 24 hours against 3.1 a day before").
        .addColumn('reason', 'varchar(500)', (c) => c.notNull())
        // 'open' until a moderator closes it as 'dismissed' or 'resolved'.
        .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('open'))
        .addColumn('closed_by', 'varchar(254)')
        .addColumn('closed_at', 'varchar(40)')
        .execute();
      await db.schema.createIndex('moderation_flags_status_index').on('moderation_flags').columns(['status', 'id']).execute();
      await db.schema.createIndex('moderation_flags_episode_index').on('moderation_flags').columns(['episode_id', 'kind', 'status']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('moderation_flags').execute();
      await db.schema.dropTable('held_ratings').execute();
      await db.schema.dropIndex('votes_episode_network_index').execute();
      await db.schema.alterTable('votes').dropColumn('network').execute();
    },
  };
}
