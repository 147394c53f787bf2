/**
 * Schemas of the public JSON API (/api/v1). Routes validate their input with them, Fastify
 * serialises output with them, and @fastify/swagger turns them into the OpenAPI document.
 */
import { DAY_PATTERN } from '../ranking/snapshots/snapshot-day.js';
import Type, { type TSchema } from 'typebox';
import { SESSION_COOKIE } from '../http/session.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/availability.js';
import { SORT_ORDERS } from '../shared/sort-orders.js';
import { HistogramSchema, MAX_RATING, MIN_RATING } from '../votes/rating-scale.js';
import { VOTER_COOKIE } from '../http/voter-cookie.js';
import { pageNumber, pathNumber, slug } from '../http/schemas.js';

/** A value or null; a description, when given, says what null means. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description === undefined ? {} : { description });

/** Two decimals, as pages show them ("9.40"). */
export const Decimal = Nullable(Type.String({ pattern: '^\\d+\\.\\d\\d$', examples: ['9.40'] }));
export const IsoDate = Nullable(Type.String({ format: 'date', examples: ['2003-04-03'] }));

export const ShowSlug = slug('The show’s slug, e.g. `kaleido-star`.');

export const ShowParams = Type.Object({ show: ShowSlug });
export const SeasonParams = Type.Object({ show: ShowSlug, season: pathNumber('Season number, from 1.') });
export const EpisodeParams = Type.Object({
  show: ShowSlug,
  season: pathNumber('Season number, from 1.'),
  episode: pathNumber('Episode number within the season, from 1.'),
});

export const SortQuery = Type.Object({
  sort: Type.Optional(
    Type.Enum([...SORT_ORDERS], {
      default: 'score',
      description:
        '`score`: fan score (the default); `average`: plain average; `votes`: most votes. Ties: more votes, higher average, lower season, lower episode.',
    }),
  ),
});

/** The most episodes one ranking answer holds: a 1000-episode show is five answers, not one 330 KB one. */
export const MAX_RANKING_PER_PAGE = 200;

/** `sort`, `page` and `perPage` for a ranking; the default page size is the ranking page's own. */
export function rankingQuery(defaultPerPage: number) {
  return Type.Object({
    ...SortQuery.properties,
    page: Type.Optional(pageNumber({ default: 1, description: 'Which page, from 1; a page past the last one is 404.' })),
    perPage: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_RANKING_PER_PAGE,
        default: defaultPerPage,
        description: 'Episodes on a page, rated ones first, then unrated ones.',
      }),
    ),
    as_of: Type.Optional(
      Type.String({
        pattern: DAY_PATTERN,
        description:
          'A past day (YYYY-MM-DD, UTC): the ranking as it stood then, from the latest daily snapshot on or before it. A day in the future is 400; a day before the first snapshot kept is 404.',
        examples: ['2026-03-03'],
      }),
    ),
  });
}

/** The list of shows: 20 to a page unless asked for up to 100, and at most 10,000 pages deep. */
export const API_SHOWS_PER_PAGE = { default: 20, max: 100 } as const;
const MAX_SHOWS_PAGE = 10_000;

export const ShowsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Only shows whose title contains this text (case-insensitive).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SHOWS_PAGE, default: 1, description: 'Which page, from 1.' })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: API_SHOWS_PER_PAGE.max, default: API_SHOWS_PER_PAGE.default, description: 'Shows on a page.' })),
});

export const Rank = Nullable(
  Type.Object(
    { rank: Type.Integer({ minimum: 1 }), of: Type.Integer({ minimum: 1 }) },
    { description: 'Position by fan score among the rated episodes, and how many are rated.' },
  ),
);

export const ApiWatchLinkSchema = Type.Object({
  provider: Type.String(),
  url: Type.String(),
  countries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), {
    description: 'Where the link works: ISO 3166-1 alpha-2 codes. Empty: everywhere, or not known.',
  }),
});

/** A title besides the listed one (src/catalog/alternate-titles.ts). */
export const ApiAlternateTitleSchema = Type.Object({
  title: Type.String(),
  language: Type.String({ description: 'BCP 47, with the script where it matters: `ja` native, `ja-Latn` romaji, `en`.', examples: ['ja-Latn'] }),
  original: Type.Boolean({ description: 'The title it first aired under; at most one is.' }),
});

const AlternateTitles = Type.Optional(
  Type.Array(ApiAlternateTitleSchema, {
    description: 'Its titles besides `title` (native script, romanisation, translations), in the catalogue’s order; absent from lists of shows.',
  }),
);

/** One episode in a ranking or on its own. */
export const ApiEpisodeSchema = Type.Object({
  id: Type.Integer(),
  season: Type.Integer(),
  number: Type.Integer(),
  title: Type.String({ description: 'The title, or "Episode N" when it is unknown.' }),
  titles: AlternateTitles,
  airDate: IsoDate,
  synopsis: Nullable(Type.String()),
  directors: Type.Array(Type.String()),
  watchLinks: Type.Array(ApiWatchLinkSchema),
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description:
      'Position in the ranking this answer belongs to: in a season or show ranking, the place in its `sort` order; ' +
      'for an episode on its own (one episode, a vote’s answer), its place in its season by fan score (`seasonRank.rank`); ' +
      'for a show’s best episode, its place in the show (1). Null while the episode has no votes.',
  }),
  votes: Type.Integer({ minimum: 0 }),
  average: Decimal,
  fanScore: Decimal,
  fewVotes: Type.Boolean({ description: 'Fewer votes than the prior weight m: the show mean still weighs heavily.' }),
});

export const EpisodeDetailSchema = Type.Intersect([
  ApiEpisodeSchema,
  Type.Object({
    histogram: HistogramSchema(`Votes cast on Epirank for each rating ${MIN_RATING}…${MAX_RATING} (index 0 holds the ${MIN_RATING}s).`),
    votesHere: Type.Integer({ minimum: 0, description: 'Votes cast on Epirank (the histogram’s total).' }),
    baselineVotes: Type.Integer({ minimum: 0, description: 'Votes imported from elsewhere, ratings unknown.' }),
    seasonRank: Rank,
    showRank: Rank,
  }),
]);

export const ApiShowSchema = Type.Object({
  slug: Type.String(),
  title: Type.String({ description: 'The title as the site lists it.' }),
  titles: AlternateTitles,
  synopsis: Type.String(),
  network: Nullable(Type.String()),
  status: Nullable(Type.String()),
  lastUpdated: IsoDate,
});

export const SeasonSummarySchema = Type.Object({
  number: Type.Integer(),
  episodeCount: Type.Integer(),
  ratedEpisodeCount: Type.Integer(),
  votes: Type.Integer(),
  average: Decimal,
});

export const ShowListItemSchema = Type.Intersect([
  ApiShowSchema,
  Type.Object({
    votes: Type.Integer(),
    episodeCount: Type.Integer(),
    bestEpisode: Nullable(ApiEpisodeSchema),
  }),
]);

export const ShowsPageSchema = Type.Object({
  items: Type.Array(ShowListItemSchema),
  page: Type.Integer(),
  perPage: Type.Integer(),
  total: Type.Integer({ description: 'Shows matching the query, on all pages.' }),
});

export const ShowDetailSchema = Type.Intersect([ApiShowSchema, Type.Object({ seasons: Type.Array(SeasonSummarySchema) })]);

export const RankingSchema = Type.Object({
  show: Type.Object({ slug: Type.String(), title: Type.String() }),
  season: Nullable(Type.Integer({ description: 'The season ranked, or null for the whole show.' })),
  sort: Type.Enum([...SORT_ORDERS]),
  priorVotes: Type.Integer({ description: 'm in the fan score (RANK_PRIOR_VOTES).' }),
  showMean: Decimal,
  ranked: Type.Array(ApiEpisodeSchema),
  unrated: Type.Array(ApiEpisodeSchema, { description: 'Episodes without votes, in episode order, after the rated ones (on the last pages).' }),
  total: Type.Integer({ minimum: 0, description: 'Episodes in the whole ranking, rated and unrated, on all pages.' }),
  page: Type.Integer({ minimum: 1, description: 'This page, from 1; ranks on later pages continue from the earlier ones.' }),
  perPage: Type.Integer({ minimum: 1 }),
  next: Nullable(Type.String({ description: 'Path of the next page with the same sort and page size, or null on the last page.' })),
  prev: Nullable(Type.String({ description: 'Path of the previous page, or null on the first page.' })),
  asOf: Type.Optional(Type.String({ description: 'With `as_of`: the day asked for, whose ranking this is.' })),
});

/** RFC 9457 problem details; `type` is stable per kind of error. */
export const ProblemSchema = Type.Object({
  type: Type.String({ examples: ['/problems/not-found'] }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  instance: Type.String(),
});

/** A successful JSON answer, documented with its own description. */
export function answer<T extends TSchema>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * A successful read: its body, and the caching headers every read carries (src/http/api-caching.ts),
 * which make the 304 below possible.
 */
export function readAnswer<T extends TSchema>(description: string, schema: T) {
  return {
    ...answer(description, schema),
    headers: {
      ETag: { type: 'string', description: 'a strong tag of this body; send it back in If-None-Match to get 304 while it is unchanged.' },
      'Cache-Control': { type: 'string', description: 'how long the answer may be reused without asking again.' },
    },
  };
}

const RetryAfter = (description: string) => ({ 'Retry-After': { type: 'integer', minimum: 1, description } });

/** An error answer, documented with the media type it is sent with. */
export function problem(description: string, headers?: Record<string, object>) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } }, ...(headers ? { headers } : {}) };
}

/** Every operation reads or writes the database, so every one may answer this (src/web/ui/errors.ts). */
export const unavailable = {
  503: problem(
    `The database is unavailable at the moment (\`/problems/service-unavailable\`): the request did not go through, and the same request may be sent again after Retry-After.`,
    RetryAfter(`seconds to wait before trying again (${DATABASE_RETRY_AFTER_SECONDS}).`),
  ),
};

/** The vote limits per voter and per address (VOTE_LIMIT_PER_VOTER, VOTE_LIMIT_PER_IP). */
export const tooManyRequests = {
  429: problem(
    'Too many votes from this voter or address (`/problems/too-many-requests`); nothing was written.',
    RetryAfter('seconds until this voter and address may vote again.'),
  ),
};

/**
 * A request that sent `Authorization: Bearer` with a token that names nobody, on any operation
 * (src/http/api-token-auth.ts); the answer carries `WWW-Authenticate: Bearer`.
 */
export const badToken = {
  401: problem(
    'The `Authorization: Bearer` token is malformed, unknown or revoked (`/problems/unauthorized`); nothing was read or written. Cookies sent with it are not used instead.',
    { 'WWW-Authenticate': { type: 'string', description: '`Bearer realm="Epirank", error="invalid_token"`.' } },
  ),
};

/** The answers every read endpoint may give besides its 200. */
export const readErrors = {
  304: { type: 'null', description: 'Not modified: the If-None-Match tag is current, and no body is sent.' },
  400: problem('A malformed parameter (`/problems/invalid-request`); `detail` names it.'),
  ...badToken,
  404: problem('No such show, season or episode (`/problems/not-found`).'),
  ...unavailable,
} as const;

/**
 * How a request names its voter. Reads need nothing (`security: []`); a vote is the account's of
 * the personal API token when one is sent, else the signed-in account's when the session cookie is
 * sent, else the anonymous voter's named by the voter cookie, else a new anonymous voter's, whose
 * cookie comes back in Set-Cookie. The account's own data (/api/v1/me) needs the token.
 */
export const SECURITY_SCHEMES = {
  personalToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'epr_…',
    description:
      'A personal API token, created at /account/tokens and shown once: `Authorization: Bearer epr_…`. The request is then the account’s, whatever cookies it carries; a malformed, unknown or revoked token is 401.',
  },
  voterCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: VOTER_COOKIE,
    description:
      'The anonymous voter, signed by the server. A client that votes without it becomes a new voter and receives it in Set-Cookie; sending it back keeps the same voter, so a rating can be replaced or withdrawn. Over HTTPS it is named `__Host-epirank_voter`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'A signed-in fan’s session (from /account/sign-in). When it is sent, votes are the account’s and the voter cookie is not used. Over HTTPS it is named `__Host-epirank_session`.',
  },
} as const;

/** For reads: public, no cookie needed. */
export const PUBLIC: Array<Record<string, string[]>> = [];

/** For votes: a personal token, or the session cookie, or the voter cookie, or none (a new voter is made). */
export const VOTER: Array<Record<string, string[]>> = [{ personalToken: [] }, { sessionCookie: [] }, { voterCookie: [] }, {}];

/** For the account's own data: a personal token only. */
export const TOKEN_HOLDER: Array<Record<string, string[]>> = [{ personalToken: [] }];
