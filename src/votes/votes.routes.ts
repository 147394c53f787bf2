import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../errors.js';
import { requireSameOriginForm } from '../http/cross-origin.js';
import { wantsJson } from '../http/errors.js';
import { safeReturnPath } from '../http/return-path.js';
import { DEFAULT_SORT } from '../ranking/ranking.js';
import { episodeAnchor, paths } from '../web/paths.js';
import { ensureVoter } from './voter-cookie.js';
import { EpisodeAddressParams, VoteFormBody } from './votes.schemas.js';

/**
 * The vote form on season, show and episode pages. Without JavaScript the browser posts it and is
 * sent back (303) to the same spot on the page it came from; the voting script posts the same form
 * asking for JSON and updates the page in place.
 */
export async function voteFormRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { votes } = app.services;

  app.post(
    '/shows/:show/seasons/:season/episodes/:episode/rating',
    {
      schema: { params: EpisodeAddressParams, body: VoteFormBody },
      onRequest: async (request) => requireSameOriginForm(request, app.config.publicUrl),
    },
    async (request, reply) => {
      const { body, params } = request;
      const ballot = { voter: ensureVoter(request, reply), ip: request.ip };
      let outcome;
      if (body.action === 'withdraw') {
        outcome = await votes.withdraw(ballot, params);
      } else {
        if (body.rating === undefined) throw new BadRequestError('Choose a rating from 1 to 10, then press Rate.');
        outcome = await votes.rate(ballot, params, body.rating);
      }
      if (wantsJson(request)) {
        const snapshot = await votes.snapshot(outcome, body.sort ?? DEFAULT_SORT, body.scope ?? 'season');
        return reply.send({ yourRating: outcome.change.current, ...snapshot });
      }
      const back = safeReturnPath(body.return) ?? paths.season(params.show, params.season);
      return reply.redirect(`${back}#${episodeAnchor(params.season, params.episode)}`, 303);
    },
  );
}
