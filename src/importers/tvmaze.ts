/**
 * The TVmaze API's show with embedded episodes (`/shows/:id?embed=episodes`), turned into a
 * catalogue file: the show's slug is made from its name, summaries lose their HTML, and
 * specials (episodes without a number) are left out, since a ranking addresses episodes by number.
 * The ids TVmaze knows come along: its own for the show and each episode, and the show's IMDb and
 * TheTVDB ids from `externals`.
 */
import { fitsLimit, formatLimit, isCalendarDate, isCatalogNumber, isSlug, LIMITS, NUMBER_RANGE_TEXT } from '../catalog/catalog-rules.js';
import { EXTERNAL_ID_RULES, isExternalId, type ExternalIdChanges, type ExternalIdSource } from '../catalog/external-ids.js';
import { CatalogFormatError, type CatalogFile, type CatalogSeason, type CatalogShow } from './catalog-format.js';
import { describeValue } from './format-problems.js';

interface TvmazeEpisode {
  id?: unknown;
  season?: unknown;
  number?: unknown;
  name?: unknown;
  airdate?: unknown;
  summary?: unknown;
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** TVmaze summaries are small HTML fragments: paragraphs, emphasis, the odd entity. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*p\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line name: TVmaze names occasionally carry stray line breaks or runs of spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Checks each field against the catalogue's rules as it converts, so a problem names the TVmaze
 * file's own path (/_embedded/episodes/3/airdate) rather than the catalogue made from it.
 */
export function catalogFromTvmaze(data: unknown, source: string): CatalogFile {
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CatalogFormatError(source, [`expected a TVmaze show object, found ${describeValue(data)}`]);
  }
  const show = data as Record<string, unknown>;
  const name = typeof show.name === 'string' ? oneLine(show.name) : '';
  if (name === '') problems.push(`/name: the show needs a name, found ${describeValue(show.name)}`);
  else if (!fitsLimit(name, LIMITS.showTitle)) problems.push(`/name: the name is longer than ${formatLimit(LIMITS.showTitle)} characters`);
  else if (!isSlug(slugify(name))) problems.push(`/name: ${describeValue(name)} has no letters or digits to make the show's address from`);
  const embedded = isObject(show._embedded) ? show._embedded.episodes : undefined;
  if (!Array.isArray(embedded)) problems.push('/_embedded/episodes: missing; fetch the show with ?embed=episodes');
  if (problems.length > 0) throw new CatalogFormatError(source, problems);

  const text = (path: string, value: unknown, limit: number): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      problems.push(`${path}: expected text or null, found ${describeValue(value)}`);
      return null;
    }
    if (!fitsLimit(value, limit)) problems.push(`${path}: longer than ${formatLimit(limit)} characters`);
    return value;
  };
  const channel = isObject(show.network) ? show.network : isObject(show.webChannel) ? show.webChannel : null;
  const network = channel && text(show.network === channel ? '/network/name' : '/webChannel/name', channel.name, LIMITS.network);
  const status = text('/status', show.status, LIMITS.status);
  const summary = text('/summary', show.summary, Number.MAX_SAFE_INTEGER);
  const catalogShow: CatalogShow = {
    slug: slugify(name),
    title: name,
    synopsis: summary === null ? '' : htmlToText(summary),
    network: network === null ? null : oneLine(network) || null,
    status: status === null ? null : oneLine(status) || null,
    lastUpdated: updatedDay(show.updated, problems),
    seasons: [],
  };
  const externals = isObject(show.externals) ? show.externals : {};
  const showIds = idsOf(
    [
      ['tvmaze', '/id', show.id],
      ['imdb', '/externals/imdb', externals.imdb],
      ['tvdb', '/externals/thetvdb', externals.thetvdb],
    ],
    problems,
  );
  if (showIds) catalogShow.ids = showIds;
  if (!fitsLimit(catalogShow.synopsis, LIMITS.showSynopsis)) {
    problems.push(`/summary: longer than ${formatLimit(LIMITS.showSynopsis)} characters as plain text`);
  }

  const seasons = new Map<number, CatalogSeason>();
  const seen = new Map<string, number>();
  (embedded as unknown[]).forEach((item, index) => {
    const at = `/_embedded/episodes/${index}`;
    if (!isObject(item)) {
      problems.push(`${at}: expected an episode object, found ${describeValue(item)}`);
      return;
    }
    const episode = item as TvmazeEpisode;
    if (episode.number === null || episode.number === undefined) return; // a special
    if (!isCatalogNumber(episode.season)) {
      problems.push(`${at}/season: ${describeValue(episode.season)} is not a season number (${NUMBER_RANGE_TEXT})`);
      return;
    }
    if (!isCatalogNumber(episode.number)) {
      problems.push(`${at}/number: ${describeValue(episode.number)} is not an episode number (${NUMBER_RANGE_TEXT})`);
      return;
    }
    const key = `${episode.season}/${episode.number}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${at}: season ${episode.season} episode ${episode.number} already appears at /_embedded/episodes/${first}`);
      return;
    }
    seen.set(key, index);
    let airDate: string | null = null;
    if (typeof episode.airdate === 'string' && episode.airdate !== '') {
      if (isCalendarDate(episode.airdate)) airDate = episode.airdate;
      else problems.push(`${at}/airdate: ${describeValue(episode.airdate)} is not a date (YYYY-MM-DD)`);
    } else if (episode.airdate !== undefined && episode.airdate !== null && episode.airdate !== '') {
      problems.push(`${at}/airdate: expected a date or null, found ${describeValue(episode.airdate)}`);
    }
    const title = text(`${at}/name`, episode.name, LIMITS.episodeTitle);
    const summaryText = text(`${at}/summary`, episode.summary, Number.MAX_SAFE_INTEGER);
    const synopsis = summaryText === null ? '' : htmlToText(summaryText);
    if (!fitsLimit(synopsis, LIMITS.episodeSynopsis)) {
      problems.push(`${at}/summary: longer than ${formatLimit(LIMITS.episodeSynopsis)} characters as plain text`);
    }
    let season = seasons.get(episode.season);
    if (!season) {
      season = { number: episode.season, episodes: [] };
      seasons.set(episode.season, season);
      catalogShow.seasons.push(season);
    }
    const ids = idsOf([['tvmaze', `${at}/id`, episode.id]], problems);
    season.episodes.push({
      number: episode.number,
      title: title === null ? null : oneLine(title) || null,
      airDate,
      synopsis: synopsis || null,
      directors: [],
      watchLinks: [],
      baseline: null,
      ...(ids ? { ids } : {}),
    });
  });
  if (problems.length > 0) throw new CatalogFormatError(source, problems.slice(0, 50));
  catalogShow.seasons.sort((a, b) => a.number - b.number);
  return { format: 'epirank-catalog', version: 1, shows: [catalogShow] };
}

/**
 * Ids as TVmaze writes them (numbers, IMDb's as text; null where it has none), checked against
 * Epirank's rules. A site TVmaze has no id for is left out, so an id typed in by an editor stays.
 */
function idsOf(found: Array<[ExternalIdSource, string, unknown]>, problems: string[]): ExternalIdChanges | undefined {
  const ids: ExternalIdChanges = {};
  for (const [source, path, value] of found) {
    if (value === undefined || value === null || value === '') continue;
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text === 'string' && isExternalId(source, text)) ids[source] = text;
    else problems.push(`${path}: ${describeValue(value)} is not ${EXTERNAL_ID_RULES[source].anId} (${EXTERNAL_ID_RULES[source].rule})`);
  }
  return Object.keys(ids).length > 0 ? ids : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * TVmaze's `updated` is seconds since 1970. Anything that is not a day from 1970 to 9999 (1e300,
 * -1, "soon") is refused with the path, rather than failing later inside the date conversion.
 */
function updatedDay(updated: unknown, problems: string[]): string | null {
  if (updated === undefined || updated === null) return null;
  const time = typeof updated === 'number' && Number.isFinite(updated) && updated >= 0 ? new Date(updated * 1000) : null;
  if (time === null || Number.isNaN(time.getTime()) || time.getUTCFullYear() > 9999) {
    problems.push(`/updated: ${describeValue(updated)} is not a time (seconds since 1970)`);
    return null;
  }
  return time.toISOString().slice(0, 10);
}
