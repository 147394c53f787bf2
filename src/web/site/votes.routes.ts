/**
 * The vote form on season, show and episode pages. Without JavaScript the browser posts it and is
 * sent back (303) to the same spot on the page it came from; the voting script posts the same form
 * asking for JSON and updates the page in place. An anonymous voter asked for a proof of work
 * (src/shared/proof-of-work.ts) gets the vote back as a form carrying the challenge, or, asking for
 * JSON, the problem document whose challenge the script solves.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../../shared/errors.js';
import { clientAddress } from '../../http/client-address.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { wantsJson } from '../ui/errors.js';
import { countVote, refusedVoteCounter } from '../../http/metrics.js';
import { safeReturnPath } from '../../http/return-path.js';
import { DEFAULT_SORT } from '../../shared/sort-orders.js';
import { episodeAnchor, paths, routes } from '../../shared/paths.js';
import { chooseRatingMessage, chooseRatingPath, heldRatingPath } from '../ui/components/vote-form.js';
import { t } from '../../i18n/translate.js';
import { parseFormRating } from '../../votes/rating-scale.js';
import { ensureVoter } from '../../http/voter-cookie.js';
import { EpisodeAddressParams, VoteFormBody } from '../../http/votes.schemas.js';
import { ProofOfWorkRequiredError } from '../../shared/proof-of-work.js';
import { sendPage } from '../ui/send-page.js';
import { cacheControl } from '../../http/cache-policy.js';
import { VoteProofPage } from './pages/vote-proof.page.js';

export async function voteFormRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { votes } = app.services;
  const countRefusedVote = refusedVoteCounter(app.metrics);

  app.post(
    routes.site.vote,
    {
      schema: { params: EpisodeAddressParams, body: VoteFormBody },
      onRequest: async (request) => requireSameOriginForm(request, app.config.publicUrl),
      onResponse: countRefusedVote,
    },
    async (request, reply) => {
      const { body, params } = request;
      // Everything about the answer is settled before the vote is written: a Location header that
      // failed after the commit once lost the voter cookie, so a retry counted twice.
      const back = safeReturnPath(body.return) ?? paths.season(params.show, params.season);
      const rating = body.action === 'withdraw' ? null : parseFormRating(body.rating ?? '');
      if (body.action !== 'withdraw' && rating === null) {
        // Rate pressed with no number chosen, without JavaScript: back to that card, which says so.
        if (body.rating === undefined && !wantsJson(request)) {
          return reply.redirect(chooseRatingPath(back, episodeAnchor(params.season, params.episode)), 303);
        }
        throw new BadRequestError(chooseRatingMessage());
      }
      const ballot = { voter: ensureVoter(request, reply), ip: clientAddress(request).address };
      let outcome: Awaited<ReturnType<typeof votes.rate>>;
      try {
        outcome = rating === null ? await votes.withdraw(ballot, params) : await votes.rate(ballot, params, rating, body.proofOfWork);
      } catch (error) {
        // The voting script gets the problem document and solves the challenge in place; a page
        // posted without it gets the same vote as a form that carries the challenge.
        if (!(error instanceof ProofOfWorkRequiredError) || rating === null || wantsJson(request)) throw error;
        const page = VoteProofPage({ message: error.detail, action: request.url, rating, returnTo: back, challenge: error.challenge });
        return sendPage(reply.code(error.status).headers({ 'cache-control': cacheControl.noStore }), page);
      }
      const held = outcome.change.held && outcome.change.current !== null;
      if (rating !== null) countVote(app.metrics, held ? 'held' : 'counted');
      if (wantsJson(request)) {
        const window = body.first !== undefined && body.count !== undefined ? { first: body.first, count: body.count } : undefined;
        const snapshot = await votes.snapshot(outcome, { sort: body.sort ?? DEFAULT_SORT, scope: body.scope ?? 'season', ...(window && { window }) });
        return reply.send({ yourRating: outcome.change.current, held, ...(held ? { message: t('ranking.heldRating') } : {}), ...snapshot });
      }
      const anchor = episodeAnchor(params.season, params.episode);
      return reply.redirect(held ? heldRatingPath(back, anchor) : `${back}#${anchor}`, 303);
    },
  );
}
