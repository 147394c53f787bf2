/**
 * IMDb's ratings export (`ratings.csv`, "Your Ratings" → Export): one row per title the fan rated,
 * films and shows included. Columns read: `Const` (the title's IMDb id, `tt` and digits),
 * `Your Rating` (1-10), `Date Rated` (YYYY-MM-DD), `Title` and `Title Type`. Only rows whose type
 * is a TV episode are ratings of episodes; the others are counted as skipped. IMDb's episode rows
 * carry no show or episode numbers, so they are matched by IMDb id alone.
 */
import { EXTERNAL_ID_RULES, isExternalId } from '../../catalog/external-ids.js';
import { readCsvTable } from './csv-table.js';
import { checkRatingCount, ProblemList, shown, timestampOf, type FileRating, type RatingsFile } from './rating-file.js';
import { convertRating, describeFileRating, scaleText } from './scales.js';

/** The way IMDb has written an episode's type: in today's export, and in older ones. */
const EPISODE_TYPES = new Set(['tv episode', 'tvepisode']);

export function parseImdbRatings(text: string, fileName: string): RatingsFile {
  const rows = readCsvTable(text, fileName, 'IMDb ratings export', [['Const'], ['Your Rating'], ['Title Type']]);
  const problems = new ProblemList();
  const ratings: FileRating[] = [];
  let skipped = 0;
  for (const row of rows) {
    if (!EPISODE_TYPES.has(row.get('Title Type').toLowerCase())) {
      skipped++;
      continue;
    }
    const position = `line ${row.line}`;
    const id = row.get('Const');
    const given = row.get('Your Rating');
    const rating = convertRating('imdb', given);
    const dateText = row.get('Date Rated');
    const ratedAt = dateText === '' ? null : timestampOf(dateText);
    if (!isExternalId('imdb', id)) problems.add(position, `“Const” is ${shown(id)}, not an IMDb id (${EXTERNAL_ID_RULES.imdb.rule})`);
    if (rating === null) problems.add(position, `“Your Rating” is ${shown(given)}, not ${scaleText('imdb')}`);
    if (dateText !== '' && ratedAt === null) problems.add(position, `“Date Rated” is ${shown(dateText)}, not a date (YYYY-MM-DD)`);
    if (rating === null || !isExternalId('imdb', id)) continue;
    const title = row.get('Title');
    ratings.push({
      position,
      rating,
      fileRating: describeFileRating('imdb', Number(given)),
      ratedAt,
      label: title === '' ? id : `${title} (${id})`,
      episodeIds: { imdb: id },
      show: null,
      season: null,
      episode: null,
    });
  }
  problems.throwIfAny(fileName);
  checkRatingCount(fileName, ratings.length);
  return { source: 'imdb', ratings, skipped };
}
