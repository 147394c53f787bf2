/**
 * Tells which site's export a ratings file is from its content, and reads it. Fans upload the file
 * their old site gave them without knowing its format's name, so the upload form asks nothing:
 * a JSON array is Trakt's, a CSV with IMDb's `Const` and `Your Rating` columns is IMDb's, and a
 * CSV naming TheTVDB ids the way TV Time does (`s_id`, `ep_id`) is TV Time's.
 */
import { parseImdbRatings } from './imdb.js';
import { says } from '../../shared/errors.js';
import { RatingsFileError, type RatingsFile } from './rating-file.js';
import { parseTraktRatings } from './trakt.js';
import { parseTvTimeRatings, TVTIME_MARKERS } from './tvtime.js';

export function readRatingsFile(text: string, fileName: string): RatingsFile {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw new RatingsFileError(fileName, [says('errors.ratingsEmpty')]);
  if (start.startsWith('[') || start.startsWith('{')) return parseTraktRatings(start, fileName);
  const header = start
    .slice(0, start.search(/\r?\n|$/))
    .split(',')
    .map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  if (header.includes('const') && header.includes('your rating')) return parseImdbRatings(text, fileName);
  if (header.some((name) => TVTIME_MARKERS.includes(name))) return parseTvTimeRatings(text, fileName);
  throw new RatingsFileError(fileName, [says('errors.ratingsNotAnExport')]);
}
