/**
 * Pages and forms under /account: sign up, sign in, sign out, and the account page. Sign-up never
 * signs in and answers the same whether or not the address had an account; mailed links are in
 * mail.routes.ts.
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
import { SignUpSentPage } from './mail.pages.js';
import { FormError } from '../../shared/errors.js';
import { sessionToken } from '../../http/session.js';
import { answerSessionStarted, forgetSessionCookies } from '../../http/session-start.js';
import { cacheControl } from '../../http/cache-policy.js';
import type { User } from '../../accounts/accounts.repository.js';
import { refusePasswordsWhenSsoOnly } from './sso.routes.js';
import { MAX_PROOF_LENGTH } from '../../shared/proof-of-work.js';
import { type MessageKey, t } from '../../i18n/translate.js';

const Text = (maxLength: number) => Type.String({ maxLength });
const SignInBody = Type.Object({ email: Text(300), password: Text(300), return: Type.Optional(Text(MAX_RETURN_PATH_LENGTH)) });
const SignUpBody = Type.Object({ email: Text(300), displayName: Text(300), password: Text(300), proofOfWork: Type.Optional(Text(MAX_PROOF_LENGTH)) });
const PasswordBody = Type.Object({ current: Text(300), password: Text(300) });
const ReturnQuery = Type.Object({ return: Type.Optional(Text(MAX_RETURN_PATH_LENGTH)), done: Type.Optional(Text(20)) });

/** What the sign-in page says to a visitor sent there after a sign-up or a reset (`?done=`). */
const SIGN_IN_NOTICES: Record<string, MessageKey> = {
  'sign-up': 'account.signedUpNotice',
  reset: 'account.resetNotice',
};
const signInNotice = (done: string | undefined) => (done && Object.hasOwn(SIGN_IN_NOTICES, done) ? t(SIGN_IN_NOTICES[done]!) : null);

/** Sign up, sign in, sign out and change password: server-rendered forms that work without JavaScript. */
export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts, emailVerification, passwordReset, accountNotices, proofOfWork } = app.services;
  // The address's state on the account page, when the site sends mail (mail.routes.ts).
  const mailState = async (user: { id: number }) => (emailVerification.enabled ? { verified: await emailVerification.isVerified(user) } : null);
  const challenge = async () => (proofOfWork.enabled ? proofOfWork.challenge() : null);
  const sameOrigin = { onRequest: async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl) };
  const noStore = { 'cache-control': cacheControl.noStore };
  // Single sign-on on these pages (sso.routes.ts); in SSO-only mode the password forms are refused.
  const { sso } = app.services;
  const ssoChoice = sso ? { name: sso.name, only: sso.only } : null;
  const passwordsOff = { preHandler: async () => refusePasswordsWhenSsoOnly(ssoChoice) };
  const ssoStanding = (user: User) => (sso ? sso.standing(user) : null);
  // What the account page shows beside the password form: the address's state and the SSO link.
  const accountExtras = async (user: User) => ({ mail: await mailState(user), sso: await ssoStanding(user) });

  app.get(routes.account.home, async (request, reply) => {
    if (!request.user) return reply.redirect('/account/sign-in?return=%2Faccount', 303);
    return sendPage(reply.headers(noStore), AccountPage({ user: request.user, saved: false, ...(await accountExtras(request.user)) }));
  });

  app.get(routes.account.signIn, { schema: { querystring: ReturnQuery } }, async (request, reply) =>
    sendPage(
      reply.headers(noStore),
      SignInPage({
        returnTo: safeReturnPath(request.query.return) ?? '/account',
        notice: signInNotice(request.query.done),
        resetAvailable: passwordReset.available,
        sso: ssoChoice,
      }),
    ),
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
      return sendPage(
        reply.code(400).headers(noStore),
        SignInPage({ email: request.body.email, returnTo, errors: error.fields, resetAvailable: passwordReset.available, sso: ssoChoice }),
      );
    }
  });

  app.get(routes.account.signUp, async (_request, reply) => sendPage(reply.headers(noStore), SignUpPage({ challenge: await challenge(), sso: ssoChoice })));

  app.post(routes.account.signUp, { ...sameOrigin, ...passwordsOff, schema: { body: SignUpBody } }, async (request, reply) => {
    // The same answer whether or not the address had an account (email-verification.service.ts).
    try {
      // Before anything else, so that nothing is created or even checked for a request that did not pay.
      await proofOfWork.requireSolved(request.body.proofOfWork);
      await emailVerification.signUp({ ...request.body, ip: clientAddress(request).address });
      if (emailVerification.enabled) return sendPage(reply.headers(noStore), SignUpSentPage({ email: request.body.email.trim() }));
      return reply.redirect(`${routes.account.signIn}?done=sign-up`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const { email, displayName } = request.body;
      return sendPage(reply.code(400).headers(noStore), SignUpPage({ email, displayName, errors: error.fields, challenge: await challenge(), sso: ssoChoice }));
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
      accountNotices.passwordChanged(request.user.email);
      return sendPage(reply.headers(noStore), AccountPage({ user: request.user, saved: true, ...(await accountExtras(request.user)) }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(reply.code(400).headers(noStore), AccountPage({ user: request.user, errors: error.fields, ...(await accountExtras(request.user)) }));
    }
  });
}
