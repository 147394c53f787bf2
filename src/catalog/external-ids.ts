/**
 * What an external id looks like, stated once: which sites a show or an episode may carry an id
 * from (migration 0012), how each site writes its ids, and where each id leads. The catalogue
 * format's JSON Schema, the admin forms, the TVmaze importer and the links on show and episode
 * pages are all built from these values.
 */
import { EXTERNAL_ID_SOURCES, type ExternalIdSource } from '../db/schema.js';

export { EXTERNAL_ID_SOURCES, type ExternalIdSource };

/** A show's or an episode's ids, at most one per site; a site without an id is absent. */
export type ExternalIds = Partial<Record<ExternalIdSource, string>>;

/**
 * Ids as an import gives them: a site named with an id sets it, a site named with null removes
 * its id, and a site left out keeps whatever is stored. So a TVmaze import, which knows no TMDB
 * id, never erases one an editor typed in.
 */
export type ExternalIdChanges = Partial<Record<ExternalIdSource, string | null>>;

/** The set a record holds once `changes` are applied to what it holds now. */
export function withExternalIdChanges(stored: ExternalIds, changes: ExternalIdChanges): ExternalIds {
  const result: ExternalIds = {};
  for (const source of EXTERNAL_ID_SOURCES) {
    const id = changes[source] === undefined ? stored[source] : changes[source];
    if (id !== undefined && id !== null) result[source] = id;
  }
  return result;
}

interface SourceRule {
  /** The site's name, for people. */
  label: string;
  /** "an IMDb id", for sentences. */
  anId: string;
  /** The id's shape as a JSON Schema / RegExp pattern. */
  pattern: string;
  /** The shape in words, for problems and form errors. */
  rule: string;
}

// The numeric ids carry no leading zero, so that each id has one spelling and the unique index on
// (source, id) cannot be sidestepped by writing "0042" for "42". IMDb's ids keep their zeros:
// "tt0123456" is the id, with at least seven digits.
const POSITIVE_INTEGER = '^[1-9][0-9]{0,11}$';
const POSITIVE_INTEGER_RULE = 'a positive whole number written in digits, e.g. 12345';

export const EXTERNAL_ID_RULES: Record<ExternalIdSource, SourceRule> = {
  imdb: { label: 'IMDb', anId: 'an IMDb id', pattern: '^tt[0-9]{7,10}$', rule: '"tt" followed by 7 to 10 digits, e.g. tt0123456' },
  tvdb: { label: 'TheTVDB', anId: 'a TheTVDB id', pattern: POSITIVE_INTEGER, rule: POSITIVE_INTEGER_RULE },
  tmdb: { label: 'TMDB', anId: 'a TMDB id', pattern: POSITIVE_INTEGER, rule: POSITIVE_INTEGER_RULE },
  tvmaze: { label: 'TVmaze', anId: 'a TVmaze id', pattern: POSITIVE_INTEGER, rule: POSITIVE_INTEGER_RULE },
};

const patterns = Object.fromEntries(EXTERNAL_ID_SOURCES.map((s) => [s, new RegExp(EXTERNAL_ID_RULES[s].pattern)])) as Record<ExternalIdSource, RegExp>;

export function isExternalIdSource(text: string): text is ExternalIdSource {
  return (EXTERNAL_ID_SOURCES as readonly string[]).includes(text);
}

export function isExternalId(source: ExternalIdSource, id: string): boolean {
  return patterns[source].test(id);
}

/** The ids in source order (sites set to null left out), for stable output (exports, forms, links). */
export function externalIdEntries(ids: ExternalIdChanges): Array<[ExternalIdSource, string]> {
  const entries: Array<[ExternalIdSource, string]> = [];
  for (const source of EXTERNAL_ID_SOURCES) {
    const id = ids[source];
    if (id !== undefined && id !== null) entries.push([source, id]);
  }
  return entries;
}

export function sameExternalIds(a: ExternalIds, b: ExternalIds): boolean {
  return EXTERNAL_ID_SOURCES.every((s) => a[s] === b[s]);
}

/**
 * The page an id leads to on its site. TheTVDB and TMDB address shows and episodes differently
 * (and an episode's page there needs the show's id too), so only the sites that address a record
 * by its id alone get a link for an episode.
 */
export function externalIdUrl(kind: 'show' | 'episode', source: ExternalIdSource, id: string): string | null {
  const encoded = encodeURIComponent(id);
  switch (source) {
    case 'imdb':
      return `https://www.imdb.com/title/${encoded}/`;
    case 'tvmaze':
      return kind === 'show' ? `https://www.tvmaze.com/shows/${encoded}` : `https://www.tvmaze.com/episodes/${encoded}`;
    case 'tmdb':
      return kind === 'show' ? `https://www.themoviedb.org/tv/${encoded}` : null;
    case 'tvdb':
      return kind === 'show' ? `https://thetvdb.com/dereferrer/series/${encoded}` : `https://thetvdb.com/dereferrer/episode/${encoded}`;
  }
}
