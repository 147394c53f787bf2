import type { Kysely, Transaction } from 'kysely';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import type { StoredEpisode } from '../catalog/catalog.types.js';
import type { Database } from '../db/schema.js';
import { TalliesRepository } from '../votes/tallies.repository.js';
import { VotesRepository } from '../votes/votes.repository.js';
import type { CatalogEpisode, CatalogFile, CatalogShow } from './catalog-format.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  shows: Counts;
  seasons: Counts;
  episodes: Counts;
  /** Individual ratings written or changed. */
  ratings: number;
  dryRun: boolean;
}

export interface ImportOptions {
  /** Report what would change, then roll everything back. */
  dryRun?: boolean;
  /** Called after each episode, for progress on large files. */
  onEpisode?: (done: number, total: number) => void;
  /** Runs inside the import's transaction once everything is applied (not on a dry run): an audit record, say. */
  beforeCommit?: (trx: Transaction<Database>, summary: ImportSummary) => Promise<void>;
  clock?: () => Date;
}

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
 * same file again changes nothing. Nothing absent from the file is deleted.
 */
export async function importCatalog(db: Kysely<Database>, file: CatalogFile, options: ImportOptions = {}): Promise<ImportSummary> {
  const total = file.shows.reduce((n, s) => n + s.seasons.reduce((m, season) => m + season.episodes.length, 0), 0);
  try {
    return await db.transaction().execute(async (trx) => {
      const summary: ImportSummary = { shows: counts(), seasons: counts(), episodes: counts(), ratings: 0, dryRun: !!options.dryRun };
      let done = 0;
      const catalog = new CatalogRepository(trx, options.clock);
      for (const show of file.shows) {
        const showId = await upsertShow(catalog, show, summary);
        const seasons = new Map((await catalog.listSeasons(showId)).map((s) => [s.number, s.id]));
        for (const season of show.seasons) {
          let seasonId = seasons.get(season.number);
          if (seasonId === undefined) {
            seasonId = await catalog.insertSeason(showId, season.number);
            summary.seasons.created++;
          } else {
            summary.seasons.unchanged++;
          }
          const existing = new Map((await catalog.episodesOfSeason(seasonId)).map((e) => [e.number, e]));
          for (const episode of season.episodes) {
            await upsertEpisode(trx, catalog, seasonId, episode, existing.get(episode.number), summary);
            options.onEpisode?.(++done, total);
          }
        }
      }
      if (options.dryRun) throw new DryRunRollback(summary);
      await options.beforeCommit?.(trx, summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

async function upsertShow(catalog: CatalogRepository, show: CatalogShow, summary: ImportSummary): Promise<number> {
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
    return catalog.insertShow({ slug: show.slug, ...fields });
  }
  const same =
    existing.title === fields.title &&
    existing.synopsis === fields.synopsis &&
    existing.network === fields.network &&
    existing.status === fields.status &&
    existing.lastUpdated === fields.lastUpdated;
  if (same) summary.shows.unchanged++;
  else {
    await catalog.updateShow(existing.id, fields);
    summary.shows.updated++;
  }
  return existing.id;
}

const sameList = <T>(a: T[], b: T[], key: (x: T) => string) => a.length === b.length && a.every((x, i) => key(x) === key(b[i]!));

async function upsertEpisode(
  trx: Transaction<Database>,
  catalog: CatalogRepository,
  seasonId: number,
  episode: CatalogEpisode,
  stored: StoredEpisode | undefined,
  summary: ImportSummary,
): Promise<void> {
  const tallies = new TalliesRepository(trx);
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
    const sameDetails =
      sameList(stored.directors, episode.directors, (d) => d) &&
      sameList(stored.watchLinks, episode.watchLinks, (l) => `${l.provider}\n${l.url}`);
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
  if (episode.ratings && episode.ratings.length > 0) {
    const written = await VotesRepository.importRatings(trx, episodeId, episode.ratings);
    summary.ratings += written;
    if (written > 0) changed = true;
  }
  if (stored) {
    if (changed) summary.episodes.updated++;
    else summary.episodes.unchanged++;
  }
}
