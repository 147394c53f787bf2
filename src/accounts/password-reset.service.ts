/**
 * "Forgot your password?": a fan asks for a link by address and always gets the same answer; an
 * account with that address is mailed a single-use link (valid for TOKEN_LIFETIME_MS['reset-password']);
 * following it sets a new password, ends every session of the account, proves the address, and
 * mails a notice. Offered only when the site can send mail (SMTP_URL).
 */
import { FormError, says } from '../shared/errors.js';
import { inThisLanguage, mailMessages } from '../mail/messages.js';
import type { AccountNotices } from './account-notices.js';
import type { MessageKey } from '../i18n/translate.js';
import { lifetimeInWords } from './account-tokens.js';
import { passwordProblem } from './accounts.service.js';
import { hashPassword } from './passwords.js';
import type { MailedLinkParts } from './mailed-links.js';

const ASK_AGAIN = says('errors.askAgainReset');

export class PasswordResetService {
  constructor(
    private readonly parts: MailedLinkParts,
    private readonly passwordCost: number,
    private readonly notices: AccountNotices,
  ) {}

  /** Whether this site can reset a password (it sends mail). */
  get available(): boolean {
    return this.parts.mailer.enabled;
  }

  /** Mails a reset link if an account has this address; says nothing either way. */
  async request(email: string, ip: string): Promise<void> {
    await this.parts.throttle.beginMailRequest(email, ip);
    const user = await this.parts.store.read.accounts.findByEmail(email.trim());
    if (!user || !this.parts.mailer.enabled) return;
    const token = await this.parts.links.issue(user.id, 'reset-password');
    if (token === null) return;
    this.parts.mailer.send(
      mailMessages.passwordReset(user.email, this.parts.urls.site, this.parts.urls.resetPassword(token), lifetimeInWords('reset-password')),
      'password reset',
    );
  }

  /** Throws an UnusableLinkError unless the link still works (the form is shown only then). */
  async check(token: string): Promise<void> {
    await this.parts.links.check(token, 'reset-password', ASK_AGAIN);
  }

  /** Sets the new password, ends every session of the account, and mails a notice. */
  async reset(token: string, password: string, ip: string): Promise<void> {
    const link = await this.parts.links.check(token, 'reset-password', ASK_AGAIN);
    const problem = passwordProblem(password);
    if (problem) throw new FormError({ password: problem });
    await this.parts.throttle.beginPasswordChange(link.token.userId, ip);
    const hash = await hashPassword(password, this.passwordCost);
    await this.parts.store.transact(async (tx) => {
      await this.parts.links.consume(tx, link, 'reset-password', ASK_AGAIN);
      const now = this.parts.links.now();
      const user = await tx.accounts.findById(link.token.userId);
      if (!user) return;
      await tx.accounts.updatePassword(user.id, hash, now);
      // Every session, including any a thief holds: '' is no session's id.
      await tx.accounts.deleteOtherSessions(user.id, '');
      await tx.accountTokens.retire(user.id, 'reset-password', now);
      // Following the link proved the address.
      await tx.accountTokens.markVerified(user.id, now);
      tx.onCommit(inThisLanguage(() => this.notices.passwordChanged(user.email)));
    });
  }
}
