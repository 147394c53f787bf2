/**
 * The absolute links that mails carry, built from PUBLIC_URL only (config.ts requires it with
 * SMTP_URL): a link built from a request's Host header could carry a fan's token to another site.
 */
import { routes } from '../shared/paths.js';

export type AccountLinks = ReturnType<typeof accountLinks>;

export function accountLinks(site: string) {
  const withToken = (path: string, token: string) => `${site}${path}?token=${encodeURIComponent(token)}`;
  return {
    site,
    signIn: `${site}${routes.account.signIn}`,
    forgotPassword: `${site}${routes.account.forgotPassword}`,
    resetPassword: (token: string) => withToken(routes.account.resetPassword, token),
    verifyEmail: (token: string) => withToken(routes.account.verifyEmail, token),
    confirmEmail: (token: string) => withToken(routes.account.confirmEmail, token),
  };
}
