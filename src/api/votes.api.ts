/**
 * The JSON API's vote routes: rate an episode and withdraw a rating, as the signed-in fan or the
 * anonymous voter of the cookie.
 */
import { routes } from '../shared/paths.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { clientAddress } from '../http/client-address.js';
import { countVote, refusedVoteCounter } from '../http/metrics.js';
import { refuseCrossOriginApi } from '../http/cross-origin.js';
import { NETWORK_WINDOW_DAYS } from '../votes/network-allowance.js';
import { t } from '../i18n/translate.js';
import { RATING_RANGE_TEXT } from '../votes/rating-scale.js';
import { ensureVoter } from '../http/voter-cookie.js';
import Type from 'typebox';
import { answer, badToken, problem, ProblemSchema, tooManyRequests, unavailable, VOTER } from './api.schemas.js';
import { EpisodeAddressParams, RatingBody, VoteResponse } from '../http/votes.schemas.js';

/** An ALTCHA v2 challenge as the server signed it (src/shared/proof-of-work.ts). */
const ChallengeSchema = Type.Object(
  {
    parameters: Type.Object(
      {
        algorithm: Type.String({ examples: ['SHA-256'] }),
        nonce: Type.String(),
        salt: Type.String(),
        cost: Type.Integer(),
        keyLength: Type.Integer(),
        keyPrefix: Type.String(),
        keySignature: Type.Optional(Type.String()),
        data: Type.Optional(Type.Object({ expires: Type.String({ format: 'date-time' }) })),
      },
      { additionalProperties: true },
    ),
    signature: Type.String(),
  },
  {
    description:
      'Find the smallest counter from 0 for which SHA-256(salt ‖ nonce ‖ counter as 4 bytes big-endian), salt and nonce read as hex, starts with `keyPrefix` (hex); that key, in lowercase hex, is the `derivedKey`. Expires at `data.expires`.',
  },
);

/** A refusal that may carry a proof-of-work challenge (for the anonymous voter only). */
const RefusedSchema = Type.Object({ ...ProblemSchema.properties, challenge: Type.Optional(ChallengeSchema) });

const voteErrors = {
  400: problem(`A malformed parameter or a rating that is not a whole number from ${RATING_RANGE_TEXT} (\`/problems/invalid-request\`).`),
  403: {
    description:
      'Refused (`/problems/forbidden`): a browser request from another site, a voter or network blocked by moderators, or an anonymous voter where only signed-in fans may vote. Or, for an anonymous voter whose network already gave the episode its share of counted ratings or who votes faster than the limits (`/problems/proof-of-work-required`): nothing was written; solve the `challenge` and send the same rating again with `proofOfWork`. Signed-in fans are never asked.',
    content: { 'application/problem+json': { schema: RefusedSchema } },
  },
  404: problem('No such episode (`/problems/not-found`).'),
  ...badToken,
  ...tooManyRequests,
  ...unavailable,
};

/**
 * The current voter's rating of an episode, over JSON: PUT sets or replaces it, DELETE withdraws
 * it. Both answer with the episode's new numbers and ranks. The voter is the account of a personal
 * API token or of the session cookie, else the one named by the voter cookie; a client with none
 * of them becomes a new anonymous voter and receives the cookie.
 */
export async function voteApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { votes } = app.services;
  const guard = {
    onRequest: async (request: Parameters<typeof refuseCrossOriginApi>[0]) => refuseCrossOriginApi(request, app.config.publicUrl),
    onResponse: refusedVoteCounter(app.metrics),
  };

  app.put(
    routes.api.rating,
    {
      ...guard,
      schema: {
        operationId: 'rateEpisode',
        summary: 'Rate an episode',
        description: `Sets or replaces the current voter’s rating: with a personal API token, the token’s account’s. A client without a token, a session or the voter cookie becomes a new anonymous voter and receives it. From one network (an IPv4 address, an IPv6 /64, and the IPv4 /24 and IPv6 /56 and /48 around it, each with a larger share) only a few new ratings of an episode count within ${NETWORK_WINDOW_DAYS} days; further ones are recorded and held for review (202).`,
        tags: ['votes'],
        security: VOTER,
        params: EpisodeAddressParams,
        body: RatingBody,
        response: {
          200: answer('Rated and counted: the rating now in place, and the episode’s new numbers and ranks.', VoteResponse),
          202: answer(
            'Recorded but held for review (`held: true`, with a `message` for the voter): this network already gave the episode its share of counted ratings, so the numbers and ranks are unchanged until a moderator releases it.',
            VoteResponse,
          ),
          ...voteErrors,
          413: problem('A body larger than the server accepts (`/problems/payload-too-large`).'),
          415: problem('A body in a media type the server does not read, such as XML; send `application/json` (`/problems/unsupported-media-type`).'),
        },
      },
    },
    async (request, reply) => {
      const ballot = { voter: ensureVoter(request, reply), ip: clientAddress(request).address };
      const outcome = await votes.rate(ballot, request.params, request.body.rating, request.body.proofOfWork);
      const { episode } = await votes.snapshot(outcome, null);
      countVote(app.metrics, outcome.change.held ? 'held' : 'counted');
      if (outcome.change.held) return reply.code(202).send({ yourRating: outcome.change.current, held: true, message: t('ranking.heldRating'), episode });
      return reply.send({ yourRating: outcome.change.current, held: false, episode });
    },
  );

  app.delete(
    routes.api.rating,
    {
      ...guard,
      schema: {
        operationId: 'withdrawRating',
        summary: 'Withdraw a rating',
        description: 'Removes the current voter’s rating of the episode, if there is one.',
        tags: ['votes'],
        security: VOTER,
        params: EpisodeAddressParams,
        response: { 200: answer('Withdrawn (or there was none): the episode’s numbers and ranks.', VoteResponse), ...voteErrors },
      },
    },
    async (request, reply) => {
      const outcome = await votes.withdraw({ voter: ensureVoter(request, reply), ip: clientAddress(request).address }, request.params);
      const { episode } = await votes.snapshot(outcome, null);
      return reply.send({ yourRating: null, held: false, episode });
    },
  );
}
