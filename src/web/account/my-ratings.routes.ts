/**
 * /account/ratings and what hangs off it: the fan's own ratings (anonymous voters by their voter
 * cookie, signed-in fans by their account), their CSV and JSON downloads, and the confirmed forms
 * that delete every rating or the whole account. Every answer is the visitor's own: never cached.
 */
import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { forgetSessionCookies } from '../../http/session-start.js';
import { readVoter } from '../../http/voter-cookie.js';
import { FormError } from '../../shared/errors.js';
import { DEFAULT_MY_RATINGS_SORT, MY_RATINGS_SORTS } from '../../shared/my-ratings-sorts.js';
import { paths, routes } from '../../shared/paths.js';
import { accountVoter } from '../../accounts/accounts.service.js';
import { CONFIRM_DELETE } from '../ui/confirm-delete.js';
import { AccountDeletedPage, ConfirmDeleteAccountPage, ConfirmDeleteRatingsPage, MyRatingsListPage } from './my-ratings.page.js';
import { sendPage } from '../ui/send-page.js';
import { cacheControl } from '../../http/cache-policy.js';
import { PageNumber, SlugFilter } from '../../http/schemas.js';

// A blank show (the filter form's "Every show") means every show; an unknown one lists nothing.
const ListQuery = Type.Object({
  sort: Type.Optional(Type.Enum([...MY_RATINGS_SORTS])),
  show: Type.Optional(SlugFilter),
  page: Type.Optional(PageNumber),
  /** The episode whose rating was just changed or withdrawn from the list (paths.accountRatings). */
  rated: Type.Optional(Type.Integer({ minimum: 1 })),
});
const ConfirmBody = Type.Object({ [CONFIRM_DELETE.name]: Type.Optional(Type.String({ maxLength: 20 })) });

const NO_STORE = { 'cache-control': cacheControl.noStore };

export async function myRatingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { myRatings, accountDeletion } = app.services;
  const sameOrigin = async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl);
  const toSignIn = (reply: FastifyReply, back: string) => reply.redirect(`/account/sign-in?return=${encodeURIComponent(back)}`, 303);

  app.get(routes.account.ratings, { schema: { querystring: ListQuery } }, async (request, reply) => {
    const { sort = DEFAULT_MY_RATINGS_SORT, page = 1 } = request.query;
    // The filter form sends an empty show for "Every show": send it to the one address of that list.
    if (request.query.show === '') return reply.redirect(paths.accountRatings({ sort, page }), 303);
    const voter = readVoter(request);
    const { rated: ratedId } = request.query;
    const [list, rated] = await Promise.all([
      myRatings.page(voter, { sort, show: request.query.show ?? null, page }),
      ratedId === undefined ? null : myRatings.ratingOf(voter, ratedId),
    ]);
    // The last rating of the last page withdrawn from the list: back to the page that is now last.
    if (rated && page > list.pageCount) return reply.redirect(paths.accountRatings({ sort, show: list.show, page: list.pageCount, rated: ratedId }), 303);
    return sendPage(
      reply.code(page > list.pageCount ? 404 : 200).headers(NO_STORE),
      MyRatingsListPage({ list, user: request.user, signedIn: request.user !== null, rated }),
    );
  });

  const download =
    (type: string, file: string, chunks: (request: FastifyRequest) => AsyncIterable<string>) => async (request: FastifyRequest, reply: FastifyReply) =>
      reply.headers({ ...NO_STORE, 'content-type': type, 'content-disposition': `attachment; filename="${file}"` }).send(Readable.from(chunks(request)));
  app.get(
    routes.account.ratingsCsv,
    download('text/csv; charset=utf-8; header=present', 'epirank-ratings.csv', (r) => myRatings.csv(readVoter(r))),
  );
  app.get(
    routes.account.ratingsJson,
    download('application/json; charset=utf-8', 'epirank-ratings.json', (r) => myRatings.json(readVoter(r))),
  );

  app.get(routes.account.ratingsDelete, async (request, reply) => {
    if (!request.user) return toSignIn(reply, paths.accountRatingsDelete());
    const count = await myRatings.count(accountVoter(request.user));
    return sendPage(reply.headers(NO_STORE), ConfirmDeleteRatingsPage({ user: request.user, count }));
  });

  app.post(routes.account.ratingsDelete, { onRequest: sameOrigin, schema: { body: ConfirmBody } }, async (request, reply) => {
    if (!request.user) return toSignIn(reply, paths.accountRatingsDelete());
    // Without the confirmation page's field (a stray or scripted post), nothing is deleted: ask first.
    if (request.body[CONFIRM_DELETE.name] !== CONFIRM_DELETE.value) return reply.redirect(paths.accountRatingsDelete(), 303);
    await accountDeletion.deleteAllRatings(request.user);
    return reply.redirect(paths.accountRatings(), 303);
  });

  app.get(routes.account.delete, async (request, reply) => {
    if (!request.user) return toSignIn(reply, paths.accountDelete());
    const count = await myRatings.count(accountVoter(request.user));
    return sendPage(reply.headers(NO_STORE), ConfirmDeleteAccountPage({ user: request.user, count }));
  });

  app.post(routes.account.delete, { onRequest: sameOrigin, schema: { body: ConfirmBody } }, async (request, reply) => {
    const user = request.user;
    if (!user) return toSignIn(reply, paths.accountDelete());
    if (request.body[CONFIRM_DELETE.name] !== CONFIRM_DELETE.value) return reply.redirect(paths.accountDelete(), 303);
    try {
      const { ratings } = await accountDeletion.deleteAccount(user);
      forgetSessionCookies(request, reply);
      return sendPage(reply.headers(NO_STORE), AccountDeletedPage({ ratings }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const count = await myRatings.count(accountVoter(user));
      return sendPage(reply.code(409).headers(NO_STORE), ConfirmDeleteAccountPage({ user, count, errors: error.fields }));
    }
  });
}
