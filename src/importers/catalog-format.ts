import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * Epirank's own catalogue file format ("epirank-catalog", version 1): shows with their seasons and
 * episodes, directors, watch links and optional baseline tallies. The TypeBox schema below is the
 * format's JSON Schema; files are validated against it before anything is written.
 */

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const OptionalText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const IsoDate = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

export const WatchLinkSchema = Type.Object(
  {
    provider: Text(100),
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const BaselineSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 1, description: 'Votes cast on another site.' }),
    sum: Type.Integer({ minimum: 1, description: 'Sum of those ratings (1–10 each).' }),
  },
  { additionalProperties: false, description: 'A tally brought from another site; its histogram is unknown.' },
);

export const RatingSchema = Type.Object(
  {
    voter: Type.String({ minLength: 1, maxLength: 64, description: 'An opaque voter id, as Epirank exported it.' }),
    kind: Type.Enum(['anonymous', 'account']),
    rating: Type.Integer({ minimum: 1, maximum: 10 }),
    castAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const EpisodeSchema = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 100000 }),
    title: OptionalText(300),
    airDate: IsoDate,
    synopsis: OptionalText(10000),
    directors: Type.Array(Text(200), { maxItems: 50 }),
    watchLinks: Type.Array(WatchLinkSchema, { maxItems: 20 }),
    baseline: Type.Union([BaselineSchema, Type.Null()]),
    ratings: Type.Optional(Type.Array(RatingSchema, { description: 'Individual ratings cast on Epirank (export --votes).' })),
  },
  { additionalProperties: false },
);

export const SeasonSchema = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 100000 }),
    episodes: Type.Array(EpisodeSchema),
  },
  { additionalProperties: false },
);

export const ShowSchema = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
    title: Text(300),
    synopsis: Type.String({ maxLength: 20000 }),
    network: OptionalText(200),
    status: OptionalText(100),
    lastUpdated: IsoDate,
    seasons: Type.Array(SeasonSchema),
  },
  { additionalProperties: false },
);

export const CatalogFileSchema = Type.Object(
  {
    format: Type.Literal('epirank-catalog'),
    version: Type.Literal(1),
    shows: Type.Array(ShowSchema),
  },
  { additionalProperties: false, $id: 'https://epirank.invalid/schemas/catalog-v1.json' },
);

export type CatalogFile = Static<typeof CatalogFileSchema>;

/** The format's JSON Schema as a document (docs/catalog.schema.json is this text). */
export function catalogJsonSchema(): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Epirank catalogue file', ...CatalogFileSchema };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
export type CatalogShow = Static<typeof ShowSchema>;
export type CatalogEpisode = Static<typeof EpisodeSchema>;

export class CatalogFormatError extends Error {
  override name = 'CatalogFormatError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
  }
}

/**
 * Checks a parsed file against the schema and the rules a schema cannot say (unique season and
 * episode numbers, a baseline sum that 1–10 ratings can reach). Throws naming every problem's
 * JSON path, or returns the file typed.
 */
export function parseCatalogFile(data: unknown, source: string): CatalogFile {
  const errors = [...Value.Errors(CatalogFileSchema, data)].filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean');
  // A nullable field that fails its real type also fails the "or null" branch; that second
  // message says nothing useful, so it is dropped wherever a more specific one exists.
  const isNullBranch = (e: (typeof errors)[number]) => e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null';
  const specific = new Set(errors.filter((e) => !isNullBranch(e)).map((e) => e.instancePath));
  const schemaProblems = errors
    .filter((e) => !(isNullBranch(e) && specific.has(e.instancePath)))
    .slice(0, 20)
    .map((e) => `${e.instancePath || '/'} ${e.message}`);
  if (schemaProblems.length > 0) throw new CatalogFormatError(source, schemaProblems);
  const file = data as CatalogFile;
  const problems: string[] = [];
  const slugs = new Set<string>();
  file.shows.forEach((show, s) => {
    if (slugs.has(show.slug)) problems.push(`/shows/${s}/slug "${show.slug}" appears twice`);
    slugs.add(show.slug);
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
        const b = episode.baseline;
        if (b && (b.sum < b.count || b.sum > 10 * b.count)) {
          problems.push(`${where}/baseline sum ${b.sum} is impossible for ${b.count} ratings of 1 to 10`);
        }
        const voters = new Set<string>();
        episode.ratings?.forEach((r, i) => {
          if (voters.has(r.voter)) problems.push(`${where}/ratings/${i}/voter "${r.voter}" rates this episode twice`);
          voters.add(r.voter);
        });
      });
    });
  });
  if (problems.length > 0) throw new CatalogFormatError(source, problems);
  return file;
}
