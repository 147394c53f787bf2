/**
 * `epirank export`: the whole catalogue, with its votes when asked, as an Epirank JSON file that
 * import reads back.
 */
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { externalIdEntries, type ExternalIds } from '../catalog/external-ids.js';
import type { ExternalIdsRepository } from '../catalog/external-ids.repository.js';
import type { AlternateTitle } from '../catalog/alternate-titles.js';
import type { AlternateTitlesRepository } from '../catalog/alternate-titles.repository.js';
import type { Store } from '../db/store.js';
import type { VotesRepository } from '../votes/votes.repository.js';
import type { CatalogEpisode, CatalogFile } from './catalog-format.js';
import { accountIdsIn, exportedVoter } from './exported-voters.js';
import { Pacer } from './pacer.js';

type Ratings = NonNullable<CatalogEpisode['ratings']>;

/** The repositories an export reads, on the plain handle. */
export interface CatalogExportRepositories {
  catalog: CatalogRepository;
  externalIds: ExternalIdsRepository;
  alternateTitles: AlternateTitlesRepository;
  votes: VotesRepository;
}

/**
 * Writes everything out in Epirank's catalogue format, in a stable order (shows by slug,
 * seasons and episodes by number, lists as stored, ids by site, ratings by voter), so that exporting,
 * importing into an empty database and exporting again gives the same bytes. Votes are read a
 * season at a time, and account voters are written under their public id (exported-voters.ts).
 */
export async function exportCatalog(store: Store<CatalogExportRepositories>, options: { votes?: boolean } = {}): Promise<CatalogFile> {
  const { catalog, votes, externalIds, alternateTitles } = store.read;
  const pacer = new Pacer();
  const shows = (await catalog.listShows()).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const showIds = await externalIds.idsOfShows(shows.map((s) => s.id));
  const showTitles = await alternateTitles.titlesOfShows(shows.map((s) => s.id));
  const file: CatalogFile = { format: 'epirank-catalog', version: 1, shows: [] };
  for (const show of shows) {
    const seasons = [];
    for (const season of await catalog.listSeasons(show.id)) {
      const stored = await catalog.episodesOfSeason(season.id);
      const episodeIds = await externalIds.idsOfEpisodes(stored.map((e) => e.id));
      const episodeTitles = await alternateTitles.titlesOfEpisodes(stored.map((e) => e.id));
      const ratings = options.votes
        ? await ratingsOf(
            votes,
            stored.map((e) => e.id),
          )
        : null;
      const episodes = stored.map((e) => {
        const episode: CatalogEpisode = {
          number: e.number,
          title: e.title,
          ...inFile(episodeTitles.get(e.id)),
          airDate: e.airDate,
          synopsis: e.synopsis,
          directors: e.directors,
          watchLinks: e.watchLinks,
          baseline: e.baseline,
        };
        const ids = inSiteOrder(episodeIds.get(e.id));
        if (ids) episode.ids = ids;
        if (ratings) episode.ratings = ratings.get(e.id) ?? [];
        return episode;
      });
      seasons.push({ number: season.number, episodes });
      await pacer.done(stored.length);
    }
    const ids = inSiteOrder(showIds.get(show.id));
    file.shows.push({
      slug: show.slug,
      title: show.title,
      ...inFile(showTitles.get(show.id)),
      synopsis: show.synopsis,
      network: show.network,
      status: show.status,
      lastUpdated: show.lastUpdated,
      ...(ids ? { ids } : {}),
      seasons,
    });
  }
  return file;
}

/** A record's alternate titles as the file writes them (`original` only when true), or nothing for none. */
function inFile(titles: AlternateTitle[] | undefined): { titles?: AlternateTitle[] } {
  if (!titles || titles.length === 0) return {};
  return { titles: titles.map((t) => ({ title: t.title, language: t.language, ...(t.original ? { original: true } : {}) }) as AlternateTitle) };
}

/** A record's ids keyed in site order (the file's bytes must not follow the database's row order), or nothing for none. */
function inSiteOrder(ids: ExternalIds | undefined): ExternalIds | undefined {
  const entries = externalIdEntries(ids ?? {});
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The ratings of some episodes as the file names them, each episode's sorted by voter. */
async function ratingsOf(votes: VotesRepository, episodeIds: number[]): Promise<Map<number, Ratings>> {
  const rows = await votes.votesOfEpisodes(episodeIds);
  const publicIds = await votes.publicIdsOfAccounts(accountIdsIn(rows.map((r) => r.voter)));
  const byEpisode = new Map<number, Ratings>();
  for (const v of rows) {
    const voter = exportedVoter(v.voter, publicIds);
    // The ratings of an account that no longer exists have nobody to travel with.
    if (voter === null) continue;
    const list = byEpisode.get(v.episodeId) ?? [];
    list.push({ voter, kind: v.kind, rating: v.rating, castAt: v.castAt, updatedAt: v.updatedAt });
    byEpisode.set(v.episodeId, list);
  }
  for (const list of byEpisode.values()) list.sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0));
  return byEpisode;
}

/** The file's text: two-space JSON and a final newline, like the files in the repository. */
export function serializeCatalog(file: CatalogFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
