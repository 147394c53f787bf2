/**
 * What a counted rating (`votes`) and a held one (`held_ratings`) both store, as moderation reads
 * them: the bulk actions, the held list and an episode's votes by arrival name the same columns the
 * same way.
 */
import type { Selectable } from 'kysely';
import type { StoredRatingColumns, VoterKind } from '../db/schema.js';

export interface StoredRating {
  id: number;
  episodeId: number;
  voterId: string;
  voterKind: VoterKind;
  rating: number;
  ip: string | null;
  /** The network the rating counts against; a keyed hash once the address is forgotten (address-retention.ts). */
  network: string | null;
  updatedAt: string;
  /** When the fan gave it on the site they imported it from (migration 0022); kept when it moves between tables. */
  givenAt: string | null;
}

/** The shared columns of a `votes` or `held_ratings` row in their code names. */
export function storedRatingOf(r: Selectable<StoredRatingColumns>): StoredRating {
  return {
    id: r.id,
    episodeId: r.episode_id,
    voterId: r.voter_id,
    voterKind: r.voter_kind,
    rating: r.rating,
    ip: r.ip,
    network: r.network,
    updatedAt: r.updated_at,
    givenAt: r.given_at,
  };
}
