import type { Kysely } from 'kysely';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import type { Database } from '../db/schema.js';
import { VotesRepository } from '../votes/votes.repository.js';
import type { DialectName } from '../db/dialect.js';
import type { CatalogEpisode, CatalogFile } from './catalog-format.js';

/**
 * Writes everything out in Epirank's catalogue format, in a stable order (shows by slug,
 * seasons and episodes by number, lists as stored, ratings by voter), so that exporting,
 * importing into an empty database and exporting again gives the same bytes.
 */
export async function exportCatalog(db: Kysely<Database>, dialect: DialectName, options: { votes?: boolean } = {}): Promise<CatalogFile> {
  const catalog = new CatalogRepository(db);
  const ratingsByEpisode = new Map<number, NonNullable<CatalogEpisode['ratings']>>();
  if (options.votes) {
    for (const v of await new VotesRepository(db, dialect).allVotes()) {
      const list = ratingsByEpisode.get(v.episodeId) ?? [];
      list.push({ voter: v.voter, kind: v.kind, rating: v.rating, castAt: v.castAt, updatedAt: v.updatedAt });
      ratingsByEpisode.set(v.episodeId, list);
    }
  }
  const shows = (await catalog.listShows()).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const file: CatalogFile = { format: 'epirank-catalog', version: 1, shows: [] };
  for (const show of shows) {
    const seasons = [];
    for (const season of await catalog.listSeasons(show.id)) {
      const episodes = (await catalog.episodesOfSeason(season.id)).map((e) => {
        const episode: CatalogEpisode = {
          number: e.number,
          title: e.title,
          airDate: e.airDate,
          synopsis: e.synopsis,
          directors: e.directors,
          watchLinks: e.watchLinks,
          baseline: e.baseline,
        };
        if (options.votes) episode.ratings = ratingsByEpisode.get(e.id) ?? [];
        return episode;
      });
      seasons.push({ number: season.number, episodes });
    }
    file.shows.push({
      slug: show.slug,
      title: show.title,
      synopsis: show.synopsis,
      network: show.network,
      status: show.status,
      lastUpdated: show.lastUpdated,
      seasons,
    });
  }
  return file;
}

/** The file's text: two-space JSON and a final newline, like the files in the repository. */
export function serializeCatalog(file: CatalogFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
