/**
 * Writes a validated catalogue file: shows, seasons and episodes created or updated, their ids on
 * other sites replaced, baselines set, and individual ratings written and recounted, all in one
 * transaction.
 */
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import type { StoredEpisode } from '../catalog/catalog.types.js';
import { EXTERNAL_ID_RULES, sameExternalIds, withExternalIdChanges, type ExternalIdChanges, type ExternalIds } from '../catalog/external-ids.js';
import type { ExternalIdOwner, ExternalIdsRepository } from '../catalog/external-ids.repository.js';
import { watchLinkKey } from '../catalog/watch-links.js';
import { type AlternateTitle, sameAlternateTitles } from '../catalog/alternate-titles.js';
import type { AlternateTitlesRepository } from '../catalog/alternate-titles.repository.js';
import { isUniqueViolation, nowTimestamp } from '../db/dialect.js';
import type { Store, Transactor } from '../db/store.js';
import { ForbiddenError } from '../shared/errors.js';
import type { TalliesRepository } from '../votes/tallies.repository.js';
import type { TallyRecountRepository } from '../votes/tally-recount.repository.js';
import type { VotesRepository } from '../votes/votes.repository.js';
import { CatalogFormatError, type CatalogEpisode, type CatalogFile, type CatalogShow } from './catalog-format.js';
import { publicIdsIn, storedVoter } from './exported-voters.js';
import { DEFAULT_SLICE, Pacer, type SliceLimits } from './pacer.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** One individual rating an import wrote: who, on which episode, from what to what. */
export interface RatingChange {
  /** The voter as stored here (`a:…`, `u:<account>`, or `p:<public id>` for an account not here). */
  voter: string;
  /** `show-slug S1E2`. */
  episode: string;
  /** The rating before the import; null when the voter had none. */
  before: number | null;
  after: number;
}

export interface ImportSummary {
  shows: Counts;
  seasons: Counts;
  episodes: Counts;
  /** Individual ratings written or changed. */
  ratings: number;
  /** Each of those ratings, for the import's audit entry. */
  ratingChanges: RatingChange[];
  dryRun: boolean;
}

/** The repositories an import writes through, bound to its one transaction. */
export interface CatalogImportRepositories {
  catalog: CatalogRepository;
  externalIds: ExternalIdsRepository;
  alternateTitles: AlternateTitlesRepository;
  tallies: TalliesRepository;
  votes: VotesRepository;
  recount: TallyRecountRepository;
}

export interface ImportOptions<R extends CatalogImportRepositories = CatalogImportRepositories> {
  /** Report what would change, then roll everything back. */
  dryRun?: boolean;
  /** Called after each episode, for progress on large files. */
  onEpisode?: (done: number, total: number) => void;
  /**
   * Runs inside the import's transaction once everything is applied (not on a dry run): an audit
   * record, say, or `tx.onCommit()` for what must wait until the import is committed.
   */
  beforeCommit?: (tx: Transactor<R>, summary: ImportSummary) => Promise<void>;
  /** When the ratings were imported; the catalogue's own times come from the store's clock. */
  clock?: () => Date;
  /**
   * Individual ratings are an admin's act (the CLI counts as one): without this, a file that
   * carries any is refused before anything is written, a dry run included.
   */
  allowRatings?: boolean;
  /** How much work runs between turns of the event loop; tests make the slice small. */
  slice?: SliceLimits;
  /** The file's name, for problems found while applying it (an id another record holds). */
  source?: string;
}

/** A file with individual ratings from someone who may not import them. */
export class RatingsNotAllowedError extends ForbiddenError {
  override name = 'RatingsNotAllowedError';
}

/** How many individual ratings a file carries. */
export function countRatings(file: CatalogFile): number {
  let n = 0;
  for (const show of file.shows) for (const season of show.seasons) for (const episode of season.episodes) n += episode.ratings?.length ?? 0;
  return n;
}

// Ratings are read and written this many at a time: one query finds the stored ones, and the
// list stays far below either database's limit on query parameters.
const RATING_BATCH = 500;

const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/** Thrown inside the transaction of a dry run so that nothing it did is kept. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Applies a validated catalogue file in one transaction: every record lands, or none does.
 * Records match on stable keys (show slug, season number, episode number), so importing the
 * same file again changes nothing. Nothing absent from the file is deleted. The work yields to
 * the event loop between slices (see pacer.ts), so requests are served while a big file imports.
 */
export async function importCatalog<R extends CatalogImportRepositories>(
  store: Store<R>,
  file: CatalogFile,
  options: ImportOptions<R> = {},
): Promise<ImportSummary> {
  const ratingCount = countRatings(file);
  if (ratingCount > 0 && !options.allowRatings) {
    throw new RatingsNotAllowedError(
      `Only admins may import individual ratings, and this file carries ${ratingCount}. ` +
        'Nothing was imported: remove the "ratings" lists from the file, or ask an admin to import it.',
    );
  }
  const total = file.shows.reduce((n, s) => n + s.seasons.reduce((m, season) => m + season.episodes.length, 0), 0);
  const pacer = new Pacer(options.slice ?? DEFAULT_SLICE);
  const importedAt = nowTimestamp(options.clock);
  try {
    // A deadlock with votes on PostgreSQL (the import holds tally locks to its end) is retried whole.
    return await store.transact(async (tx) => {
      const summary: ImportSummary = { shows: counts(), seasons: counts(), episodes: counts(), ratings: 0, ratingChanges: [], dryRun: !!options.dryRun };
      let done = 0;
      const catalog = tx.catalog;
      const ids = new IdWriter(tx.externalIds, options.source ?? 'the catalogue');
      const rated: number[] = [];
      for (const [s, show] of file.shows.entries()) {
        const showId = await upsertShow(catalog, show, summary, async (id) => {
          const idsChanged = show.ids ? await ids.applyToShow(id, show.ids, `/shows/${s}`, `show "${show.slug}"`) : false;
          return (await applyShowTitles(tx.alternateTitles, id, show)) || idsChanged;
        });
        const seasons = new Map((await catalog.listSeasons(showId)).map((s) => [s.number, s.id]));
        for (const [n, season] of show.seasons.entries()) {
          let seasonId = seasons.get(season.number);
          if (seasonId === undefined) {
            seasonId = await catalog.insertSeason(showId, season.number);
            summary.seasons.created++;
          } else {
            summary.seasons.unchanged++;
          }
          const existing = new Map((await catalog.episodesOfSeason(seasonId)).map((e) => [e.number, e]));
          // Only a season whose file gives ids pays for reading the stored ones: one query per batch.
          const storedIds = season.episodes.some((e) => e.ids) ? await ids.storedForEpisodes([...existing.values()].map((e) => e.id)) : new Map();
          // Likewise the stored titles, for a season whose file gives any.
          const storedTitles = season.episodes.some((e) => e.titles)
            ? await tx.alternateTitles.titlesOfEpisodes([...existing.values()].map((e) => e.id))
            : new Map();
          for (const [e, episode] of season.episodes.entries()) {
            const label = `${show.slug} S${season.number}E${episode.number}`;
            const at = `/shows/${s}/seasons/${n}/episodes/${e}`;
            const idsOf = { writer: ids, stored: storedIds, at };
            const titles = { stored: storedTitles };
            await upsertEpisode(tx, seasonId, episode, existing.get(episode.number), summary, { label, importedAt, pacer, rated, ids: idsOf, titles });
            options.onEpisode?.(++done, total);
            await pacer.done();
          }
        }
      }
      // Once, at the end: the recount locks every tally it rewrites before writing any, in the
      // order every other recount locks them, so the import and a concurrent one cannot deadlock.
      await tx.recount.recountEpisodes(rated, () => pacer.done());
      // Every clash is named, then the whole import is rolled back, a dry run's included.
      if (ids.problems.length > 0) throw new CatalogFormatError(ids.source, ids.problems.slice(0, 50));
      if (options.dryRun) throw new DryRunRollback(summary);
      await options.beforeCommit?.(tx, summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

/** Replaces the show's alternate titles when the file gives them, saying whether they changed. */
async function applyShowTitles(repository: AlternateTitlesRepository, showId: number, show: CatalogShow): Promise<boolean> {
  if (!show.titles) return false;
  const stored = (await repository.titlesOfShows([showId])).get(showId)!;
  if (sameAlternateTitles(stored, show.titles)) return false;
  await repository.replaceShowTitles(showId, show.titles);
  return true;
}

/** `applyIds` replaces the show's ids and alternate titles, saying whether they changed. */
async function upsertShow(
  catalog: CatalogRepository,
  show: CatalogShow,
  summary: ImportSummary,
  applyIds: (showId: number) => Promise<boolean>,
): Promise<number> {
  const existing = await catalog.findShowBySlug(show.slug);
  const fields = {
    title: show.title,
    synopsis: show.synopsis,
    network: show.network,
    status: show.status,
    lastUpdated: show.lastUpdated,
  };
  if (!existing) {
    summary.shows.created++;
    const id = await catalog.insertShow({ slug: show.slug, ...fields });
    await applyIds(id);
    return id;
  }
  const same =
    existing.title === fields.title &&
    existing.synopsis === fields.synopsis &&
    existing.network === fields.network &&
    existing.status === fields.status &&
    existing.lastUpdated === fields.lastUpdated;
  if (!same) await catalog.updateShow(existing.id, fields);
  const idsChanged = await applyIds(existing.id);
  if (same && !idsChanged) summary.shows.unchanged++;
  else summary.shows.updated++;
  return existing.id;
}

/**
 * Replaces records' ids, checking first that no other record holds any of them: a clash is
 * collected as a problem naming both records (the file's, by its path, and the stored one) and
 * nothing of that set is written, so the unique index never fails mid-transaction (on PostgreSQL a
 * failed statement would end the transaction) and every clash in the file is reported at once.
 */
class IdWriter {
  readonly problems: string[] = [];

  constructor(
    private readonly repository: ExternalIdsRepository,
    readonly source: string,
  ) {}

  storedForEpisodes(episodeIds: number[]): Promise<Map<number, ExternalIds>> {
    return this.repository.idsOfEpisodes(episodeIds);
  }

  /** Whether the show's ids changed. */
  async applyToShow(showId: number, changes: ExternalIdChanges, at: string, name: string): Promise<boolean> {
    const stored = (await this.repository.idsOfShows([showId])).get(showId)!;
    const ids = withExternalIdChanges(stored, changes);
    if (sameExternalIds(stored, ids)) return false;
    if (this.clashes(await this.repository.otherShowsHolding(showId, ids), at, name, 'show')) return false;
    await this.repository.replaceShowIds(showId, ids).catch(this.takenMeanwhile(at));
    return true;
  }

  /** Whether the episode's ids changed; `stored` is what it holds now ({} for a new episode). */
  async applyToEpisode(episodeId: number, stored: ExternalIds, changes: ExternalIdChanges, at: string, name: string): Promise<boolean> {
    const ids = withExternalIdChanges(stored, changes);
    if (sameExternalIds(stored, ids)) return false;
    if (this.clashes(await this.repository.otherEpisodesHolding(episodeId, ids), at, name, 'episode')) return false;
    await this.repository.replaceEpisodeIds(episodeId, ids).catch(this.takenMeanwhile(at));
    return true;
  }

  /** Another transaction committed one of these ids after the check (PostgreSQL): refused like a clash, less precisely. */
  private takenMeanwhile(at: string) {
    return (error: unknown) => {
      if (isUniqueViolation(error))
        throw new CatalogFormatError(this.source, [`${at}/ids: another edit took one of these ids while importing; nothing was imported, try again`]);
      throw error;
    };
  }

  private clashes(owners: ExternalIdOwner[], at: string, name: string, kind: 'show' | 'episode'): boolean {
    for (const o of owners) {
      this.problems.push(
        `${at}/ids/${o.source}: ${name} cannot take ${EXTERNAL_ID_RULES[o.source].label} id "${o.externalId}": it belongs to ${kind} ${kind === 'show' ? `"${o.label}"` : o.label} already`,
      );
    }
    return owners.length > 0;
  }
}

const sameList = <T>(a: T[], b: T[], key: (x: T) => string) => a.length === b.length && a.every((x, i) => key(x) === key(b[i]!));

async function upsertEpisode(
  { catalog, tallies, votes, alternateTitles }: CatalogImportRepositories,
  seasonId: number,
  episode: CatalogEpisode,
  stored: StoredEpisode | undefined,
  summary: ImportSummary,
  context: {
    label: string;
    importedAt: string;
    pacer: Pacer;
    rated: number[];
    ids: { writer: IdWriter; stored: Map<number, ExternalIds>; at: string };
    titles: { stored: Map<number, AlternateTitle[]> };
  },
): Promise<void> {
  let episodeId: number;
  let changed = false;
  if (!stored) {
    episodeId = await catalog.insertEpisode({ seasonId, ...episode });
    if (episode.baseline) await tallies.setBaseline(episodeId, episode.baseline);
    summary.episodes.created++;
  } else {
    episodeId = stored.id;
    if (stored.title !== episode.title || stored.airDate !== episode.airDate || stored.synopsis !== episode.synopsis) {
      await catalog.updateEpisode(episodeId, episode);
      changed = true;
    }
    const sameDetails = sameList(stored.directors, episode.directors, (d) => d) && sameList(stored.watchLinks, episode.watchLinks, watchLinkKey);
    if (!sameDetails) {
      await catalog.replaceEpisodeDetails(episodeId, { directors: episode.directors, watchLinks: episode.watchLinks });
      changed = true;
    }
    const wanted = episode.baseline ?? { count: 0, sum: 0 };
    const current = stored.baseline ?? { count: 0, sum: 0 };
    if (wanted.count !== current.count || wanted.sum !== current.sum) {
      await tallies.setBaseline(episodeId, wanted);
      changed = true;
    }
  }
  if (episode.titles && !sameAlternateTitles(context.titles.stored.get(episodeId) ?? [], episode.titles)) {
    await alternateTitles.replaceEpisodeTitles(episodeId, episode.titles);
    if (stored) changed = true;
  }
  if (episode.ids) {
    const stored = context.ids.stored.get(episodeId) ?? {};
    if (await context.ids.writer.applyToEpisode(episodeId, stored, episode.ids, context.ids.at, `episode ${context.label}`)) changed = true;
  }
  if (episode.ratings && episode.ratings.length > 0) {
    let written = 0;
    for (let i = 0; i < episode.ratings.length; i += RATING_BATCH) {
      const batch = episode.ratings.slice(i, i + RATING_BATCH);
      const accounts = await votes.accountsByPublicId(publicIdsIn(batch.map((r) => r.voter)));
      const ratings = batch.map((r) => ({ ...r, voter: storedVoter(r.voter, accounts) }));
      for (const change of await votes.importRatings(episodeId, ratings, context.importedAt)) {
        summary.ratingChanges.push({ voter: change.voter, episode: context.label, before: change.before, after: change.after });
        written++;
      }
      await context.pacer.done(batch.length);
    }
    if (written > 0) {
      context.rated.push(episodeId);
      summary.ratings += written;
      changed = true;
    }
  }
  if (stored) {
    if (changed) summary.episodes.updated++;
    else summary.episodes.unchanged++;
  }
}
