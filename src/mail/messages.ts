/**
 * Every mail the site sends, in one place: its subject and its words, as plain text and the same
 * words as simple HTML. Links arrive absolute (built from PUBLIC_URL by the services); the site is
 * named by its host, which is what the fan sees in the link too.
 *
 * Which language a mail speaks: the language in force when it is composed (src/i18n/context.ts),
 * which is that of the request that caused it (the sign-up, the reset asked for, the change of
 * address), since every mail is composed while its request is answered and the mailer only delivers
 * finished text in the background. A mail composed in a transaction's on-commit hook captures the
 * request's language with `inThisLanguage` rather than trusting the hook to run in the request's
 * context. Accounts store no language (that needs a column, and so a migration): a notice to the
 * old address after a change speaks the language of whoever made the change, which is nearly
 * always the account's owner.
 */
import { currentLanguage, currentLanguageContext, withLanguage } from '../i18n/context.js';
import { t } from '../i18n/translate.js';
import type { MailMessage } from './mailer.js';

/** A link in a mail: its words, then the address on a line of its own in the text version. */
interface Link {
  label: string;
  href: string;
}

type Block = string | Link;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function compose(to: string, subject: string, blocks: Block[]): MailMessage {
  const text = blocks.map((b) => (typeof b === 'string' ? b : `${b.label}:\n${b.href}`)).join('\n\n');
  const html = blocks
    .map((b) => (typeof b === 'string' ? `<p>${escapeHtml(b)}</p>` : `<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.label)}</a></p>`))
    .join('\n');
  return { to, subject, text: `${text}\n`, html: `<!doctype html>\n<html lang="${currentLanguage()}"><body>\n${html}\n</body></html>\n` };
}

/**
 * `work` made to run in the language in force now, whenever it is called: for a mail composed in an
 * on-commit hook, so that it speaks the language of the request that made the change.
 */
export function inThisLanguage(work: () => void): () => void {
  const language = currentLanguageContext();
  return () => withLanguage(language, work);
}

const siteName = (site: string) => new URL(site).host;

export const mailMessages = {
  /** To a new account's address: the link that proves it and signs in. */
  verifyAddress: (to: string, site: string, link: string, lifetime: string) =>
    compose(to, t('mail.verifySubject', { site: siteName(site) }), [
      t('mail.verifyIntro', { site: siteName(site) }),
      { label: t('mail.verifyLink'), href: link },
      t('mail.verifyOutro', { lifetime }),
    ]),

  /** To an address that already has an account, when someone signs up with it again. */
  signUpAttempt: (to: string, site: string, links: { signIn: string; reset: string }) =>
    compose(to, t('mail.attemptSubject', { site: siteName(site) }), [
      t('mail.attemptIntro', { site: siteName(site) }),
      { label: t('mail.attemptSignIn'), href: links.signIn },
      { label: t('mail.attemptReset'), href: links.reset },
      t('mail.notYou'),
    ]),

  /** The password reset link. */
  passwordReset: (to: string, site: string, link: string, lifetime: string) =>
    compose(to, t('mail.resetSubject', { site: siteName(site) }), [
      t('mail.resetIntro', { site: siteName(site) }),
      { label: t('mail.resetLink'), href: link },
      t('mail.resetOutro', { lifetime }),
    ]),

  /** A notice after the password changed, by the account page or a reset. */
  passwordChanged: (to: string, site: string, resetLink: string) =>
    compose(to, t('mail.passwordChangedSubject', { site: siteName(site) }), [
      t('mail.passwordChangedIntro', { site: siteName(site) }),
      t('mail.passwordChangedWarning'),
      { label: t('mail.resetYourPassword'), href: resetLink },
    ]),

  /** To the new address: the link that moves the account to it. */
  confirmNewAddress: (to: string, site: string, link: string, lifetime: string) =>
    compose(to, t('mail.confirmSubject', { site: siteName(site) }), [
      t('mail.confirmIntro', { site: siteName(site) }),
      { label: t('mail.confirmLink'), href: link },
      t('mail.confirmOutro', { lifetime }),
    ]),

  /** To the new address when another account already has it: nothing moves, and the page did not say so. */
  addressTaken: (to: string, site: string, links: { signIn: string; reset: string }) =>
    compose(to, t('mail.takenSubject', { site: siteName(site) }), [
      t('mail.takenIntro', { site: siteName(site) }),
      { label: t('mail.takenSignIn'), href: links.signIn },
      { label: t('mail.takenReset'), href: links.reset },
      t('mail.notYou'),
    ]),

  /** To the old address, when a move to a new one is asked for. */
  addressChangeRequested: (to: string, site: string, newEmail: string) =>
    compose(to, t('mail.changeRequestedSubject', { site: siteName(site) }), [
      t('mail.changeRequestedIntro', { site: siteName(site), email: newEmail }),
      t('mail.changeRequestedWarning'),
    ]),

  /** To the old address, once the account moved. */
  addressChanged: (to: string, site: string, newEmail: string, resetLink: string) =>
    compose(to, t('mail.addressChangedSubject', { site: siteName(site) }), [
      t('mail.addressChangedIntro', { site: siteName(site), email: newEmail }),
      t('mail.addressChangedWarning'),
      { label: t('mail.resetYourPassword'), href: resetLink },
    ]),
};
