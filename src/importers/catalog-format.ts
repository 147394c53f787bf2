/**
 * Epirank's own catalogue file format ("epirank-catalog", version 1): shows with their seasons and
 * episodes, their other titles (by language), directors, watch links, ids on other sites and
 * optional baseline tallies. The TypeBox schema below is the format's JSON Schema; files are
 * validated against it before anything is written. Its limits and patterns come from
 * src/catalog/catalog-rules.ts, src/catalog/external-ids.ts and src/catalog/alternate-titles.ts.
 * Only slugs, titles and numbers are required:
 * every other field may be left out and takes the default the schema states.
 */
import { inEnglish, says, type Wording } from '../shared/errors.js';
import Type, { type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import {
  DATE_RULE,
  LIMITS,
  MAX_BASELINE_VOTES,
  MAX_DIRECTORS,
  MAX_WATCH_LINKS,
  NUMBER_RANGE,
  PROVIDER_PATTERN,
  SINGLE_LINE_PATTERN,
  SLUG_PATTERN,
  WATCH_LINK_URL_PATTERN,
} from '../catalog/catalog-rules.js';
import type { Show, StoredEpisode } from '../catalog/catalog.types.js';
import { COUNTRY_CODE_PATTERN, COUNTRY_CODE_RULE, isCountryCode, MAX_LINK_COUNTRIES } from '../shared/countries.js';
import { EXTERNAL_ID_RULES, externalIdEntries, type ExternalIdChanges, type ExternalIdSource } from '../catalog/external-ids.js';
import {
  ALTERNATE_TITLE_MAX_LENGTH,
  alternateTitleProblems,
  type AlternateTitle,
  LANGUAGE_TAG_MAX_LENGTH,
  LANGUAGE_TAG_PATTERN,
  LANGUAGE_TAG_RULE,
  MAX_ALTERNATE_TITLES,
} from '../catalog/alternate-titles.js';
import { describeSchemaErrors } from './format-problems.js';
import { EXPORTED_VOTER_PATTERN, kindOfExportedVoter } from './exported-voters.js';
import { MAX_RATING, MIN_RATING, RATING_RANGE_TEXT } from '../votes/rating-scale.js';

const Line = (maxLength: number, options: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength, pattern: SINGLE_LINE_PATTERN, ...options });
const Nullable = <T extends TSchema>(schema: T, description: string) => Type.Optional(Type.Union([schema, Type.Null()], { default: null, description }));
const List = <T extends TSchema>(items: T, maxItems: number | undefined, description: string) =>
  Type.Optional(Type.Array(items, { ...(maxItems === undefined ? {} : { maxItems }), default: [], description }));
const CatalogNumber = (description: string) => Type.Integer({ minimum: NUMBER_RANGE.min, maximum: NUMBER_RANGE.max, description });
const IsoDate = Type.String({ format: 'date', description: DATE_RULE });

const ExternalId = (source: ExternalIdSource) =>
  Type.Optional(
    Type.Union([Type.String({ pattern: EXTERNAL_ID_RULES[source].pattern }), Type.Null()], {
      description: `Its ${EXTERNAL_ID_RULES[source].label} id: ${EXTERNAL_ID_RULES[source].rule}; null removes a stored one.`,
    }),
  );

/**
 * Each site given sets (or, with null, removes) that site's id; a site left out keeps the stored
 * one (see ExternalIdChanges). An id names one show, or one episode, in the whole catalogue.
 */
export const CatalogFileIdsSchema = Type.Object(
  { imdb: ExternalId('imdb'), tvdb: ExternalId('tvdb'), tmdb: ExternalId('tmdb'), tvmaze: ExternalId('tvmaze') },
  { additionalProperties: false, description: 'Its ids on other sites, written as text.' },
);

/**
 * A title besides the listed one (src/catalog/alternate-titles.ts). A list given replaces the
 * record's stored list; a list left out keeps it, so a source that knows no titles erases none.
 */
export const CatalogFileTitlesSchema = Type.Optional(
  Type.Array(
    Type.Object(
      {
        title: Line(ALTERNATE_TITLE_MAX_LENGTH, { minLength: 1 }),
        language: Type.String({ pattern: LANGUAGE_TAG_PATTERN, maxLength: LANGUAGE_TAG_MAX_LENGTH, description: `Its language: ${LANGUAGE_TAG_RULE}.` }),
        original: Type.Optional(Type.Boolean({ default: false, description: 'The title it first aired under; at most one.' })),
      },
      { additionalProperties: false },
    ),
    {
      maxItems: MAX_ALTERNATE_TITLES,
      description: 'Its titles besides `title` (native script, romanisation, translations), each with its language; replaces the stored list when given.',
    },
  ),
);

export const CatalogFileWatchLinkSchema = Type.Object(
  {
    provider: Type.String({ minLength: 1, maxLength: LIMITS.provider, pattern: PROVIDER_PATTERN, description: 'Where to watch, e.g. "Crunchyroll".' }),
    url: Type.String({ format: 'uri', pattern: WATCH_LINK_URL_PATTERN, maxLength: LIMITS.watchLinkUrl, description: 'An http:// or https:// address.' }),
    countries: Type.Optional(
      Type.Array(Type.String({ pattern: COUNTRY_CODE_PATTERN }), {
        uniqueItems: true,
        maxItems: MAX_LINK_COUNTRIES,
        description: `Where the link works: ISO 3166-1 alpha-2 codes in capitals, e.g. ["JP", "US"]. Absent or empty: everywhere, or not known.`,
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * What a baseline tally's two numbers may be, in every format that carries one (this schema and the
 * CSV columns baseline_votes and baseline_sum), so that any exported tally imports again.
 */
export const BASELINE_RANGE = {
  count: { min: 1, max: MAX_BASELINE_VOTES },
  sum: { min: MIN_RATING, max: MAX_RATING * MAX_BASELINE_VOTES },
} as const;

export const CatalogFileBaselineSchema = Type.Object(
  {
    count: Type.Integer({ minimum: BASELINE_RANGE.count.min, maximum: BASELINE_RANGE.count.max, description: 'Votes cast on another site.' }),
    sum: Type.Integer({ minimum: BASELINE_RANGE.sum.min, maximum: BASELINE_RANGE.sum.max, description: `Sum of those ratings (${RATING_RANGE_TEXT} each).` }),
  },
  { additionalProperties: false, description: 'A tally brought from another site; its histogram is unknown.' },
);

export const CatalogFileRatingSchema = Type.Object(
  {
    voter: Type.String({
      maxLength: 64,
      pattern: EXPORTED_VOTER_PATTERN,
      description: 'An anonymous voter (a:…) or an account by its public id (p:…), as Epirank exported it; never an account number.',
    }),
    kind: Type.Enum(['anonymous', 'account']),
    rating: Type.Integer({ minimum: MIN_RATING, maximum: MAX_RATING }),
    castAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const CatalogFileEpisodeSchema = Type.Object(
  {
    number: CatalogNumber('The episode number within its season.'),
    title: Nullable(Line(LIMITS.episodeTitle), 'Null when unknown: pages show "Episode N".'),
    titles: CatalogFileTitlesSchema,
    airDate: Nullable(IsoDate, 'First broadcast, YYYY-MM-DD.'),
    synopsis: Nullable(Type.String({ maxLength: LIMITS.episodeSynopsis }), 'Plain text; blank lines separate paragraphs.'),
    directors: List(Line(LIMITS.directorName, { minLength: 1 }), MAX_DIRECTORS, 'Names, in credit order.'),
    watchLinks: List(CatalogFileWatchLinkSchema, MAX_WATCH_LINKS, 'Where fans can watch it.'),
    baseline: Nullable(CatalogFileBaselineSchema, 'A tally from another site, added to the votes cast here.'),
    ids: Type.Optional(CatalogFileIdsSchema),
    ratings: Type.Optional(Type.Array(CatalogFileRatingSchema, { description: 'Individual ratings cast on Epirank (export --votes).' })),
  },
  { additionalProperties: false },
);

export const CatalogFileSeasonSchema = Type.Object(
  {
    number: CatalogNumber('The season number.'),
    episodes: List(CatalogFileEpisodeSchema, undefined, 'Its episodes, in any order.'),
  },
  { additionalProperties: false },
);

export const CatalogFileShowSchema = Type.Object(
  {
    slug: Type.String({ pattern: SLUG_PATTERN, maxLength: LIMITS.slug, description: 'The show’s address, /shows/<slug>, and its identity across imports.' }),
    title: Line(LIMITS.showTitle, { minLength: 1 }),
    titles: CatalogFileTitlesSchema,
    synopsis: Type.Optional(
      Type.Union([Type.String({ maxLength: LIMITS.showSynopsis }), Type.Null()], { default: '', description: 'Plain text; null or absent for none.' }),
    ),
    network: Nullable(Line(LIMITS.network), 'The channel or service that airs it.'),
    status: Nullable(Line(LIMITS.status), 'Free text, e.g. "Ended" or "Running".'),
    lastUpdated: Nullable(IsoDate, 'When the show’s details last changed, YYYY-MM-DD.'),
    ids: Type.Optional(CatalogFileIdsSchema),
    seasons: List(CatalogFileSeasonSchema, undefined, 'Its seasons, in any order.'),
  },
  { additionalProperties: false },
);

export const CatalogFileSchema = Type.Object(
  {
    format: Type.Optional(Type.Literal('epirank-catalog', { default: 'epirank-catalog', description: 'Names the format.' })),
    version: Type.Optional(Type.Literal(1, { default: 1, description: 'The format’s version.' })),
    shows: Type.Array(CatalogFileShowSchema),
  },
  { additionalProperties: false, $id: 'https://epirank.invalid/schemas/catalog-v1.json' },
);

/** A catalogue file as a person may write it: optional fields left out. */
export type CatalogFileInput = Static<typeof CatalogFileSchema>;

type Rating = Static<typeof CatalogFileRatingSchema>;

/**
 * An episode with every field present (what the importer reads and the exporter writes): the
 * stored episode's fields without its id, and the file's own additions.
 */
export interface CatalogEpisode extends Omit<StoredEpisode, 'id'> {
  /** Its other titles, replacing the stored ones; left out, the stored ones stay. */
  titles?: AlternateTitle[];
  /** Ids on other sites to set or (null) remove; sites left out keep their stored ids. */
  ids?: ExternalIdChanges;
  ratings?: Rating[];
}

export interface CatalogSeason {
  number: number;
  episodes: CatalogEpisode[];
}

/** A show with every field present: the stored show's fields without its id, and its seasons. */
export interface CatalogShow extends Omit<Show, 'id'> {
  /** Its other titles, replacing the stored ones; left out, the stored ones stay. */
  titles?: AlternateTitle[];
  /** Ids on other sites to set or (null) remove; sites left out keep their stored ids. */
  ids?: ExternalIdChanges;
  seasons: CatalogSeason[];
}

/** A validated catalogue with every default filled in. */
export interface CatalogFile {
  format: 'epirank-catalog';
  version: 1;
  shows: CatalogShow[];
}

/** The format's JSON Schema as a document (docs/catalog.schema.json is this text). */
export function catalogJsonSchema(): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Epirank catalogue file', ...CatalogFileSchema };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export class CatalogFormatError extends Error {
  override name = 'CatalogFormatError';
  constructor(
    readonly source: string,
    /** The problems as messages, put into words where they are shown (the admin page, in its language). */
    readonly wordings: readonly Wording[],
  ) {
    super(`${source}: ${wordings.map(inEnglish).join('; ')}`);
  }

  /** The problems in English, as the command line prints them. */
  get problems(): string[] {
    return this.wordings.map(inEnglish);
  }
}

/**
 * Checks a parsed file against the schema and the rules a schema cannot say (unique season and
 * episode numbers, a baseline sum that 1–10 ratings can reach). Throws naming every problem's
 * JSON path in plain words, or returns the file with every left-out field at its default.
 */
export function parseCatalogFile(data: unknown, source: string): CatalogFile {
  // Check first (fast) and collect the errors only for a file that fails.
  if (!Value.Check(CatalogFileSchema, data)) {
    const problems = describeSchemaErrors(Value.Errors(CatalogFileSchema, data), data);
    throw new CatalogFormatError(source, problems.length > 0 ? problems : [says('errors.catalogueNotCatalogue')]);
  }
  const file = withDefaults(data);
  const problems: string[] = [];
  const slugs = new Set<string>();
  const showIds = new IdHolders(problems);
  const episodeIds = new IdHolders(problems);
  file.shows.forEach((show, s) => {
    if (slugs.has(show.slug)) problems.push(`/shows/${s}/slug "${show.slug}" appears twice`);
    slugs.add(show.slug);
    showIds.claim(show.ids, `/shows/${s}`, `show "${show.slug}"`);
    for (const problem of alternateTitleProblems(show.titles ?? [])) problems.push(`/shows/${s}/titles: ${problem}`);
    const seasonNumbers = new Set<number>();
    show.seasons.forEach((season, n) => {
      const at = `/shows/${s}/seasons/${n}`;
      if (seasonNumbers.has(season.number)) problems.push(`${at}/number ${season.number} appears twice`);
      seasonNumbers.add(season.number);
      const episodeNumbers = new Set<number>();
      season.episodes.forEach((episode, e) => {
        const where = `${at}/episodes/${e}`;
        if (episodeNumbers.has(episode.number)) problems.push(`${where}/number ${episode.number} appears twice`);
        episodeNumbers.add(episode.number);
        episodeIds.claim(episode.ids, where, `episode ${show.slug} S${season.number}E${episode.number}`);
        episode.watchLinks.forEach((link, l) => {
          // The schema checked the form (two capitals); whether ISO 3166 assigned them is a lookup.
          link.countries?.forEach((code, c) => {
            if (!isCountryCode(code)) problems.push(`${where}/watchLinks/${l}/countries/${c} "${code}" is not a country: use ${COUNTRY_CODE_RULE}`);
          });
        });
        for (const problem of alternateTitleProblems(episode.titles ?? [])) problems.push(`${where}/titles: ${problem}`);
        const b = episode.baseline;
        if (b && (b.sum < MIN_RATING * b.count || b.sum > MAX_RATING * b.count)) {
          problems.push(`${where}/baseline sum ${b.sum} is impossible for ${b.count} ratings of ${RATING_RANGE_TEXT}`);
        }
        const voters = new Set<string>();
        episode.ratings?.forEach((r, i) => {
          if (voters.has(r.voter)) problems.push(`${where}/ratings/${i}/voter "${r.voter}" rates this episode twice`);
          voters.add(r.voter);
          if (r.kind !== kindOfExportedVoter(r.voter))
            problems.push(`${where}/ratings/${i}/kind must be "${kindOfExportedVoter(r.voter)}" for voter "${r.voter}"`);
        });
      });
    });
  });
  if (problems.length > 0) throw new CatalogFormatError(source, problems);
  return file;
}

/** Which record of the file claimed each id first, so a second claim names both. */
class IdHolders {
  private readonly holders = new Map<string, string>();

  constructor(private readonly problems: string[]) {}

  claim(ids: ExternalIdChanges | undefined, at: string, name: string): void {
    for (const [source, id] of externalIdEntries(ids ?? {})) {
      const key = `${source}\n${id}`;
      const first = this.holders.get(key);
      if (first === undefined) this.holders.set(key, `${name} (${at})`);
      else this.problems.push(`${at}/ids/${source} "${id}" is already the ${EXTERNAL_ID_RULES[source].label} id of ${first}; an id names one record`);
    }
  }
}

/** Fills in what the file left out, from the defaults the schema states. */
function withDefaults(data: CatalogFileInput): CatalogFile {
  const file = Value.Default(CatalogFileSchema, data) as CatalogFile;
  // A show's synopsis is stored as text; null, allowed for symmetry with episodes, means none.
  for (const show of file.shows) show.synopsis ??= '';
  return file;
}
