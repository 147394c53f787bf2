import Type from 'typebox';
import { SORT_ORDERS } from '../ranking/ranking.js';
import { HistogramSchema, MAX_RATING, MIN_RATING } from '../votes/rating-scale.js';

/**
 * Schemas of the public JSON API (/api/v1). Routes validate their input with them, Fastify
 * serialises output with them, and @fastify/swagger turns them into the OpenAPI document.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Two decimals, as pages show them ("9.40"). */
export const Decimal = Nullable(Type.String({ pattern: '^\\d+\\.\\d\\d$', examples: ['9.40'] }));
export const IsoDate = Nullable(Type.String({ format: 'date', examples: ['2003-04-03'] }));

export const ShowSlug = Type.String({ minLength: 1, maxLength: 100, description: 'The show’s slug, e.g. `kaleido-star`.' });
const Number_ = (description: string) => Type.Integer({ minimum: 1, maximum: 100000, description });

export const ShowParams = Type.Object({ show: ShowSlug });
export const SeasonParams = Type.Object({ show: ShowSlug, season: Number_('Season number, from 1.') });
export const EpisodeParams = Type.Object({
  show: ShowSlug,
  season: Number_('Season number, from 1.'),
  episode: Number_('Episode number within the season, from 1.'),
});

export const SortQuery = Type.Object({
  sort: Type.Optional(
    Type.Enum([...SORT_ORDERS], {
      default: 'score',
      description: '`score`: fan score (the default); `average`: plain average; `votes`: most votes. Ties: more votes, higher average, lower season, lower episode.',
    }),
  ),
});

export const ShowsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Only shows whose title contains this text (case-insensitive).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const Rank = Nullable(
  Type.Object(
    { rank: Type.Integer({ minimum: 1 }), of: Type.Integer({ minimum: 1 }) },
    { description: 'Position by fan score among the rated episodes, and how many are rated.' },
  ),
);

export const WatchLinkSchema = Type.Object({ provider: Type.String(), url: Type.String() });

/** One episode in a ranking or on its own. */
export const EpisodeSchema = Type.Object({
  id: Type.Integer(),
  season: Type.Integer(),
  number: Type.Integer(),
  title: Type.String({ description: 'The title, or "Episode N" when it is unknown.' }),
  airDate: IsoDate,
  synopsis: Nullable(Type.String()),
  directors: Type.Array(Type.String()),
  watchLinks: Type.Array(WatchLinkSchema),
  rank: Nullable(Type.Integer({ minimum: 1, description: 'Position in this ranking; null when unrated.' })),
  votes: Type.Integer({ minimum: 0 }),
  average: Decimal,
  fanScore: Decimal,
  fewVotes: Type.Boolean({ description: 'Fewer votes than the prior weight m: the show mean still weighs heavily.' }),
});

export const EpisodeDetailSchema = Type.Intersect([
  EpisodeSchema,
  Type.Object({
    histogram: HistogramSchema(`Votes cast on Epirank for each rating ${MIN_RATING}…${MAX_RATING} (index 0 holds the ${MIN_RATING}s).`),
    votesHere: Type.Integer({ minimum: 0, description: 'Votes cast on Epirank (the histogram’s total).' }),
    baselineVotes: Type.Integer({ minimum: 0, description: 'Votes imported from elsewhere, ratings unknown.' }),
    seasonRank: Rank,
    showRank: Rank,
  }),
]);

export const ShowSchema = Type.Object({
  slug: Type.String(),
  title: Type.String(),
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
  ShowSchema,
  Type.Object({
    votes: Type.Integer(),
    episodeCount: Type.Integer(),
    bestEpisode: Nullable(EpisodeSchema),
  }),
]);

export const ShowsPageSchema = Type.Object({
  items: Type.Array(ShowListItemSchema),
  page: Type.Integer(),
  perPage: Type.Integer(),
  total: Type.Integer({ description: 'Shows matching the query, on all pages.' }),
});

export const ShowDetailSchema = Type.Intersect([ShowSchema, Type.Object({ seasons: Type.Array(SeasonSummarySchema) })]);

export const RankingSchema = Type.Object({
  show: Type.Object({ slug: Type.String(), title: Type.String() }),
  season: Nullable(Type.Integer({ description: 'The season ranked, or null for the whole show.' })),
  sort: Type.Enum([...SORT_ORDERS]),
  priorVotes: Type.Integer({ description: 'm in the fan score (RANK_PRIOR_VOTES).' }),
  showMean: Decimal,
  ranked: Type.Array(EpisodeSchema),
  unrated: Type.Array(EpisodeSchema, { description: 'Episodes without votes, in episode order.' }),
});

/** RFC 9457 problem details; `type` is stable per kind of error. */
export const ProblemSchema = Type.Object({
  type: Type.String({ examples: ['/problems/not-found'] }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  instance: Type.String(),
});

/** An error answer, documented with the media type it is sent with. */
export function problem(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}

/** The error answers every read endpoint may give. */
export const readErrors = {
  400: problem('A malformed parameter (an id, a page, a sort order).'),
  404: problem('No such show, season or episode.'),
};
