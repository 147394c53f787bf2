/**
 * SQL for forgetting client addresses (address-retention.ts): the next rows whose address was
 * last written before a time, read through the partial indexes of migration 0021 (rows whose
 * `ip` is still kept), and rewriting them with the address gone and the network hashed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The tables that keep a client's address with a rating. */
export type AddressTable = 'votes' | 'held_ratings';

export interface KeptAddress {
  id: number;
  network: string | null;
}

export class AddressRetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Up to `limit` rows of `table` still keeping an address last written before `before`, oldest
   * first. A counted rating is also never forgotten while it was first counted after `before`:
   * the per-network rule counts it by that time.
   */
  async keptBefore(table: AddressTable, before: string, limit: number): Promise<KeptAddress[]> {
    let query = this.db.selectFrom(table).select(['id', 'network']).where('ip', 'is not', null).where('updated_at', '<', before);
    if (table === 'votes') query = query.where('cast_at', '<', before);
    return query.orderBy('updated_at').orderBy('id').limit(limit).execute();
  }

  /** Clears the address of these rows and sets their network to `hashed` (one network's rows). */
  async forget(table: AddressTable, ids: readonly number[], hashed: string | null): Promise<void> {
    if (ids.length === 0) return;
    if (table === 'votes') {
      await this.db.updateTable('votes').set({ ip: null, network: hashed, network_order: null }).where('id', 'in', ids).execute();
    } else {
      await this.db.updateTable('held_ratings').set({ ip: null, network: hashed }).where('id', 'in', ids).execute();
    }
  }
}
