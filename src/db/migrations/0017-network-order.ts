/**
 * `votes.network_order`: the rating's base network (the IPv4 address, the IPv6 /64) as sortable
 * hex (src/shared/network-levels.ts), so that the per-network rule can count a wider network
 * (an IPv6 /56 or /48, an IPv4 /24) as one range of it on both databases (issue 24). The text form
 * in `votes.network` cannot: `2001:db8:1::/64` and `2001:db8:1:ff::/64` share no prefix a /56
 * could be read from. Indexed with the episode and the time, as `votes.network` is, so the check
 * reads the wider network's entries of one episode and nothing else.
 */
import type { Kysely } from 'kysely';
import { networkOrder } from '../../shared/network-levels.js';

export function networkOrderMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('votes').addColumn('network_order', 'varchar(17)').execute();
      // One update per distinct network: the form is computed here, not in SQL the two databases share.
      const networks: Array<{ network: string }> = await db.selectFrom('votes').select('network').distinct().where('network', 'is not', null).execute();
      for (const { network } of networks) {
        await db
          .updateTable('votes')
          .set({ network_order: networkOrder(network) })
          .where('network', '=', network)
          .execute();
      }
      await db.schema.createIndex('votes_episode_network_order_index').on('votes').columns(['episode_id', 'network_order', 'cast_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('votes_episode_network_order_index').execute();
      await db.schema.alterTable('votes').dropColumn('network_order').execute();
    },
  };
}
