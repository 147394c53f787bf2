/**
 * Trakt's `ratings-episodes.json` (from a Trakt data export, or the API's /sync/ratings/episodes):
 * a JSON array of `{rated_at, rating, type: "episode", episode: {season, number, title, ids},
 * show: {title, year, ids}}`, ratings 1-10. The episode's ids (`imdb`, `tvdb`, `tmdb`) match it
 * first; else the show's ids with the season and episode numbers; else the show's title with them.
 * Trakt's own ids are left out: no catalogue here carries them.
 */
import { isExternalId, type ExternalIds, type ExternalIdSource } from '../../catalog/external-ids.js';
import { says } from '../../shared/errors.js';
import { checkRatingCount, entryAt, ProblemList, RatingsFileError, shown, timestampOf, wholeNumber, type FileRating, type RatingsFile } from './rating-file.js';
import { convertRating, describeFileRating, offScale } from './scales.js';

const ID_SOURCES: readonly ExternalIdSource[] = ['imdb', 'tvdb', 'tmdb'];

export function parseTraktRatings(text: string, fileName: string): RatingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RatingsFileError(fileName, [`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  if (!Array.isArray(data)) throw new RatingsFileError(fileName, ['a Trakt ratings-episodes.json is a JSON array of ratings, and this is not an array']);
  checkRatingCount(fileName, data.length);
  const problems = new ProblemList();
  const ratings: FileRating[] = [];
  let skipped = 0;
  data.forEach((entry: unknown, index) => {
    const position = entryAt(index + 1);
    if (!isObject(entry)) {
      problems.add(position, `${shown(entry)} is not a rating object`);
      return;
    }
    if (entry.type !== undefined && entry.type !== 'episode') {
      skipped++;
      return;
    }
    const before = problems.items.length;
    const rating = convertRating('trakt', entry.rating);
    if (rating === null) problems.add(position, offScale('trakt', 'rating', shown(entry.rating)));
    const ratedAt = typeof entry.rated_at === 'string' ? timestampOf(entry.rated_at) : null;
    if (entry.rated_at !== undefined && entry.rated_at !== null && ratedAt === null)
      problems.add(position, `“rated_at” is ${shown(entry.rated_at)}, not a date and time`);
    const episode = isObject(entry.episode) ? entry.episode : null;
    const show = isObject(entry.show) ? entry.show : null;
    if (episode === null) problems.add(position, 'it has no “episode” object');
    const season = wholeNumber(episode?.season);
    const number = wholeNumber(episode?.number);
    if (episode !== null && episode.season !== undefined && season === null)
      problems.add(position, says('errors.ratingsNotWhole', { column: 'episode.season', value: shown(episode.season) }));
    if (episode !== null && episode.number !== undefined && number === null)
      problems.add(position, says('errors.ratingsNotWhole', { column: 'episode.number', value: shown(episode.number) }));
    const episodeIds = idsOf(episode?.ids);
    const showIds = idsOf(show?.ids);
    const showTitle = typeof show?.title === 'string' && show.title.trim() !== '' ? show.title.trim() : null;
    if (
      episode !== null &&
      Object.keys(episodeIds).length === 0 &&
      (season === null || number === null || (showTitle === null && Object.keys(showIds).length === 0))
    ) {
      problems.add(position, 'it names no episode: it needs “episode.ids”, or the show with “episode.season” and “episode.number”');
    }
    if (problems.items.length > before || rating === null) return;
    const episodeTitle = typeof episode?.title === 'string' ? ` “${episode.title}”` : '';
    ratings.push({
      position,
      rating,
      fileRating: describeFileRating('trakt', Number(entry.rating)),
      ratedAt,
      label: `${showTitle ?? 'Unnamed show'} S${season ?? '?'}E${number ?? '?'}${episodeTitle}`,
      episodeIds,
      show: { title: showTitle, ids: showIds },
      season,
      episode: number,
    });
  });
  problems.throwIfAny(fileName);
  return { source: 'trakt', ratings, skipped };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ids Epirank knows, as text: Trakt writes TheTVDB and TMDB ids as numbers and IMDb's as `tt…`. */
function idsOf(value: unknown): ExternalIds {
  if (!isObject(value)) return {};
  const ids: ExternalIds = {};
  for (const source of ID_SOURCES) {
    const id = value[source];
    const text = typeof id === 'number' ? String(id) : id;
    // An id this catalogue could not hold finds nothing; the row may still match by numbers.
    if (typeof text === 'string' && isExternalId(source, text)) ids[source] = text;
  }
  return ids;
}
