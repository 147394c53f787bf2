/**
 * The check every kill, outage and cluster test ends with: each vote a server acknowledged is stored
 * as it was sent, and every episode's tally equals a recount of its votes. The tests' servers vote
 * on one season only, so a voter and an episode's number name a vote.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { storeOf } from '../../src/repositories.js';
import { TallyAudit, type TallyMismatch } from '../../src/votes/tally-audit.js';

export interface AcknowledgedVote {
  voterId: string;
  episode: number;
  rating: number;
}

/**
 * `missing`: the acknowledged votes not stored with the rating sent; `mismatches`: the tallies that
 * differ from a recount; `stored`: how many votes the database holds.
 */
export async function checkVotesKept(
  db: Kysely<Database>,
  acknowledged: Iterable<AcknowledgedVote>,
): Promise<{ missing: AcknowledgedVote[]; mismatches: TallyMismatch[]; stored: number }> {
  const rows = await db.selectFrom('votes as v').innerJoin('episodes as e', 'e.id', 'v.episode_id').select(['v.voter_id', 'e.number', 'v.rating']).execute();
  const stored = new Map(rows.map((r) => [`${r.voter_id}/${r.number}`, r.rating]));
  const missing = [...acknowledged].filter((a) => stored.get(`${a.voterId}/${a.episode}`) !== a.rating);
  return { missing, mismatches: await new TallyAudit(storeOf(db)).check(), stored: rows.length };
}
