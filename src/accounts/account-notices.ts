/**
 * The notices mailed to an account's address after a change its owner should know of, whoever made
 * it: a new password (from the account page or a reset link). Sent after the change is written;
 * without SMTP_URL, nothing is sent.
 */
import type { Mailer } from '../mail/mailer.js';
import { mailMessages } from '../mail/messages.js';
import type { AccountLinks } from './account-links.js';

export class AccountNotices {
  constructor(
    private readonly mailer: Mailer,
    private readonly urls: AccountLinks,
  ) {}

  passwordChanged(email: string): void {
    if (!this.mailer.enabled) return;
    this.mailer.send(mailMessages.passwordChanged(email, this.urls.site, this.urls.forgotPassword), 'password changed notice');
  }
}
