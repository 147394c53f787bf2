/**
 * The per-network rule's SQL (network-allowance.ts): which episodes a voter's networks have
 * already given their allowance of counted ratings within the window. One query counts every
 * level at once: the levels are nested, so the widest one's range of `votes.network_order` bounds
 * what the index (episode_id, network_order, cast_at) reads, and each level's count is a sum over
 * the rows inside its own range. Used by a single vote and by a ratings import alike.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { networkWindowStart, type NetworkCap } from './network-allowance.js';

/**
 * The episodes of `episodeIds` in which some network of `caps` has given its allowance within
 * the window ending `now`. The caller takes the tallies' locks first where it needs them.
 */
export async function fullEpisodes(db: Kysely<Database>, episodeIds: readonly number[], caps: readonly NetworkCap[], now: string): Promise<Set<number>> {
  if (episodeIds.length === 0 || caps.length === 0) return new Set();
  // Text order is the networks' order (networkOrder): the first start and the last end bound them all.
  const from = caps.map((cap) => cap.from).sort()[0]!;
  const to = caps
    .map((cap) => cap.to)
    .sort()
    .at(-1)!;
  const rows = await db
    .selectFrom('votes')
    .select('episode_id')
    .select(caps.map((cap, i) => sql<number>`sum(case when network_order between ${cap.from} and ${cap.to} then 1 else 0 end)`.as(`level${i}`)))
    .where('episode_id', 'in', episodeIds)
    .where('network_order', '>=', from)
    .where('network_order', '<=', to)
    .where('cast_at', '>=', networkWindowStart(now))
    .groupBy('episode_id')
    .execute();
  const full = new Set<number>();
  for (const row of rows as Array<Record<string, number | string>>) {
    if (caps.some((cap, i) => Number(row[`level${i}`]) >= cap.ratings)) full.add(Number(row.episode_id));
  }
  return full;
}

/** A bare number as the allowance of the base network alone (`network_order` of `network`), as callers before issue 24 gave it. */
export function baseNetworkCaps(networkOrder: string | null, allowance: number): NetworkCap[] {
  return allowance > 0 && networkOrder !== null ? [{ from: networkOrder, to: networkOrder, ratings: allowance }] : [];
}
