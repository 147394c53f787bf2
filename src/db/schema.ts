/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings and dates are `YYYY-MM-DD`
 * strings on both databases, so values round-trip identically and sort as text.
 */
import type { Generated, Selectable } from 'kysely';

export interface Database {
  shows: ShowsTable;
  seasons: SeasonsTable;
  episodes: EpisodesTable;
  episode_directors: EpisodeDirectorsTable;
  episode_watch_links: EpisodeWatchLinksTable;
  episode_tallies: EpisodeTalliesTable;
  votes: VotesTable;
  app_settings: AppSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  vote_blocks: VoteBlocksTable;
  show_figures: ShowFiguresTable;
  season_figures: SeasonFiguresTable;
  held_ratings: HeldRatingsTable;
  moderation_flags: ModerationFlagsTable;
  top_episodes: TopEpisodesTable;
  show_external_ids: ShowExternalIdsTable;
  episode_external_ids: EpisodeExternalIdsTable;
  ranking_snapshot_days: RankingSnapshotDaysTable;
  ranking_snapshots: RankingSnapshotsTable;
  account_tokens: AccountTokensTable;
  user_identities: UserIdentitiesTable;
  api_tokens: ApiTokensTable;
  spent_challenges: SpentChallengesTable;
  show_titles: ShowTitlesTable;
  episode_titles: EpisodeTitlesTable;
}

export interface ShowsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  synopsis: string;
  network: string | null;
  status: string | null;
  /** When the catalogue entry last changed, as a `YYYY-MM-DD` date shown to fans. */
  last_updated: string | null;
  created_at: string;
  updated_at: string;
}

export interface SeasonsTable {
  id: Generated<number>;
  show_id: number;
  number: number;
  created_at: string;
}

export interface EpisodesTable {
  id: Generated<number>;
  season_id: number;
  number: number;
  /** Unknown titles are NULL and shown as "Episode N". */
  title: string | null;
  air_date: string | null;
  synopsis: string | null;
  created_at: string;
  updated_at: string;
}

export interface EpisodeDirectorsTable {
  episode_id: number;
  position: number;
  name: string;
}

export interface EpisodeWatchLinksTable {
  episode_id: number;
  position: number;
  provider: string;
  url: string;
  /** Where the link works: ISO 3166-1 codes joined by commas ("JP,US"); '' for everywhere (migration 0026). */
  countries: Generated<string>;
}

/**
 * Per-episode vote aggregates (see docs/ranking.md). `vote_*` and `rated_*` count the votes
 * cast on this site and change in the same transaction as each vote; `baseline_*` is a tally
 * imported from elsewhere whose histogram is unknown. A missing row means "no votes at all".
 */
export interface EpisodeTalliesTable {
  episode_id: number;
  vote_count: Generated<number>;
  vote_sum: Generated<number>;
  vote_sum_sq: Generated<number>;
  rated_1: Generated<number>;
  rated_2: Generated<number>;
  rated_3: Generated<number>;
  rated_4: Generated<number>;
  rated_5: Generated<number>;
  rated_6: Generated<number>;
  rated_7: Generated<number>;
  rated_8: Generated<number>;
  rated_9: Generated<number>;
  rated_10: Generated<number>;
  baseline_count: Generated<number>;
  baseline_sum: Generated<number>;
}

export type VoterKind = 'anonymous' | 'account';

/**
 * The columns a counted rating (`votes`) and a held one (`held_ratings`) share, with the same types:
 * releasing a held rating moves these into `votes` (stored-rating.ts reads them alike).
 */
export interface StoredRatingColumns {
  id: Generated<number>;
  episode_id: number;
  voter_id: string;
  voter_kind: VoterKind;
  rating: number;
  /** The voter's address when they last rated, for moderation. */
  ip: string | null;
  /** What the per-network rule counts against: the IPv4 address or the IPv6 /64 (migration 0009). */
  network: string | null;
  updated_at: string;
  /** When the fan gave a rating they imported from another site, as their file says; null when given here (migration 0022). */
  given_at: Generated<string | null>;
}

/** One voter's current rating of one episode; rating again replaces it, withdrawing deletes it. */
export interface VotesTable extends StoredRatingColumns {
  /** When this voter first rated this episode. */
  cast_at: string;
  /** Set by the server when an import wrote this rating (the file's own times may say anything). */
  imported_at: string | null;
  /** `network` as sortable hex, so a wider network is a range of it (`networkOrder`, migration 0017). */
  network_order: string | null;
}

export type HoldReason = 'network-limit' | 'moderator';

/** A rating recorded but not counted until a moderator releases it (migration 0009). */
export interface HeldRatingsTable extends StoredRatingColumns {
  reason: HoldReason;
  held_at: string;
}

export type FlagKind = 'burst' | 'steady' | 'extreme';
export type FlagStatus = 'open' | 'dismissed' | 'resolved';

/** A scheduled check's finding about one episode's votes in a window (migration 0009). */
export interface ModerationFlagsTable {
  id: Generated<number>;
  episode_id: number;
  kind: FlagKind;
  window_start: string;
  window_end: string;
  raised_at: string;
  checked_at: string;
  reason: string;
  status: Generated<FlagStatus>;
  closed_by: string | null;
  closed_at: string | null;
}

export interface AppSettingsTable {
  key: string;
  value: string;
}

export type Role = 'admin' | 'editor' | 'fan';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Generated<Role>;
  /** Random and unique: the name this account's ratings are exported under (see shared/public-id.ts). */
  public_id: string | null;
  created_at: string;
  updated_at: string;
  /** When the owner proved the address by following a mailed link; null until then (migration 0018). */
  email_verified_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  /** The anonymous voter whose ratings await the fan's yes or no (migration 0020); null: none. */
  pending_voter_id: string | null;
}

/** What a mailed single-use link does (migration 0018). */
export type AccountTokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

export interface AccountTokensTable {
  /** SHA-256 of the token in the link, hex. */
  id: string;
  user_id: number;
  purpose: AccountTokenPurpose;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An OpenID Connect identity that signs in to an account (migration 0018). */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: number;
  created_at: string;
}

/** A fan's personal API token; only the hash of its secret is kept (migration 0018). */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

/** A proof-of-work challenge whose solution was accepted, kept until it expires (migration 0019). */
export interface SpentChallengesTable {
  id: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  actor_email: string;
  action: string;
  subject: string;
  before_json: string | null;
  after_json: string | null;
  created_at: string;
}

export interface VoteBlocksTable {
  id: Generated<number>;
  kind: 'voter' | 'ip';
  value: string;
  created_by: string;
  created_at: string;
}

/**
 * What list pages need per show, kept by database triggers (migration 0007) in the transaction of
 * every change. Counts and sums include baselines. `best_episode_id` is refreshed after commit and
 * may lag; `best_changes` is the `tally_changes` it was computed at (NULL: never computed).
 */
export interface ShowFiguresTable {
  show_id: number;
  episode_count: Generated<number>;
  rated_episode_count: Generated<number>;
  vote_count: Generated<number>;
  vote_sum: Generated<number>;
  /** When a vote on the show was last cast or changed (an imported one: when it arrived). */
  last_vote_at: string | null;
  tally_changes: Generated<number>;
  best_episode_id: number | null;
  best_changes: number | null;
  /** The `tally_changes` this show's `top_episodes` rows were computed at (NULL: never; migration 0011). */
  top_changes: number | null;
  /** The year of the show's earliest episode air date, kept by triggers (migration 0011). */
  first_air_year: number | null;
}

/** Per-season counts and totals, kept like `show_figures`. */
export interface SeasonFiguresTable {
  season_id: number;
  show_id: number;
  episode_count: Generated<number>;
  rated_episode_count: Generated<number>;
  vote_count: Generated<number>;
  vote_sum: Generated<number>;
}

/**
 * One episode on the site-wide lists (migration 0011): those with at least TOP_MIN_VOTES votes,
 * with their fan score as the refresher last computed it (src/ranking/top-episodes.refresher.ts).
 */
export interface TopEpisodesTable {
  episode_id: number;
  show_id: number;
  network: string | null;
  air_year: number | null;
  vote_count: number;
  vote_sum: number;
  show_vote_count: number;
  show_vote_sum: number;
  score: number;
  average: number;
  divisiveness: number | null;
  /** The show's tally_changes this row was computed at (migration 0014). */
  computed_changes: number;
}

export type ShowRow = Selectable<ShowsTable>;

/** The ten histogram columns, in rating order (index 0 holds the 1s). */
export const HISTOGRAM_COLUMNS = ['rated_1', 'rated_2', 'rated_3', 'rated_4', 'rated_5', 'rated_6', 'rated_7', 'rated_8', 'rated_9', 'rated_10'] as const;

/** The sites whose ids a show or an episode may carry (migration 0012). */
export const EXTERNAL_ID_SOURCES = ['imdb', 'tvdb', 'tmdb', 'tvmaze'] as const;
export type ExternalIdSource = (typeof EXTERNAL_ID_SOURCES)[number];

export interface ShowExternalIdsTable {
  show_id: number;
  source: ExternalIdSource;
  external_id: string;
}

export interface EpisodeExternalIdsTable {
  episode_id: number;
  source: ExternalIdSource;
  external_id: string;
}

/** A day a snapshot was taken (or is being taken: `finished_at` null); migration 0013. */
export interface RankingSnapshotDaysTable {
  day: string;
  started_at: string;
  finished_at: string | null;
}

/** A show's ranking on a day it changed, packed (src/ranking/snapshots/snapshot-encoding.ts). */
export interface RankingSnapshotsTable {
  show_id: number;
  day: string;
  ranking: Uint8Array;
}

/** A show's or an episode's title besides the listed one (migration 0025; rules in src/catalog/alternate-titles.ts). */
interface AlternateTitleColumns {
  /** Order as the catalogue gives them, from 0. */
  position: number;
  /** BCP 47: `ja`, `ja-Latn`, `en`. */
  language: string;
  title: string;
  /** 1 for the title it first aired under (at most one per record), else 0. */
  original: number;
}

export interface ShowTitlesTable extends AlternateTitleColumns {
  show_id: number;
}

export interface EpisodeTitlesTable extends AlternateTitleColumns {
  episode_id: number;
}
