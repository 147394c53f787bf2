/**
 * Pages and forms under /account: sign up, sign in, sign out, and the account page.
 */
import { routes } from '../../shared/paths.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { clientAddress } from '../../http/client-address.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../http/return-path.js';
import { sendPage } from '../ui/send-page.js';
import { readAnonymousVoter } from '../../http/voter-cookie.js';
import { AccountPage, SignInPage, SignUpPage } from './account.pages.js';
import { FormError } from '../../shared/errors.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/session.js';
import { cacheControl } from '../../http/cache-policy.js';
import { MAX_PROOF_LENGTH } from '../../shared/proof-of-work.js';

const Text = (maxLength: number) => Type.String({ maxLength });
const SignInBody = Type.Object({ email: Text(300), password: Text(300), return: Type.Optional(Text(MAX_RETURN_PATH_LENGTH)) });
const SignUpBody = Type.Object({ email: Text(300), displayName: Text(300), password: Text(300), proofOfWork: Type.Optional(Text(MAX_PROOF_LENGTH)) });
const PasswordBody = Type.Object({ current: Text(300), password: Text(300) });
const ReturnQuery = Type.Object({ return: Type.Optional(Text(MAX_RETURN_PATH_LENGTH)) });

/** Sign up, sign in, sign out and change password: server-rendered forms that work without JavaScript. */
export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts, proofOfWork } = app.services;
  const challenge = async () => (proofOfWork.enabled ? proofOfWork.challenge() : null);
  const sameOrigin = { onRequest: async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl) };
  const noStore = { 'cache-control': cacheControl.noStore };

  app.get(routes.account.home, async (request, reply) => {
    if (!request.user) return reply.redirect('/account/sign-in?return=%2Faccount', 303);
    return sendPage(reply.headers(noStore), AccountPage({ user: request.user, saved: false }));
  });

  app.get(routes.account.signIn, { schema: { querystring: ReturnQuery } }, async (request, reply) =>
    sendPage(reply.headers(noStore), SignInPage({ returnTo: safeReturnPath(request.query.return) ?? '/account' })),
  );

  app.post(routes.account.signIn, { ...sameOrigin, schema: { body: SignInBody } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.body.return) ?? '/account';
    try {
      const { sessionToken } = await accounts.signIn(
        { email: request.body.email, password: request.body.password, ip: clientAddress(request).address },
        readAnonymousVoter(request),
      );
      setSessionCookie(request, reply, sessionToken);
      return reply.redirect(returnTo, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(reply.code(400).headers(noStore), SignInPage({ email: request.body.email, returnTo, errors: error.fields }));
    }
  });

  app.get(routes.account.signUp, async (_request, reply) => sendPage(reply.headers(noStore), SignUpPage({ challenge: await challenge() })));

  app.post(routes.account.signUp, { ...sameOrigin, schema: { body: SignUpBody } }, async (request, reply) => {
    try {
      // Before anything else, so that nothing is created or even checked for a request that did not pay.
      await proofOfWork.requireSolved(request.body.proofOfWork);
      const { sessionToken } = await accounts.signUp({ ...request.body, ip: clientAddress(request).address }, readAnonymousVoter(request));
      setSessionCookie(request, reply, sessionToken);
      return reply.redirect('/account', 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const { email, displayName } = request.body;
      return sendPage(reply.code(400).headers(noStore), SignUpPage({ email, displayName, errors: error.fields, challenge: await challenge() }));
    }
  });

  app.post(routes.account.signOut, sameOrigin, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await accounts.signOut(token);
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });

  app.post(routes.account.password, { ...sameOrigin, schema: { body: PasswordBody } }, async (request, reply) => {
    if (!request.user) return reply.redirect('/account/sign-in?return=%2Faccount', 303);
    try {
      const { current, password } = request.body;
      await accounts.changePassword(request.user, current, password, request.cookies[SESSION_COOKIE]!, clientAddress(request).address);
      return sendPage(reply.headers(noStore), AccountPage({ user: request.user, saved: true }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(reply.code(400).headers(noStore), AccountPage({ user: request.user, errors: error.fields }));
    }
  });
}
