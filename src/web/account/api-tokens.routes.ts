/**
 * /account/tokens: a signed-in fan lists, creates and revokes personal API tokens (the rules are
 * the service's, src/accounts/api-tokens.service.ts). The answer that shows a new token is the
 * only one that ever holds it, and like every page here it is never stored. Forms are same-origin
 * POSTs (src/http/cross-origin.ts), as everywhere on the site.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { PathNumber } from '../../http/schemas.js';
import { FormError, NotFoundError } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';
import { t } from '../../i18n/translate.js';
import { sendPage } from '../ui/send-page.js';
import { ApiTokensPage } from './api-tokens.page.js';

const ListQuery = Type.Object({ revoked: Type.Optional(Type.Literal('1')) });
// Longer than any name allowed, so an over-long name gets the form's own message rather than a bare 400.
const CreateBody = Type.Object({ name: Type.String({ maxLength: 300 }) });
const RevokeParams = Type.Object({ id: PathNumber });

const NO_STORE = { 'cache-control': cacheControl.noStore };

export async function apiTokensRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { apiTokens } = app.services;
  const sameOrigin = async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl);
  const toSignIn = (reply: FastifyReply) => reply.redirect(`/account/sign-in?return=${encodeURIComponent(paths.accountTokens())}`, 303);

  app.get(routes.account.tokens, { schema: { querystring: ListQuery } }, async (request, reply) => {
    if (!request.user) return toSignIn(reply);
    const tokens = await apiTokens.list(request.user);
    return sendPage(reply.headers(NO_STORE), ApiTokensPage({ user: request.user, tokens, revoked: request.query.revoked === '1' }));
  });

  app.post(routes.account.tokens, { onRequest: sameOrigin, schema: { body: CreateBody } }, async (request, reply) => {
    const user = request.user;
    if (!user) return toSignIn(reply);
    try {
      const created = await apiTokens.create(user, request.body.name);
      return sendPage(reply.headers(NO_STORE), ApiTokensPage({ user, tokens: await apiTokens.list(user), created }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const tokens = await apiTokens.list(user);
      return sendPage(reply.code(400).headers(NO_STORE), ApiTokensPage({ user, tokens, name: request.body.name, errors: error.fields }));
    }
  });

  app.post(routes.account.tokenRevoke, { onRequest: sameOrigin, schema: { params: RevokeParams } }, async (request, reply) => {
    if (!request.user) return toSignIn(reply);
    if (!(await apiTokens.revoke(request.user, request.params.id))) throw new NotFoundError(t('account.noSuchToken'));
    return reply.redirect(paths.accountTokens({ revoked: true }), 303);
  });
}
