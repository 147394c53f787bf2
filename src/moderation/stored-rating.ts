/**
 * What a counted rating (`votes`) and a held one (`held_ratings`) both store, as moderation reads
 * them: the bulk actions and the held list name the same columns the same way.
 */
import type { Selectable } from 'kysely';
import type { VoterKind, VotesTable } from '../db/schema.js';

export interface StoredRating {
  id: number;
  episodeId: number;
  voterId: string;
  voterKind: VoterKind;
  rating: number;
  ip: string | null;
  network: string | null;
  updatedAt: string;
}

/** The shared columns of a `votes` or `held_ratings` row (they have the same types) in their code names. */
export function storedRatingOf(
  r: Pick<Selectable<VotesTable>, 'id' | 'episode_id' | 'voter_id' | 'voter_kind' | 'rating' | 'ip' | 'network' | 'updated_at'>,
): StoredRating {
  return {
    id: r.id,
    episodeId: r.episode_id,
    voterId: r.voter_id,
    voterKind: r.voter_kind,
    rating: r.rating,
    ip: r.ip,
    network: r.network,
    updatedAt: r.updated_at,
  };
}
