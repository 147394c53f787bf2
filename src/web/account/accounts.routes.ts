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
import { sessionToken } from '../../http/session.js';
import { answerSessionStarted, forgetSessionCookies } from '../../http/session-start.js';
import { cacheControl } from '../../http/cache-policy.js';
import type { User } from '../../accounts/accounts.repository.js';
import { refusePasswordsWhenSsoOnly } from './sso.routes.js';

const Text = (maxLength: number) => Type.String({ maxLength });
const SignInBody = Type.Object({ email: Text(300), password: Text(300), return: Type.Optional(Text(MAX_RETURN_PATH_LENGTH)) });
const SignUpBody = Type.Object({ email: Text(300), displayName: Text(300), password: Text(300) });
const PasswordBody = Type.Object({ current: Text(300), password: Text(300) });
const ReturnQuery = Type.Object({ return: Type.Optional(Text(MAX_RETURN_PATH_LENGTH)) });

/** Sign up, sign in, sign out and change password: server-rendered forms that work without JavaScript. */
export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts } = app.services;
  const sameOrigin = { onRequest: async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl) };
  const noStore = { 'cache-control': cacheControl.noStore };
  // Single sign-on on these pages (sso.routes.ts); in SSO-only mode the password forms are refused.
  const { sso } = app.services;
  const ssoChoice = sso ? { name: sso.name, only: sso.only } : null;
  const passwordsOff = { preHandler: async () => refusePasswordsWhenSsoOnly(ssoChoice) };
  const ssoStanding = (user: User) => (sso ? sso.standing(user) : null);

  app.get(routes.account.home, async (request, reply) => {
    if (!request.user) return reply.redirect('/account/sign-in?return=%2Faccount', 303);
    return sendPage(reply.headers(noStore), AccountPage({ user: request.user, saved: false, sso: await ssoStanding(request.user) }));
  });

  app.get(routes.account.signIn, { schema: { querystring: ReturnQuery } }, async (request, reply) =>
    sendPage(reply.headers(noStore), SignInPage({ returnTo: safeReturnPath(request.query.return) ?? '/account', sso: ssoChoice })),
  );

  app.post(routes.account.signIn, { ...sameOrigin, ...passwordsOff, schema: { body: SignInBody } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.body.return) ?? '/account';
    try {
      const signedIn = await accounts.signIn(
        { email: request.body.email, password: request.body.password, ip: clientAddress(request).address },
        readAnonymousVoter(request),
      );
      return answerSessionStarted(request, reply, signedIn, returnTo);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(reply.code(400).headers(noStore), SignInPage({ email: request.body.email, returnTo, errors: error.fields, sso: ssoChoice }));
    }
  });

  app.get(routes.account.signUp, async (_request, reply) => sendPage(reply.headers(noStore), SignUpPage({ sso: ssoChoice })));

  app.post(routes.account.signUp, { ...sameOrigin, ...passwordsOff, schema: { body: SignUpBody } }, async (request, reply) => {
    try {
      const signedIn = await accounts.signUp({ ...request.body, ip: clientAddress(request).address }, readAnonymousVoter(request));
      return answerSessionStarted(request, reply, signedIn, '/account');
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const { email, displayName } = request.body;
      return sendPage(reply.code(400).headers(noStore), SignUpPage({ email, displayName, errors: error.fields, sso: ssoChoice }));
    }
  });

  app.post(routes.account.signOut, sameOrigin, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await accounts.signOut(token);
    forgetSessionCookies(request, reply);
    return reply.redirect('/', 303);
  });

  app.post(routes.account.password, { ...sameOrigin, schema: { body: PasswordBody } }, async (request, reply) => {
    if (!request.user) return reply.redirect('/account/sign-in?return=%2Faccount', 303);
    try {
      const { current, password } = request.body;
      await accounts.changePassword(request.user, current, password, sessionToken(request)!, clientAddress(request).address);
      return sendPage(reply.headers(noStore), AccountPage({ user: request.user, saved: true, sso: await ssoStanding(request.user) }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(reply.code(400).headers(noStore), AccountPage({ user: request.user, errors: error.fields, sso: await ssoStanding(request.user) }));
    }
  });
}
