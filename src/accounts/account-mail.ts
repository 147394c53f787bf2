/**
 * The mail side of accounts, wired in one place for the composition root (services.ts): the
 * mailer for SMTP_URL, the links built from PUBLIC_URL, and the services that send them.
 */
import type { Store } from '../db/store.js';
import { createMailer, type MailLog } from '../mail/mailer.js';
import { accountLinks } from './account-links.js';
import { AccountNotices } from './account-notices.js';
import type { AccountThrottle } from './account-throttle.js';
import type { AccountsService } from './accounts.service.js';
import { EmailChangeService } from './email-change.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { MailedLinks, type MailedLinkRepositories } from './mailed-links.js';
import { PasswordResetService } from './password-reset.service.js';

export function accountMail(
  store: Store<MailedLinkRepositories>,
  parts: { accounts: AccountsService; throttle: AccountThrottle },
  settings: { smtpUrl: string | null; mailFrom: string | null; publicUrl: string | null; passwordCostLog2: number },
  log: MailLog,
  clock: () => Date = () => new Date(),
) {
  const mailer = createMailer(settings, log);
  // Without mail no link is ever built; config.ts requires PUBLIC_URL with SMTP_URL.
  const urls = accountLinks(settings.publicUrl ?? '');
  const links = new MailedLinks(store, clock);
  const notices = new AccountNotices(mailer, urls);
  const shared = { store, links, mailer, urls, throttle: parts.throttle };
  return {
    mailer,
    notices,
    passwordReset: new PasswordResetService(shared, settings.passwordCostLog2, notices),
    emailVerification: new EmailVerificationService(shared, parts.accounts),
    emailChange: new EmailChangeService(shared),
  };
}
