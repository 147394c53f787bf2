/**
 * The routes of mailed links: "forgot your password?" and the reset link, the sign-up's
 * verification link and resending it, and changing the address with its confirmation link. Each
 * mailed link opens a page (GET, which uses nothing) whose button uses it (POST). Without SMTP_URL
 * these pages answer 404 with a sentence saying the site sends no mail.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { clientAddress } from '../../http/client-address.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { setSessionCookie } from '../../http/session.js';
import { readAnonymousVoter } from '../../http/voter-cookie.js';
import { FormError, NotFoundError } from '../../shared/errors.js';
import { routes } from '../../shared/paths.js';
import { type MessageKey, t } from '../../i18n/translate.js';
import { sendPage } from '../ui/send-page.js';
import { AccountPage } from './account.pages.js';
import { AddressChangedPage, ConfirmLinkPage, ForgotPasswordPage, ResetPasswordPage } from './mail.pages.js';

const Text = (maxLength: number) => Type.String({ maxLength });
const TokenQuery = Type.Object({ token: Text(100) });
const TokenBody = Type.Object({ token: Text(100) });
const EmailBody = Type.Object({ email: Text(300) });
const ResetBody = Type.Object({ token: Text(100), password: Text(300) });
const ChangeEmailBody = Type.Object({ email: Text(300), current: Text(300) });

export async function mailRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { passwordReset, emailVerification, emailChange, mailer } = app.services;
  const sameOrigin = async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl);
  // The token is in the address: no cache keeps it, and no other site learns it from a Referer.
  const headers = { 'cache-control': cacheControl.noStore, 'referrer-policy': 'no-referrer' };
  const page = (reply: FastifyReply, status = 200) => reply.code(status).headers(headers);
  const requireMail = async () => {
    if (!mailer.enabled) throw new NotFoundError(t('account.noMail'));
  };
  /** A mailed link's page: checks the link, then shows the button that uses it (a POST to the same path). */
  const linkPage = (path: string, check: (token: string) => Promise<void>, words: { title: MessageKey; text: MessageKey; button: MessageKey }) =>
    app.get(path, { onRequest: requireMail, schema: { querystring: TokenQuery } }, async (request, reply) => {
      await check(request.query.token);
      const said = { title: t(words.title), text: t(words.text), button: t(words.button) };
      return sendPage(page(reply), ConfirmLinkPage({ ...said, action: path, token: request.query.token }));
    });
  const signInFirst = (reply: FastifyReply) => reply.redirect(`${routes.account.signIn}?return=%2Faccount`, 303);

  app.get(routes.account.forgotPassword, { onRequest: requireMail }, async (_request, reply) => sendPage(page(reply), ForgotPasswordPage({})));

  app.post(routes.account.forgotPassword, { onRequest: [requireMail, sameOrigin], schema: { body: EmailBody } }, async (request, reply) => {
    await passwordReset.request(request.body.email, clientAddress(request).address);
    return sendPage(page(reply), ForgotPasswordPage({ email: request.body.email.trim(), sent: true }));
  });

  app.get(routes.account.resetPassword, { onRequest: requireMail, schema: { querystring: TokenQuery } }, async (request, reply) => {
    await passwordReset.check(request.query.token);
    return sendPage(page(reply), ResetPasswordPage({ token: request.query.token }));
  });

  app.post(routes.account.resetPassword, { onRequest: [requireMail, sameOrigin], schema: { body: ResetBody } }, async (request, reply) => {
    const { token, password } = request.body;
    try {
      await passwordReset.reset(token, password, clientAddress(request).address);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(page(reply, 400), ResetPasswordPage({ token, errors: error.fields }));
    }
    return reply.redirect(`${routes.account.signIn}?done=reset`, 303);
  });

  linkPage(routes.account.verifyEmail, (token) => emailVerification.check(token), {
    title: 'account.verifyTitle',
    text: 'account.verifyText',
    button: 'account.verifyButton',
  });

  app.post(routes.account.verifyEmail, { onRequest: [requireMail, sameOrigin], schema: { body: TokenBody } }, async (request, reply) => {
    const { sessionToken } = await emailVerification.verify(request.body.token, readAnonymousVoter(request));
    setSessionCookie(request, reply, sessionToken);
    return reply.redirect(routes.account.home, 303);
  });

  app.post(routes.account.resendVerification, { onRequest: [requireMail, sameOrigin] }, async (request, reply) => {
    if (!request.user) return signInFirst(reply);
    await emailVerification.resend(request.user, clientAddress(request).address);
    const mail = { verified: await emailVerification.isVerified(request.user), resent: true };
    return sendPage(page(reply), AccountPage({ user: request.user, mail }));
  });

  app.post(routes.account.changeEmail, { onRequest: [requireMail, sameOrigin], schema: { body: ChangeEmailBody } }, async (request, reply) => {
    if (!request.user) return signInFirst(reply);
    const verified = await emailVerification.isVerified(request.user);
    try {
      const { email, current } = request.body;
      const sentTo = await emailChange.request(request.user, current, email, clientAddress(request).address);
      return sendPage(page(reply), AccountPage({ user: request.user, mail: { verified, changeSentTo: sentTo } }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(page(reply, 400), AccountPage({ user: request.user, mail: { verified, errors: error.fields } }));
    }
  });

  linkPage(routes.account.confirmEmail, (token) => emailChange.check(token), {
    title: 'account.confirmTitle',
    text: 'account.confirmText',
    button: 'account.confirmButton',
  });

  app.post(routes.account.confirmEmail, { onRequest: [requireMail, sameOrigin], schema: { body: TokenBody } }, async (request, reply) => {
    const email = await emailChange.confirm(request.body.token);
    return sendPage(page(reply), AddressChangedPage({ email }));
  });
}
