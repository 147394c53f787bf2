/**
 * Episodes as CSV (RFC 4180: comma-separated, a header row, fields may be "quoted", with ""
 * for a quote inside). One row per episode; a show's own fields come from its first row.
 *
 * | column | required | meaning |
 * | show | yes | the show's slug (a-z, 0-9, hyphens) |
 * | show_title | on a show's first row | the show's title |
 * | show_synopsis, network, status, last_updated | no | the show's fields (last_updated: YYYY-MM-DD) |
 * | season, episode | yes | whole numbers from 1 |
 * | title, air_date (YYYY-MM-DD), synopsis | no | the episode's fields |
 * | directors | no | names separated by ";" |
 * | watch_links | no | entries "Provider=https://…" separated by " | ", each optionally followed by the countries where it works, "[JP,US]" |
 * | baseline_votes, baseline_sum | no, together | a tally from another site |
 * | show_imdb, show_tvdb, show_tmdb, show_tvmaze | no | the show's ids on other sites (its first row) |
 * | show_titles, titles | no | the show's other titles (its first row), the episode's: entries
 *   "language: title" separated by "|", "language*: title" for the original ("ja*: カレイドスター | ja-Latn: Kareido Sutā");
 *   a "|" or "\" inside a title is written "\|" or "\\" |
 * | imdb, tvdb, tmdb, tvmaze | no | the episode's ids on other sites |
 *
 * An id or a titles cell given sets the id or replaces the titles; an empty cell keeps the stored ones (the JSON format's null
 * removes an id). A cell that begins with `'` and then a formula's first character (`'=Foo`) is
 * read without the `'`: that is the guard Epirank's CSV writers (src/shared/csv.ts) and
 * spreadsheets put before text that would otherwise be a formula, so such a file round-trips.
 */
import { says } from '../shared/errors.js';
import { NUMBER_RANGE, SLUG_PATTERN } from '../catalog/catalog-rules.js';
import { EXTERNAL_ID_RULES, EXTERNAL_ID_SOURCES, isExternalId, type ExternalIds } from '../catalog/external-ids.js';
import { parseTitlesCell } from '../catalog/alternate-titles.js';
import { BASELINE_RANGE, CatalogFormatError, type CatalogFile, type CatalogShow } from './catalog-format.js';
import { COUNTRY_CODE_RULE, readCountryList } from '../shared/countries.js';
import { unguardCsvCell } from '../shared/csv.js';

export const CSV_COLUMNS = [
  'show',
  'show_title',
  'show_synopsis',
  'network',
  'status',
  'last_updated',
  'season',
  'episode',
  'title',
  'air_date',
  'synopsis',
  'directors',
  'watch_links',
  'baseline_votes',
  'baseline_sum',
  ...EXTERNAL_ID_SOURCES.map((source) => `show_${source}` as const),
  ...EXTERNAL_ID_SOURCES,
  'show_titles',
  'titles',
] as const;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits CSV text into rows of fields, each with the line it starts on. One pass: a field is cut
 * out of the text in runs between quotes and separators, not built a character at a time, so
 * the cost follows the file's length.
 */
export function parseCsv(text: string, source: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  // The current field is `field` followed by the text from `runStart` to the cursor.
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not data
  let runStart = i;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        field += text.slice(runStart, i);
        if (text.charCodeAt(i + 1) === QUOTE) {
          field += '"';
          i++;
        } else quoted = false;
        runStart = i + 1;
      } else if (c === LF) line++;
    } else if (c === QUOTE && field === '' && runStart === i) {
      // Only a quote that opens a field starts quoting; one inside a bare field is text.
      quoted = true;
      runStart = i + 1;
    } else if (c === COMMA) {
      fields.push(field + text.slice(runStart, i));
      field = '';
      runStart = i + 1;
    } else if (c === LF || c === CR) {
      fields.push(field + text.slice(runStart, i));
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      runStart = i + 1;
      line++;
      rowLine = line;
    }
  }
  if (quoted) throw new CatalogFormatError(source, [says('errors.catalogueCsvUnclosed', { line: rowLine })]);
  fields.push(field + text.slice(runStart));
  if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
  return rows;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = new RegExp(SLUG_PATTERN);

/** Turns an episodes CSV into a catalogue file, naming the line and column of every problem. */
export function catalogFromCsv(text: string, source: string): CatalogFile {
  const [header, ...rows] = parseCsv(text, source);
  if (!header) throw new CatalogFormatError(source, [says('errors.catalogueCsvEmpty')]);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const problems: string[] = unknown.map((n) => `line 1: unknown column "${n}" (known: ${CSV_COLUMNS.join(', ')})`);
  for (const required of ['show', 'season', 'episode']) {
    if (!names.includes(required)) problems.push(`line 1: the required column "${required}" is missing`);
  }
  if (problems.length > 0) throw new CatalogFormatError(source, problems);

  const shows = new Map<string, CatalogShow>();
  const seasonsBySlug = new Map<string, Map<number, CatalogShow['seasons'][number]>>();
  for (const row of rows) {
    const at = (column: string) => `line ${row.line}, column ${column}`;
    if (row.fields.length !== names.length) {
      problems.push(`line ${row.line}: ${row.fields.length} fields where the header has ${names.length}`);
      continue;
    }
    const get = (column: string) => {
      const index = names.indexOf(column);
      return index < 0 ? '' : unguardCsvCell(row.fields[index]!.trim());
    };
    const optional = (column: string) => get(column) || null;
    // The JSON format's ranges: season and episode numbers, a baseline's votes and sum.
    const whole = (column: string, required: boolean, range: { min: number; max: number } = NUMBER_RANGE): number | null => {
      const value = get(column);
      if (value === '') {
        if (required) problems.push(`${at(column)}: a whole number from ${range.min} is required`);
        return null;
      }
      if (!/^\d+$/.test(value) || Number(value) < range.min || Number(value) > range.max) {
        problems.push(`${at(column)}: "${value}" is not a whole number from ${range.min} to ${range.max}`);
        return null;
      }
      return Number(value);
    };
    const date = (column: string) => {
      const value = optional(column);
      if (value !== null && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
        problems.push(`${at(column)}: "${value}" is not a date (YYYY-MM-DD)`);
      }
      return value;
    };

    const slug = get('show');
    if (!SLUG.test(slug)) problems.push(`${at('show')}: "${slug}" is not a slug (a-z, 0-9 and hyphens)`);
    const seasonNumber = whole('season', true);
    const episodeNumber = whole('episode', true);
    const airDate = date('air_date');
    const lastUpdated = date('last_updated');
    const links = (optional('watch_links') ?? '')
      .split('|')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const split = entry.indexOf('=');
        const provider = split > 0 ? entry.slice(0, split).trim() : '';
        // An address has no spaces, so "[JP,US]" after one is the link's countries.
        const [, url = '', listed] = /^(\S*)(?:\s+\[([^\]]*)\])?$/.exec(split > 0 ? entry.slice(split + 1).trim() : '') ?? [];
        if (!provider || !/^https?:\/\/\S+$/.test(url)) {
          problems.push(`${at('watch_links')}: "${entry}" is not "Provider=https://…" or "Provider=https://… [JP,US]"`);
        }
        const countries = readCountryList(listed ?? '');
        if ('notACountry' in countries) {
          problems.push(`${at('watch_links')}: "${countries.notACountry}" in "${entry}" is not a country: use ${COUNTRY_CODE_RULE}`);
          return { provider, url };
        }
        return countries.countries.length > 0 ? { provider, url, countries: countries.countries } : { provider, url };
      });
    const ids = (prefix: '' | 'show_'): ExternalIds | undefined => {
      const found: ExternalIds = {};
      for (const source of EXTERNAL_ID_SOURCES) {
        const value = get(`${prefix}${source}`);
        if (value === '') continue;
        if (isExternalId(source, value)) found[source] = value;
        else problems.push(`${at(`${prefix}${source}`)}: "${value}" is not ${EXTERNAL_ID_RULES[source].anId}: use ${EXTERNAL_ID_RULES[source].rule}`);
      }
      return Object.keys(found).length > 0 ? found : undefined;
    };
    // Other titles: an empty cell keeps the stored ones, like an id.
    const titles = (column: 'show_titles' | 'titles') => {
      const cell = get(column);
      if (cell === '') return {};
      const parsed = parseTitlesCell(cell);
      for (const problem of parsed.problems) problems.push(`${at(column)}: ${problem}`);
      return { titles: parsed.titles };
    };
    const showIds = ids('show_');
    const episodeIds = ids('');
    const votes = whole('baseline_votes', false, BASELINE_RANGE.count);
    const sum = whole('baseline_sum', false, BASELINE_RANGE.sum);
    if ((votes === null) !== (sum === null)) problems.push(`${at('baseline_votes')}: baseline_votes and baseline_sum go together`);

    let show = shows.get(slug);
    if (!show) {
      const title = get('show_title');
      if (!title) problems.push(`${at('show_title')}: the first row of show "${slug}" must give its title`);
      show = {
        slug,
        title,
        ...titles('show_titles'),
        synopsis: get('show_synopsis'),
        network: optional('network'),
        status: optional('status'),
        lastUpdated,
        ...(showIds ? { ids: showIds } : {}),
        seasons: [],
      };
      shows.set(slug, show);
      seasonsBySlug.set(slug, new Map());
    } else if (get('show_title') && show.title && get('show_title') !== show.title) {
      // Only the first row names the show; a different title later would be silently lost.
      problems.push(`${at('show_title')}: "${get('show_title')}" differs from "${show.title}", the title of show "${slug}" on its first row`);
    }
    if (seasonNumber === null || episodeNumber === null) continue;
    // Looked up by number, not searched: a show of 100,000 seasons made the search quadratic.
    const showSeasons = seasonsBySlug.get(slug)!;
    let season = showSeasons.get(seasonNumber);
    if (!season) {
      season = { number: seasonNumber, episodes: [] };
      show.seasons.push(season);
      showSeasons.set(seasonNumber, season);
    }
    season.episodes.push({
      number: episodeNumber,
      title: optional('title'),
      ...titles('titles'),
      airDate,
      synopsis: optional('synopsis'),
      directors: (optional('directors') ?? '')
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean),
      watchLinks: links,
      baseline: votes !== null && sum !== null ? { count: votes, sum } : null,
      ...(episodeIds ? { ids: episodeIds } : {}),
    });
  }
  if (problems.length > 0) throw new CatalogFormatError(source, problems.slice(0, 50));
  return { format: 'epirank-catalog', version: 1, shows: [...shows.values()] };
}
