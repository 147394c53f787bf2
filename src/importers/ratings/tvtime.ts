/**
 * TV Time's data export (the GDPR export's CSV of episode ratings). TV Time names shows and
 * episodes by their TheTVDB ids. Columns read, each under the spellings its exports have used:
 * `s_id` (the show's TheTVDB id), `ep_id` (the episode's), `tv_show_name`, `episode_season_number`
 * (or `season_number`), `episode_number`, `rating` (1-5 stars) and `created_at`. A row is matched by
 * the episode's TheTVDB id, else by the show's with the season and episode numbers, else by the
 * show's title with the numbers. Rows without a rating (episodes only marked watched) are skipped.
 */
import { isExternalId } from '../../catalog/external-ids.js';
import { readCsvTable } from './csv-table.js';
import { says } from '../../shared/errors.js';
import { checkRatingCount, lineAt, ProblemList, shown, timestampOf, wholeNumber, type FileRating, type RatingsFile } from './rating-file.js';
import { convertRating, describeFileRating, offScale } from './scales.js';

const SHOW_ID = ['s_id', 'tvdb_show_id', 'show_tvdb_id'];
const EPISODE_ID = ['ep_id', 'tvdb_episode_id', 'episode_tvdb_id'];
const SHOW_NAME = ['tv_show_name', 'series_name', 'show_name'];
const SEASON = ['episode_season_number', 'season_number'];
const EPISODE = ['episode_number'];
const RATING = ['rating', 'stars'];

/** The header columns that say a CSV is a TV Time export. */
export const TVTIME_MARKERS: readonly string[] = [...SHOW_ID, ...EPISODE_ID];

export function parseTvTimeRatings(text: string, fileName: string): RatingsFile {
  const rows = readCsvTable(text, fileName, 'a TV Time episode ratings export', [RATING, EPISODE]);
  const problems = new ProblemList();
  const ratings: FileRating[] = [];
  let skipped = 0;
  for (const row of rows) {
    const given = row.get(...RATING);
    if (given === '') {
      skipped++;
      continue;
    }
    const position = lineAt(row.line);
    const rating = convertRating('tvtime', given);
    const showId = row.get(...SHOW_ID);
    const episodeId = row.get(...EPISODE_ID);
    const title = row.get(...SHOW_NAME);
    const season = wholeNumber(row.get(...SEASON));
    const episode = wholeNumber(row.get(...EPISODE));
    const dateText = row.get('created_at', 'rated_at');
    const ratedAt = dateText === '' ? null : timestampOf(dateText);
    const before = problems.items.length;
    if (rating === null) problems.add(position, offScale('tvtime', 'rating', shown(given)));
    if (showId !== '' && !isExternalId('tvdb', showId)) problems.add(position, `the show's TheTVDB id is ${shown(showId)}, not a number`);
    if (episodeId !== '' && !isExternalId('tvdb', episodeId)) problems.add(position, `the episode's TheTVDB id is ${shown(episodeId)}, not a number`);
    if (season === null && row.get(...SEASON) !== '') problems.add(position, says('errors.ratingsSeasonNotWhole', { value: shown(row.get(...SEASON)) }));
    if (episode === null && row.get(...EPISODE) !== '') problems.add(position, says('errors.ratingsEpisodeNotWhole', { value: shown(row.get(...EPISODE)) }));
    if (dateText !== '' && ratedAt === null) problems.add(position, `“created_at” is ${shown(dateText)}, not a date and time`);
    if (episodeId === '' && (season === null || episode === null || (showId === '' && title === ''))) {
      problems.add(position, 'the row names no episode: it needs “ep_id”, or the show (“s_id” or “tv_show_name”) with the season and episode numbers');
    }
    if (problems.items.length > before || rating === null) continue;
    ratings.push({
      position,
      rating,
      fileRating: describeFileRating('tvtime', Number(given)),
      ratedAt,
      label: `${title || `TheTVDB show ${showId || '?'}`} S${season ?? '?'}E${episode ?? '?'}`,
      episodeIds: episodeId === '' ? {} : { tvdb: episodeId },
      show: { title: title === '' ? null : title, ids: showId === '' ? {} : { tvdb: showId } },
      season,
      episode,
    });
  }
  problems.throwIfAny(fileName);
  checkRatingCount(fileName, ratings.length);
  return { source: 'tvtime', ratings, skipped };
}
