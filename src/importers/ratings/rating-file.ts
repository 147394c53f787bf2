/**
 * What a ratings file from another site comes to once parsed (imdb.ts, trakt.ts, tvtime.ts): one
 * entry per rated episode, already on Epirank's 1-10 scale, with whatever the file gives to find
 * the episode here (ids on other sites, or the show and the episode's numbers).
 */
import type { ExternalIds } from '../../catalog/external-ids.js';
import { BadRequestError, inEnglish, inWords, says, type Wording } from '../../shared/errors.js';
import { MAX_PROBLEMS_LISTED, RATINGS_FILE_MAX_ROWS } from './limits.js';

/** The sites whose exports Epirank reads. */
export const RATINGS_SOURCES = ['imdb', 'trakt', 'tvtime'] as const;
export type RatingsSource = (typeof RATINGS_SOURCES)[number];

export const SOURCE_NAMES: Record<RatingsSource, string> = {
  imdb: 'IMDb ratings export',
  trakt: 'Trakt ratings-episodes.json',
  tvtime: 'TV Time data export',
};

/** The same names as a sentence says them, article included: "is an IMDb ratings export". */
export const A_SOURCE_NAME: Record<RatingsSource, string> = {
  imdb: `an ${SOURCE_NAMES.imdb}`,
  trakt: `a ${SOURCE_NAMES.trakt}`,
  tvtime: `a ${SOURCE_NAMES.tvtime}`,
};

export interface FileRating {
  /** Where the row is in the file: a CSV line number, or a JSON array entry counted from 1 (`lineAt`, `entryAt`). */
  position: Wording;
  /** On Epirank's scale. */
  rating: number;
  /** The rating as the file wrote it, with its scale when that is not 1-10 ("4 stars"). */
  fileRating: string;
  /** When the fan rated it there (ISO), if the file says. */
  ratedAt: string | null;
  /** How the preview names the row: the file's own titles and numbers. */
  label: string;
  /** The episode's ids on other sites. */
  episodeIds: ExternalIds;
  /** The show's title and ids, with the episode's numbers, for files that give them. */
  show: { title: string | null; ids: ExternalIds } | null;
  season: number | null;
  episode: number | null;
}

export interface RatingsFile {
  source: RatingsSource;
  ratings: FileRating[];
  /** Rows about something other than an episode (films, whole shows), which are left out. */
  skipped: number;
}

/**
 * A file that cannot be read as the export it claims to be: each problem names its line or entry.
 * The problems are messages, put into words in the reader's language when `detail` is read.
 */
export class RatingsFileError extends BadRequestError {
  override name = 'RatingsFileError';
  constructor(
    readonly fileName: string,
    readonly problems: readonly Wording[],
  ) {
    super(unreadWording(fileName, problems, inEnglish));
  }

  override get detail(): string {
    return inWords(unreadWording(this.fileName, this.problems, inWords));
  }
}

/** "<file> could not be read, so nothing was imported: <the first problems> (and n more)." */
function unreadWording(fileName: string, problems: readonly Wording[], say: (wording: Wording) => string): Wording {
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED).map(say).join('; ');
  const more = problems.length - Math.min(problems.length, MAX_PROBLEMS_LISTED);
  return more > 0
    ? says('errors.ratingsFileUnreadMore', { file: fileName, problems: listed, more })
    : says('errors.ratingsFileUnread', { file: fileName, problems: listed });
}

/** A CSV row's position: "line 12". */
export const lineAt = (line: number) => says('errors.ratingsLine', { line });
/** A JSON array entry's position, counted from 1: "entry 3". */
export const entryAt = (entry: number) => says('errors.ratingsEntry', { entry });

/** Collects a file's problems row by row, so that one upload reports them all at once. */
export class ProblemList {
  readonly items: Wording[] = [];

  add(position: Wording, problem: Wording): void {
    this.items.push(says('errors.ratingsAt', { position, problem }));
  }

  throwIfAny(fileName: string): void {
    if (this.items.length > 0) throw new RatingsFileError(fileName, this.items);
  }
}

/** A quoted, shortened value for a message. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/** A whole number from 0, as the files write season and episode numbers. */
export function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,6}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** An ISO timestamp from a date (`YYYY-MM-DD`) or a date and time, or null when it is neither. */
export function timestampOf(value: string): string | null {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Refuses a file with more ratings of episodes than one import takes (RATINGS_FILE_MAX_ROWS). */
export function checkRatingCount(fileName: string, count: number): void {
  if (count > RATINGS_FILE_MAX_ROWS) {
    throw new RatingsFileError(fileName, [`it rates ${count} episodes; one import takes at most ${RATINGS_FILE_MAX_ROWS}, so split the file`]);
  }
}
