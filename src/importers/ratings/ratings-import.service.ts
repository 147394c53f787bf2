/**
 * Bringing a fan's ratings from another site (issue 16): read the export, match its rows to the
 * catalogue, show a preview of what would change, and on confirmation write every row in one
 * transaction by the rules of voting. Nothing is written before the confirmation.
 */
import { nowTimestamp } from '../../db/dialect.js';
import type { Emit } from '../../shared/change-feed.js';
import { AppError, answeredAs, inEnglish, says, type Wording, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../shared/errors.js';
import type { Limit } from '../../shared/rate-limiter.js';
import type { NetworkAllowance } from '../../votes/network-allowance.js';
import type { VoterRef } from '../../votes/votes.repository.js';
import { Pacer } from '../pacer.js';
import { PREVIEW_BASE_BYTES, PREVIEW_BYTES_PER_RATING, PREVIEW_MINUTES, PREVIEW_ROWS_SHOWN } from './limits.js';
import { matchRatings, type MatchedEpisode, type MatchLookups } from './match.js';
import { type BatchOutcome, type ConflictChoice, EpisodeGoneError, type ImportedRating, type RatingBatchRepository } from './rating-batch.repository.js';
import type { Store } from '../../db/store.js';
import { A_SOURCE_NAME, type FileRating, type RatingsFile, type RatingsSource } from './rating-file.js';
import { readRatingsFileOffThread } from './read-off-thread.js';
import { PendingPreviews } from './pending-previews.js';
import { SCALES } from './scales.js';

export type { ConflictChoice } from './rating-batch.repository.js';

/** Who is importing, as the HTTP layer knows them (the same as a vote's ballot). */
export interface Importer {
  voter: VoterRef;
  ip: string;
}

export interface PreviewRow {
  /** Where the row is in the file ("line 12", "entry 3"). */
  position: Wording;
  /** The file's own name for what it rated. */
  label: string;
  /** The rating as the file wrote it, and as Epirank's. */
  fileRating: string;
  rating: number;
  /** The catalogue's episode, for a matched or conflicting row. */
  episode: MatchedEpisode | null;
  /** The fan's rating here now, for a conflicting row (or a matched one that equals it). */
  mine: number | null;
  /** Why an unmatched row found no episode, put into words by the page. */
  reason: Wording | null;
}

export interface RatingsPreview {
  /** Names the kept preview in the confirmation form. */
  id: string;
  fileName: string;
  source: RatingsSource;
  /** What the file is, article included ("an IMDb ratings export"). */
  aSourceName: string;
  /** How the file's ratings became Epirank's (scales.ts). */
  scaleRule: string;
  counts: { matched: number; conflicting: number; unmatched: number; skipped: number };
  /** The first PREVIEW_ROWS_SHOWN rows of each kind. */
  matched: PreviewRow[];
  conflicting: PreviewRow[];
  unmatched: PreviewRow[];
  shownPerKind: number;
  minutes: number;
}

/** An uploaded file, read and checked, before it is matched. */
export interface ReadFile {
  name: string;
  parsed: RatingsFile;
}

interface Kept {
  preview: RatingsPreview;
  ratings: ImportedRating[];
}

/** The preview was made before the catalogue changed under it: nothing was written. */
export class PreviewOutdatedError extends answeredAs(AppError, 409, 'conflict', 'Conflict') {
  override name = 'PreviewOutdatedError';
}

/** The repositories an import writes through; the full store (repositories.ts) satisfies it. */
export type RatingsImportRepositories = { ratingBatches: RatingBatchRepository };

export interface RatingsImportDependencies {
  lookups: MatchLookups;
  /** Where an import's ratings are written, all in one transaction. */
  store: Store<RatingsImportRepositories>;
  /** The fan's current ratings (held ones included) of some episodes. */
  ratingsOf(voterId: string, episodeIds: readonly number[]): Promise<Map<number, number>>;
  voting: 'anyone' | 'accounts';
  blocks: { isBlocked(voterId: string, ip: string): Promise<boolean> };
  allowance: NetworkAllowance;
  /** Previews per network (PREVIEWS_PER_MINUTE_PER_NETWORK), keyed by the client address. */
  previewLimit: Limit;
  /** Told after the commit of the episodes whose numbers or held counts changed, as a vote tells of its one (src/shared/change-feed.ts). */
  emit: Emit;
  clock?: () => Date;
}

/** Episode ids per read of the fan's ratings. */
const RATINGS_BATCH = 300;

export class RatingsImportService {
  private readonly pending: PendingPreviews<Kept>;
  private readonly clock: () => Date;

  constructor(private readonly deps: RatingsImportDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.pending = new PendingPreviews(() => this.clock().getTime());
  }

  /** Reads an uploaded export (within the network's preview limit), off the event loop when it is big (throws RatingsFileError naming each broken row); touches no data. */
  async read(importerIp: string, file: { text: string; name: string }): Promise<ReadFile> {
    const decision = await this.deps.previewLimit.take(importerIp);
    if (!decision.allowed) {
      throw new TooManyRequestsError(
        `Too many ratings files from your network in the last minute. Try again in ${decision.retryAfterSeconds} second${decision.retryAfterSeconds === 1 ? '' : 's'}.`,
        decision.retryAfterSeconds,
      );
    }
    return { name: file.name, parsed: await readRatingsFileOffThread(file.text, file.name) };
  }

  /** Matches a file read by `read` and keeps the result for the fan's confirmation; writes nothing. */
  async preview(importer: Importer, file: ReadFile): Promise<RatingsPreview> {
    await this.checkImporter(importer);
    const { parsed } = file;
    const pacer = new Pacer();
    const matches = await matchRatings(parsed.ratings, this.deps.lookups, pacer);
    const now = nowTimestamp(this.clock);

    // One person rates an episode once: where the file rates one twice (an id and its numbers),
    // the latest rating stands and the other is listed as unmatched, saying why.
    const latest = new Map<number, FileRating>();
    for (const m of matches) {
      if (!m.episode) continue;
      const seen = latest.get(m.episode.episodeId);
      if (!seen || (m.rating.ratedAt ?? '') >= (seen.ratedAt ?? '')) latest.set(m.episode.episodeId, m.rating);
    }
    const mine = await this.ratingsOf(importer.voter.id, [...latest.keys()], pacer);

    const rows = { matched: [] as PreviewRow[], conflicting: [] as PreviewRow[], unmatched: [] as PreviewRow[] };
    const counts = { matched: 0, conflicting: 0, unmatched: 0, skipped: parsed.skipped };
    const ratings: ImportedRating[] = [];
    for (const m of matches) {
      const base = { position: m.rating.position, label: m.rating.label, fileRating: m.rating.fileRating, rating: m.rating.rating };
      let kind: keyof typeof rows;
      let row: PreviewRow;
      if (!m.episode) {
        kind = 'unmatched';
        row = { ...base, episode: null, mine: null, reason: m.reason };
      } else if (latest.get(m.episode.episodeId) !== m.rating) {
        kind = 'unmatched';
        const other = latest.get(m.episode.episodeId)!;
        row = { ...base, episode: null, mine: null, reason: says('errors.ratingsRatedAgain', { position: other.position }) };
      } else {
        const current = mine.get(m.episode.episodeId) ?? null;
        kind = current !== null && current !== m.rating.rating ? 'conflicting' : 'matched';
        row = { ...base, episode: m.episode, mine: current, reason: null };
        ratings.push({
          episodeId: m.episode.episodeId,
          rating: m.rating.rating,
          givenAt: givenAt(m.rating, now),
          label: `${inEnglish(m.rating.position)} (${m.rating.label})`,
        });
      }
      counts[kind]++;
      if (rows[kind].length < PREVIEW_ROWS_SHOWN) rows[kind].push(row);
    }
    const preview: Omit<RatingsPreview, 'id'> = {
      fileName: file.name,
      source: parsed.source,
      aSourceName: A_SOURCE_NAME[parsed.source],
      scaleRule: SCALES[parsed.source].rule,
      counts,
      ...rows,
      shownPerKind: PREVIEW_ROWS_SHOWN,
      minutes: PREVIEW_MINUTES,
    };
    const kept: Kept = { preview: { ...preview, id: '' }, ratings };
    kept.preview.id = this.pending.keep(importer.voter.id, importer.ip, PREVIEW_BASE_BYTES + ratings.length * PREVIEW_BYTES_PER_RATING, kept);
    return kept.preview;
  }

  /** A kept preview of this voter's, or undefined once it has expired, been imported or was never theirs. */
  findPreview(voter: VoterRef | null, id: string): RatingsPreview | undefined {
    return voter ? this.pending.find(voter.id, id)?.preview : undefined;
  }

  /**
   * Writes a kept preview's ratings, all or none. `conflicts` says whether the fan's ratings here
   * or the file's win where they differ.
   */
  async commit(importer: Importer, id: string, conflicts: ConflictChoice): Promise<BatchOutcome> {
    await this.checkImporter(importer);
    const kept = this.pending.find(importer.voter.id, id);
    if (!kept) {
      throw new NotFoundError(
        `This preview is no longer kept (previews wait ${PREVIEW_MINUTES} minutes, on the server that made them). Choose the file again to see a new preview.`,
      );
    }
    try {
      const request = {
        voter: importer.voter,
        ip: importer.ip,
        ratings: kept.ratings,
        conflicts,
        allowance: this.deps.allowance.caps(importer.ip),
        now: nowTimestamp(this.clock),
      };
      const pacer = new Pacer();
      // A first vote by the same voter, committed meanwhile, makes an insert of the import hit the
      // unique index: the whole import runs again from the start and finds that rating (the retry).
      const outcome = await this.deps.store.transact(
        async (tx) => {
          const done = await tx.ratingBatches.write(request, pacer);
          if (done.changed.length > 0) tx.onCommit(() => this.deps.emit({ kind: 'ratings', changes: done.changed }));
          return done;
        },
        { retryUniqueRaces: true },
      );
      this.pending.take(id);
      return outcome;
    } catch (error) {
      if (!(error instanceof EpisodeGoneError)) throw error;
      this.pending.take(id);
      throw new PreviewOutdatedError(
        `Nothing was imported: since the preview, the catalogue lost ${error.labels.length === 1 ? 'the episode' : 'episodes'} of ${error.labels.join(', ')}. Choose the file again to see a new preview.`,
      );
    }
  }

  /** The rules of voting: who may vote here at all. */
  private async checkImporter(importer: Importer): Promise<void> {
    if (this.deps.voting === 'accounts' && importer.voter.kind !== 'account') {
      throw new ForbiddenError(
        'Only signed-in fans can rate episodes on this site, so only they can import ratings. Sign in or create an account at /account/sign-in.',
      );
    }
    if (await this.deps.blocks.isBlocked(importer.voter.id, importer.ip)) {
      throw new ForbiddenError('Ratings from this voter or network are not accepted here. Contact the site’s moderators if this is a mistake.');
    }
  }

  private async ratingsOf(voterId: string, episodeIds: readonly number[], pacer: Pacer): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    for (let i = 0; i < episodeIds.length; i += RATINGS_BATCH) {
      for (const [id, rating] of await this.deps.ratingsOf(voterId, episodeIds.slice(i, i + RATINGS_BATCH))) found.set(id, rating);
      await pacer.done(RATINGS_BATCH);
    }
    return found;
  }
}

/**
 * When the fan gave a rating, as their file says: kept for their own list and export. A date still
 * to come says nothing true about that, so such a rating is dated by its import like one given here.
 */
function givenAt(rating: FileRating, now: string): string | null {
  return rating.ratedAt !== null && rating.ratedAt <= now ? rating.ratedAt : null;
}
