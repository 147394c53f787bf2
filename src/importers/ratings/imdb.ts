/**
 * IMDb's ratings export (`ratings.csv`, "Your Ratings" → Export): one row per title the fan rated,
 * films and shows included. Columns read: `Const` (the title's IMDb id, `tt` and digits),
 * `Your Rating` (1-10), `Date Rated` (YYYY-MM-DD), `Title` and `Title Type`. Only rows whose type
 * is a TV episode are ratings of episodes; the others are counted as skipped. A row is matched by
 * the episode's IMDb id, else by its show's IMDb id with the season and episode numbers, for a
 * catalogue that holds only the show's id. IMDb's own export has no columns for those; a file
 * completed from IMDb's title.episode dataset has them as `parentTconst`, `seasonNumber` and
 * `episodeNumber` (or `Parent Const`, `Season`, `Episode`), and a row missing them matches by its
 * episode's id alone.
 */
import { EXTERNAL_ID_RULES, isExternalId } from '../../catalog/external-ids.js';
import { readCsvTable } from './csv-table.js';
import { says } from '../../shared/errors.js';
import { A_SOURCE_NAME, checkRatingCount, lineAt, ProblemList, shown, timestampOf, wholeNumber, type FileRating, type RatingsFile } from './rating-file.js';
import { convertRating, describeFileRating, offScale } from './scales.js';

/** The way IMDb has written an episode's type: in today's export, and in older ones. */
const EPISODE_TYPES = new Set(['tv episode', 'tvepisode']);
/** The optional columns naming the episode's show and numbers: IMDb's dataset spellings first. */
const SHOW_ID = ['parentTconst', 'Parent Const', 'Series Const'];
const SEASON = ['seasonNumber', 'Season'];
const EPISODE = ['episodeNumber', 'Episode'];

export function parseImdbRatings(text: string, fileName: string): RatingsFile {
  const rows = readCsvTable(text, fileName, A_SOURCE_NAME.imdb, [['Const'], ['Your Rating'], ['Title Type']]);
  const problems = new ProblemList();
  const ratings: FileRating[] = [];
  let skipped = 0;
  for (const row of rows) {
    if (!EPISODE_TYPES.has(row.get('Title Type').toLowerCase())) {
      skipped++;
      continue;
    }
    const position = lineAt(row.line);
    const id = row.get('Const');
    const given = row.get('Your Rating');
    const rating = convertRating('imdb', given);
    const dateText = row.get('Date Rated');
    const ratedAt = dateText === '' ? null : timestampOf(dateText);
    if (!isExternalId('imdb', id)) problems.add(position, `“Const” is ${shown(id)}, not an IMDb id (${EXTERNAL_ID_RULES.imdb.rule})`);
    if (rating === null) problems.add(position, offScale('imdb', 'Your Rating', shown(given)));
    if (dateText !== '' && ratedAt === null) problems.add(position, `“Date Rated” is ${shown(dateText)}, not a date (YYYY-MM-DD)`);
    const showId = row.get(...SHOW_ID);
    const [seasonText, episodeText] = [row.get(...SEASON), row.get(...EPISODE)];
    const [season, episode] = [wholeNumber(seasonText), wholeNumber(episodeText)];
    if (showId !== '' && !isExternalId('imdb', showId)) problems.add(position, `the show's IMDb id is ${shown(showId)}, not an IMDb id`);
    if (seasonText !== '' && season === null) problems.add(position, says('errors.ratingsSeasonNotWhole', { value: shown(seasonText) }));
    if (episodeText !== '' && episode === null) problems.add(position, says('errors.ratingsEpisodeNotWhole', { value: shown(episodeText) }));
    if (rating === null || !isExternalId('imdb', id)) continue;
    const title = row.get('Title');
    ratings.push({
      position,
      rating,
      fileRating: describeFileRating('imdb', Number(given)),
      ratedAt,
      label: title === '' ? id : `${title} (${id})`,
      episodeIds: { imdb: id },
      show: isExternalId('imdb', showId) ? { title: null, ids: { imdb: showId } } : null,
      season,
      episode,
    });
  }
  problems.throwIfAny(fileName);
  checkRatingCount(fileName, ratings.length);
  return { source: 'imdb', ratings, skipped };
}
