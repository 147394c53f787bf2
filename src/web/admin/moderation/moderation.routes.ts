/**
 * Moderation, for admins only: the flags and blocks page, an episode's recent votes, removing a
 * voter's ratings, blocks and closing flags; bulk moderation and held ratings are in
 * ./bulk-moderation.routes.ts, data requests in ./people.routes.ts. The admin area's guard (../index.ts) lets in editors and
 * admins; this part narrows it to admins once, for every route it registers.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { ADMIN_ROLES } from '../../../accounts/admin-roles.js';
import { parseVoteCursor, VOTE_CURSOR_PATTERN } from '../../../editing/admin-paging.js';
import { EpisodeParams, PageNumber, PathNumber } from '../../../http/schemas.js';
import { FormError } from '../../../shared/errors.js';
import { t } from '../../../i18n/translate.js';
import { adminPath, routes } from '../../../shared/paths.js';
import { sendPage } from '../../ui/send-page.js';
import { actorOf, adminPage, ConfirmBody, EntryId, isConfirmed } from '../admin-forms.js';
import { onlyFor } from '../admin-guard.js';
import { bulkModerationRoutes } from './bulk-moderation.routes.js';
import { peopleRoutes } from './people.routes.js';
import { ConfirmRemoveVoterPage, EpisodeModerationPage, ModerationPage } from './moderation.pages.js';

const VoteCursor = Type.String({ pattern: VOTE_CURSOR_PATTERN, maxLength: 60 });
const ModerationQuery = Type.Object({ page: Type.Optional(PageNumber), blocksBefore: Type.Optional(EntryId), blocksAfter: Type.Optional(EntryId) });

/** Registered with `app.register` by the admin area, so the narrower declaration stays inside this part. */
export async function moderationRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRoute', onlyFor(ADMIN_ROLES));
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { moderation } = app.services;
  await bulkModerationRoutes(fastify);
  await peopleRoutes(fastify);

  async function moderationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: Record<string, string>; message?: string } = {},
    status = 200,
    query: { page?: number; blocksBefore?: number; blocksAfter?: number } = {},
  ) {
    const flagged = await moderation.flagged(query.page ?? 1);
    const items = flagged.items.map((f) => ({
      ...f,
      link: f.address && adminPath.moderateEpisode(f.address.show, f.address.season, f.address.episode),
    }));
    const blocks = await moderation.blocksPage({ before: query.blocksBefore, after: query.blocksAfter });
    return sendPage(adminPage(reply, status), ModerationPage({ user: request.user, flags: { ...flagged, items }, blocks, query, ...extra }));
  }

  app.get(routes.admin.moderation, { schema: { querystring: ModerationQuery } }, async (request, reply) =>
    moderationPage(request, reply, {}, 200, request.query),
  );

  const NewestQuery = Type.Object({ before: Type.Optional(VoteCursor), after: Type.Optional(VoteCursor) });
  app.get(routes.admin.moderateEpisode, { schema: { params: EpisodeParams, querystring: NewestQuery } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    const cursor = { before: parseVoteCursor(request.query.before), after: parseVoteCursor(request.query.after) };
    return sendPage(adminPage(reply), EpisodeModerationPage({ user: request.user, report: await moderation.episodeReport(show, season, episode, cursor) }));
  });

  app.post(
    routes.admin.removeVoter,
    { schema: { body: Type.Object({ voterId: Type.String({ maxLength: 100 }), ...ConfirmBody.properties }) } },
    async (request, reply) => {
      // Like a deletion, removing a voter's ratings asks first, on a page of its own.
      if (!isConfirmed(request.body)) {
        const voterId = request.body.voterId.trim();
        return sendPage(adminPage(reply), ConfirmRemoveVoterPage({ user: request.user, voterId, reach: await moderation.voterReach(voterId) }));
      }
      try {
        const removed = await moderation.removeVoterRatings(actorOf(request), request.body.voterId.trim());
        return moderationPage(request, reply, { message: t('admin.removedVoter', { count: removed, voter: request.body.voterId.trim() }) });
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(request, reply, { errors: error.fields }, 400);
      }
    },
  );

  app.post(
    routes.admin.blocks,
    { schema: { body: Type.Object({ kind: Type.String({ maxLength: 10 }), value: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      try {
        await moderation.block(actorOf(request), request.body.kind, request.body.value);
        return reply.redirect(adminPath.moderation, 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(request, reply, { errors: error.fields }, 400);
      }
    },
  );

  app.post(routes.admin.liftBlock, { schema: { params: Type.Object({ id: PathNumber }) } }, async (request, reply) => {
    await moderation.unblock(actorOf(request), request.params.id);
    return reply.redirect(adminPath.moderation, 303);
  });

  app.post(
    routes.admin.closeFlag,
    { schema: { params: Type.Object({ id: EntryId }), body: Type.Object({ status: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      try {
        await moderation.closeFlag(actorOf(request), request.params.id, request.body.status);
        return reply.redirect(adminPath.moderation, 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(request, reply, { errors: error.fields }, 400);
      }
    },
  );
}
