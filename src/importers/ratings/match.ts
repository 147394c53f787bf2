/**
 * Finds the episode each row of a ratings file rates: by the episode's ids on other sites first
 * (IMDb, TheTVDB, TMDB, in that order), else by the show (its ids, else its title compared without
 * case or accents) with the season and episode numbers. Each step is one batch of index reads for
 * the whole file, so the cost follows the file, never the catalogue.
 */
import type { ExternalIdSource } from '../../catalog/external-ids.js';
import type { EpisodeByExternalId, ShowByExternalId } from '../../catalog/external-ids.repository.js';
import type { CatalogShow, NumberedEpisode } from './ratings-match.repository.js';
import type { FileRating } from './rating-file.js';
import { Pacer } from '../pacer.js';
import { says, type MessageRef, type Wording } from '../../shared/errors.js';

/** The order in which ids are trusted: IMDb's are the most widely copied between sites. */
const ID_ORDER: readonly ExternalIdSource[] = ['imdb', 'tvdb', 'tmdb'];
const ID_NAMES: Record<ExternalIdSource, string> = { imdb: 'IMDb', tvdb: 'TheTVDB', tmdb: 'TMDB', tvmaze: 'TVmaze' };

export type MatchedEpisode = NumberedEpisode;

export type RowMatch = { rating: FileRating; episode: MatchedEpisode; reason?: undefined } | { rating: FileRating; episode: null; reason: Wording };

/** What matching reads; catalog/external-ids.repository.ts and ratings-match.repository.ts provide it. */
export interface MatchLookups {
  episodesByExternalIds(source: ExternalIdSource, ids: readonly string[]): Promise<Map<string, EpisodeByExternalId>>;
  showsByExternalIds(source: ExternalIdSource, ids: readonly string[]): Promise<Map<string, ShowByExternalId>>;
  showsNamed(titles: readonly string[]): Promise<CatalogShow[]>;
  episodesOfSeasons(seasons: ReadonlyArray<{ showId: number; season: number }>): Promise<NumberedEpisode[]>;
}

/** The lookups from the two repositories that hold them. */
export function matchLookups(
  byId: Pick<MatchLookups, 'episodesByExternalIds' | 'showsByExternalIds'>,
  byName: Pick<MatchLookups, 'showsNamed' | 'episodesOfSeasons'>,
): MatchLookups {
  return {
    episodesByExternalIds: (source, ids) => byId.episodesByExternalIds(source, ids),
    showsByExternalIds: (source, ids) => byId.showsByExternalIds(source, ids),
    showsNamed: (titles) => byName.showsNamed(titles),
    episodesOfSeasons: (seasons) => byName.episodesOfSeasons(seasons),
  };
}

/** A title as compared: no accents, no case, single spaces. */
export function foldTitle(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Matches every row. On SQLite each query runs synchronously, so the lookups go in chunks and
 * `pacer` gives the event loop a turn between them (see importers/pacer.ts).
 */
export async function matchRatings(ratings: readonly FileRating[], lookups: MatchLookups, pacer: Pacer = new Pacer()): Promise<RowMatch[]> {
  const byEpisodeId = new Map<ExternalIdSource, Map<string, EpisodeByExternalId>>();
  for (const source of ID_ORDER) {
    const ids = ratings.flatMap((r) => (r.episodeIds[source] === undefined ? [] : [r.episodeIds[source]]));
    byEpisodeId.set(source, await inChunks(ids, pacer, (chunk) => lookups.episodesByExternalIds(source, chunk)));
  }
  const matches: Array<RowMatch | { rating: FileRating; pending: true }> = ratings.map((rating) => {
    for (const source of ID_ORDER) {
      const id = rating.episodeIds[source];
      const episode = id === undefined ? undefined : byEpisodeId.get(source)!.get(id);
      if (episode) return { rating, episode };
    }
    if (rating.show === null || rating.season === null || rating.episode === null) return { rating, episode: null, reason: noEpisodeWithIds(rating) };
    return { rating, pending: true };
  });

  // The rest by show and numbers: first the shows, then the seasons they name.
  const waiting = matches.filter((m): m is { rating: FileRating; pending: true } => 'pending' in m).map((m) => m.rating);
  const showOf = await findShows(waiting, lookups, pacer);
  const seasons = new Map<string, { showId: number; season: number }>();
  for (const rating of waiting) {
    const show = showOf.get(rating);
    if (show !== undefined && 'id' in show) seasons.set(`${show.id}:${rating.season}`, { showId: show.id, season: rating.season! });
  }
  const episodes = new Map<string, NumberedEpisode>();
  const seasonList = [...seasons.values()];
  for (let i = 0; i < seasonList.length; i += CHUNK) {
    const chunk = seasonList.slice(i, i + CHUNK);
    for (const e of await lookups.episodesOfSeasons(chunk)) episodes.set(`${e.showId}:${e.seasonNumber}:${e.episodeNumber}`, e);
    await pacer.done(chunk.length);
  }

  return matches.map((m) => {
    if (!('pending' in m)) return m;
    const { rating } = m;
    const show = showOf.get(rating);
    if (show !== undefined && 'key' in show) return { rating, episode: null, reason: show };
    const episode = show ? episodes.get(`${show.id}:${rating.season}:${rating.episode}`) : undefined;
    if (!show || !episode)
      return {
        rating,
        episode: null,
        reason: says('errors.ratingsNoEpisodeInSeason', {
          show: show?.title ?? says('errors.ratingsTheShow'),
          episode: rating.episode!,
          season: rating.season!,
        }),
      };
    return { rating, episode };
  });
}

/**
 * Each row's show, by the show's ids (in ID_ORDER) or else its title; a string says why none was
 * found (no show of that name, or several).
 */
async function findShows(ratings: readonly FileRating[], lookups: MatchLookups, pacer: Pacer): Promise<Map<FileRating, CatalogShow | MessageRef>> {
  const byShowId = new Map<ExternalIdSource, Map<string, ShowByExternalId>>();
  for (const source of ID_ORDER) {
    const ids = [...new Set(ratings.flatMap((r) => (r.show?.ids[source] === undefined ? [] : [r.show.ids[source]])))];
    byShowId.set(source, await inChunks(ids, pacer, (chunk) => lookups.showsByExternalIds(source, chunk)));
  }
  const found = new Map<FileRating, CatalogShow | MessageRef>();
  const byTitle: FileRating[] = [];
  for (const rating of ratings) {
    const show = ID_ORDER.map((source) => {
      const id = rating.show?.ids[source];
      return id === undefined ? undefined : byShowId.get(source)!.get(id);
    }).find((s) => s !== undefined);
    if (show) found.set(rating, { id: show.showId, slug: show.slug, title: show.title });
    else if (rating.show?.title) byTitle.push(rating);
    else found.set(rating, noEpisodeWithIds(rating));
  }
  const titles = [...new Set(byTitle.map((r) => r.show!.title!))];
  const named = new Map<string, CatalogShow[]>();
  const candidates: CatalogShow[] = [];
  for (let i = 0; i < titles.length; i += CHUNK) {
    candidates.push(...(await lookups.showsNamed(titles.slice(i, i + CHUNK))));
    await pacer.done(CHUNK);
  }
  for (const show of candidates) {
    const key = foldTitle(show.title);
    named.set(key, [...(named.get(key) ?? []), show]);
  }
  for (const rating of byTitle) {
    const title = rating.show!.title!;
    const candidates = named.get(foldTitle(title)) ?? [];
    if (candidates.length === 1) found.set(rating, candidates[0]!);
    else if (candidates.length === 0) found.set(rating, noShowNamed(title, idsWording(rating.show!.ids)));
    else found.set(rating, says('errors.ratingsSeveralShows', { title }));
  }
  return found;
}

/** Ids (or titles, or seasons) per lookup call, between which the pacer may yield. */
const CHUNK = 300;

/** One lookup over many ids, a chunk at a time, yielding between chunks as the pacer says. */
async function inChunks<V>(ids: readonly string[], pacer: Pacer, lookup: (chunk: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
  const found = new Map<string, V>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    for (const [id, value] of await lookup(chunk)) found.set(id, value);
    await pacer.done(chunk.length);
  }
  return found;
}

function noEpisodeWithIds(rating: FileRating): MessageRef {
  const ids = idsWording(rating.episodeIds);
  return ids === null ? says('errors.ratingsNoEpisodeFound') : says('errors.ratingsNoEpisodeWithIds', { ids });
}

function noShowNamed(title: string, ids: MessageRef | null): MessageRef {
  return ids === null ? says('errors.ratingsNoShowNamed', { title }) : says('errors.ratingsNoShowNamedOrIds', { title, ids });
}

/** "IMDb id tt0959621 or TheTVDB id 349232", in ID_ORDER; null when there are none. */
function idsWording(ids: Partial<Record<ExternalIdSource, string>>): MessageRef | null {
  const named = ID_ORDER.filter((s) => ids[s] !== undefined).map((s) => says('errors.ratingsId', { site: ID_NAMES[s], id: ids[s] }));
  return named.reduceRight<MessageRef | null>((rest, first) => (rest === null ? first : says('errors.ratingsIdOr', { first, rest })), null);
}
