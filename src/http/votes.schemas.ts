/** Schemas shared by the vote form route (web/site/votes.routes.ts) and the JSON API (api/votes.api.ts). */
import Type from 'typebox';
import { MAX_RETURN_PATH_LENGTH } from './return-path.js';
import { SORT_ORDERS } from '../shared/sort-orders.js';
import { MAX_RANKING_WINDOW } from '../shared/ranking-pages.js';
import { FormRatingSchema, HistogramSchema, RatingOutputSchema, RatingSchema } from '../votes/rating-scale.js';
import { EpisodeParams } from './schemas.js';
import { MAX_PROOF_LENGTH } from '../shared/proof-of-work.js';

/** A solved proof of work, sent again with a vote that was answered with a challenge. */
const ProofOfWorkSchema = Type.String({
  maxLength: MAX_PROOF_LENGTH,
  description:
    'A solved proof of work: base64 of the JSON `{ "challenge": …, "solution": { "counter": …, "derivedKey": … } }` for the `challenge` of a `/problems/proof-of-work-required` answer (ALTCHA v2, SHA-256). Send it only when asked; each is accepted once, within 5 minutes.',
});

export const EpisodeAddressParams = EpisodeParams;

/** The no-JavaScript form (application/x-www-form-urlencoded), also posted by the voting script. */
export const VoteFormBody = Type.Object({
  rating: Type.Optional(FormRatingSchema),
  action: Type.Optional(Type.Enum(['rate', 'withdraw'])),
  /** Where to send the browser back to: a path on this site; anything else is ignored (return-path.ts). */
  return: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })),
  /** The order and list the page shows, so a JSON answer can carry the ranking as the page has it. */
  sort: Type.Optional(Type.Enum([...SORT_ORDERS])),
  scope: Type.Optional(Type.Enum(['season', 'show'])),
  /** The ranks the page's list shows (a page of a long ranking): the answer carries only those. */
  first: Type.Optional(Type.Integer({ minimum: 1 })),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RANKING_WINDOW })),
  proofOfWork: Type.Optional(ProofOfWorkSchema),
});

export const RatingBody = Type.Object({ rating: RatingSchema, proofOfWork: Type.Optional(ProofOfWorkSchema) }, { additionalProperties: false });

const Rank = Type.Union([Type.Object({ rank: Type.Integer(), of: Type.Integer() }), Type.Null()]);
const Decimal = Type.Union([Type.String({ pattern: '^\\d+\\.\\d\\d$' }), Type.Null()]);

/** One ranked episode's numbers in a vote's answer: what a page updates in place. */
export const RankingEntrySchema = Type.Object({
  id: Type.Integer(),
  /** The API's one meaning of `rank` (api.schemas.ts ApiEpisodeSchema): the place in the ranking the answer belongs to. */
  rank: Type.Union([Type.Integer(), Type.Null()], {
    description:
      'Place in the ranking this answer belongs to: for the voted episode, its place in its season by fan score (`seasonRank.rank`); in `ranking.episodes`, its place in that list. Null while it has no votes.',
  }),
  votes: Type.Integer(),
  average: Decimal,
  fanScore: Decimal,
  fewVotes: Type.Boolean(),
});

export const VoteResponse = Type.Object({
  yourRating: Type.Union([RatingOutputSchema, Type.Null()]),
  held: Type.Boolean({
    description:
      'True when the rating is recorded but held for review: its network already gave this episode its share of counted ratings (`VOTES_PER_NETWORK`). A held rating is not in the numbers until a moderator releases it.',
  }),
  message: Type.Optional(Type.String({ description: 'For a held rating: a sentence to show the voter saying so.' })),
  episode: Type.Intersect([
    RankingEntrySchema,
    Type.Object({
      season: Type.Integer(),
      number: Type.Integer(),
      title: Type.String(),
      histogram: HistogramSchema(),
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
      episodes: Type.Array(RankingEntrySchema),
    }),
  ),
});
