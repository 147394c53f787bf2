/**
 * SQL for an operator's answer to one person's data request (data-requests.service.ts): every row
 * stored about one account, read for the export. Only this person's rows: each query names the
 * account's id or its voter id.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { episodesInPlace } from '../catalog/episode-place.js';

/** Everything stored about one account, as the export writes it (no password hash, no token secret). */
export interface PersonalData {
  account: {
    id: number;
    email: string;
    displayName: string;
    role: string;
    publicId: string | null;
    emailVerifiedAt: string | null;
    createdAt: string;
    updatedAt: string;
  };
  sessions: Array<{ createdAt: string; expiresAt: string }>;
  ratings: Array<RatedEpisode & { castAt: string; updatedAt: string; importedAt: string | null; address: string | null }>;
  heldRatings: Array<RatedEpisode & { reason: string; heldAt: string; updatedAt: string; address: string | null }>;
  apiTokens: Array<{ name: string; createdAt: string; lastUsedAt: string | null }>;
  identities: Array<{ issuer: string; subject: string; createdAt: string }>;
  mailedLinks: Array<{ purpose: string; newEmail: string | null; createdAt: string; expiresAt: string; usedAt: string | null }>;
  auditEntries: Array<{ action: string; subject: string; before: unknown; after: unknown; createdAt: string }>;
}

interface RatedEpisode {
  show: string;
  season: number;
  episode: number;
  title: string | null;
  rating: number;
  /** When the fan gave it, for a rating imported from another site (its file's date); null for one given here. */
  givenAt: string | null;
}

/** What names a rating's episode and score in the export, `r` being a `votes` or a `held_ratings` row joined onto the episode. */
const RATED_EPISODE = ['sh.title as show', 'se.number as season', 'e.number as episode', 'e.title', 'r.rating', 'r.given_at', 'r.updated_at', 'r.ip'] as const;

function ratedEpisode(r: Omit<RatedEpisode, 'givenAt'> & { given_at: string | null }): RatedEpisode {
  return { show: r.show, season: r.season, episode: r.episode, title: r.title, rating: r.rating, givenAt: r.given_at };
}

export class DataRequestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The account's id by its e-mail address (stored lower-case), or null. */
  async accountIdOf(email: string): Promise<number | null> {
    const row = await this.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row?.id ?? null;
  }

  /** Everything stored about the account `userId`, whose ratings are cast as `voterId`; null when it does not exist. */
  async personalData(userId: number, voterId: string): Promise<PersonalData | null> {
    const user = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) return null;
    const [sessions, ratings, held, apiTokens, identities, mailedLinks, audit] = await Promise.all([
      this.db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
      episodesInPlace(this.db)
        .innerJoin('votes as r', 'r.episode_id', 'e.id')
        .where('r.voter_id', '=', voterId)
        .orderBy('sh.title')
        .orderBy('se.number')
        .orderBy('e.number')
        .select([...RATED_EPISODE, 'r.cast_at', 'r.imported_at'])
        .execute(),
      episodesInPlace(this.db)
        .innerJoin('held_ratings as r', 'r.episode_id', 'e.id')
        .where('r.voter_id', '=', voterId)
        .select([...RATED_EPISODE, 'r.reason', 'r.held_at'])
        .orderBy('r.id')
        .execute(),
      this.db.selectFrom('api_tokens').select(['name', 'created_at', 'last_used_at']).where('user_id', '=', userId).orderBy('id').execute(),
      this.db.selectFrom('user_identities').select(['issuer', 'subject', 'created_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
      this.db
        .selectFrom('account_tokens')
        .select(['purpose', 'new_email', 'created_at', 'expires_at', 'used_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute(),
      this.db
        .selectFrom('audit_log')
        .select(['action', 'subject', 'before_json', 'after_json', 'created_at'])
        .where('actor_user_id', '=', userId)
        .orderBy('id')
        .execute(),
    ]);
    const parsed = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
    return {
      account: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        publicId: user.public_id,
        emailVerifiedAt: user.email_verified_at,
        createdAt: user.created_at,
        updatedAt: user.updated_at,
      },
      sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
      ratings: ratings.map((r) => ({
        ...ratedEpisode(r),
        castAt: r.cast_at,
        updatedAt: r.updated_at,
        importedAt: r.imported_at,
        address: r.ip,
      })),
      heldRatings: held.map((r) => ({
        ...ratedEpisode(r),
        reason: r.reason,
        heldAt: r.held_at,
        updatedAt: r.updated_at,
        address: r.ip,
      })),
      apiTokens: apiTokens.map((t) => ({ name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at })),
      identities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject, createdAt: i.created_at })),
      mailedLinks: mailedLinks.map((t) => ({ purpose: t.purpose, newEmail: t.new_email, createdAt: t.created_at, expiresAt: t.expires_at, usedAt: t.used_at })),
      auditEntries: audit.map((a) => ({
        action: a.action,
        subject: a.subject,
        before: parsed(a.before_json),
        after: parsed(a.after_json),
        createdAt: a.created_at,
      })),
    };
  }
}
