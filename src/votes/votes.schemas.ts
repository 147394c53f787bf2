import Type from 'typebox';
import { SORT_ORDERS } from '../ranking/ranking.js';

/** Schemas shared by the vote form route and the JSON API. */

const Number_ = Type.Integer({ minimum: 1, maximum: 100000 });
export const EpisodeAddressParams = Type.Object({
  show: Type.String({ minLength: 1, maxLength: 100 }),
  season: Number_,
  episode: Number_,
});

export const Rating = Type.Integer({ minimum: 1, maximum: 10, description: 'A rating from 1 (worst) to 10 (best).' });

/** The no-JavaScript form (application/x-www-form-urlencoded), also posted by the voting script. */
export const VoteFormBody = Type.Object({
  rating: Type.Optional(Rating),
  action: Type.Optional(Type.Enum(['rate', 'withdraw'])),
  /** Where to send the browser back to: a path on this site. */
  return: Type.Optional(Type.String({ maxLength: 500 })),
  /** The order and list the page shows, so a JSON answer can carry the ranking as the page has it. */
  sort: Type.Optional(Type.Enum([...SORT_ORDERS])),
  scope: Type.Optional(Type.Enum(['season', 'show'])),
});

export const RatingBody = Type.Object({ rating: Rating }, { additionalProperties: false });

const Rank = Type.Union([Type.Object({ rank: Type.Integer(), of: Type.Integer() }), Type.Null()]);
const Decimal = Type.Union([Type.String({ pattern: '^\\d+\\.\\d\\d$' }), Type.Null()]);

export const StandingSummarySchema = Type.Object({
  id: Type.Integer(),
  season: Type.Integer(),
  number: Type.Integer(),
  title: Type.String(),
  rank: Type.Union([Type.Integer(), Type.Null()]),
  votes: Type.Integer(),
  average: Decimal,
  fanScore: Decimal,
  fewVotes: Type.Boolean(),
});

export const VoteResponse = Type.Object({
  yourRating: Type.Union([Rating, Type.Null()]),
  episode: Type.Intersect([
    StandingSummarySchema,
    Type.Object({
      histogram: Type.Array(Type.Integer(), { minItems: 10, maxItems: 10 }),
      votesHere: Type.Integer(),
      baselineVotes: Type.Integer(),
      seasonRank: Rank,
      showRank: Rank,
    }),
  ]),
  ranking: Type.Optional(
    Type.Object({
      scope: Type.Enum(['season', 'show']),
      sort: Type.Enum([...SORT_ORDERS]),
      episodes: Type.Array(StandingSummarySchema),
    }),
  ),
});
