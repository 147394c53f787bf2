/**
 * /account/join-ratings: where a fan lands after signing in (any way in: src/http/session-start.ts)
 * when the browser's anonymous voter held ratings. The page lists them; its form adds them to the
 * account or leaves them (src/accounts/anonymous-ratings.ts), then goes on to the page the fan was
 * signing in for. Needs a session; every answer is the fan's own, never cached.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../http/return-path.js';
import { PageNumber } from '../../http/schemas.js';
import { sessionToken } from '../../http/session.js';
import { paths, routes } from '../../shared/paths.js';
import { sendPage } from '../ui/send-page.js';
import { JOIN_CHOICE, JoinRatingsPage } from './join-ratings.page.js';

const ReturnPath = Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH }));
const PageQuery = Type.Object({ return: ReturnPath, page: Type.Optional(PageNumber) });
const ChoiceBody = Type.Object({
  [JOIN_CHOICE.name]: Type.Union([Type.Literal(JOIN_CHOICE.join), Type.Literal(JOIN_CHOICE.leave)]),
  return: ReturnPath,
});

const NO_STORE = { 'cache-control': cacheControl.noStore };

export async function joinRatingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { anonymousRatings, myRatings } = app.services;
  const sameOrigin = async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl);
  const toSignIn = (reply: FastifyReply, returnTo: string) =>
    reply.redirect(`/account/sign-in?return=${encodeURIComponent(paths.accountJoinRatings(returnTo))}`, 303);

  app.get(routes.account.joinRatings, { schema: { querystring: PageQuery } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.query.return) ?? '/account';
    reply.headers(NO_STORE);
    if (!request.user) return toSignIn(reply, returnTo);
    const voter = await anonymousRatings.waiting(sessionToken(request)!);
    const page = request.query.page ?? 1;
    const list = voter === null ? null : await myRatings.page(voter, { sort: 'show', show: null, page });
    // Nothing waits (answered already, or the ratings are gone): on to where the fan was going.
    if (list === null || list.total === 0) return reply.redirect(returnTo, 303);
    return sendPage(reply.code(page > list.pageCount ? 404 : 200), JoinRatingsPage({ user: request.user, list, returnTo }));
  });

  app.post(routes.account.joinRatings, { onRequest: sameOrigin, schema: { body: ChoiceBody } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.body.return) ?? '/account';
    if (!request.user) return toSignIn(reply, returnTo);
    const token = sessionToken(request)!;
    if (request.body[JOIN_CHOICE.name] === JOIN_CHOICE.join) await anonymousRatings.join(request.user, token);
    else await anonymousRatings.leave(token);
    return reply.redirect(returnTo, 303);
  });
}
