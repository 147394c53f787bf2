/**
 * Every mail the site sends, in one place: its subject and its words, as plain text and the same
 * words as simple HTML. Links arrive absolute (built from PUBLIC_URL by the services); the site is
 * named by its host, which is what the fan sees in the link too.
 */
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
  return { to, subject, text: `${text}\n`, html: `<!doctype html>\n<html><body>\n${html}\n</body></html>\n` };
}

const siteName = (site: string) => new URL(site).host;
const notYou = 'If this was not you, you can ignore this message.';

export const mailMessages = {
  /** To a new account's address: the link that proves it and signs in. */
  verifyAddress: (to: string, site: string, link: string, lifetime: string) =>
    compose(to, `Confirm your address on ${siteName(site)}`, [
      `Someone, probably you, created an account on ${siteName(site)} with this address.`,
      { label: 'Confirm the address and sign in', href: link },
      `The link works once, for ${lifetime}. ${notYou} Nothing was created that can be used without it.`,
    ]),

  /** To an address that already has an account, when someone signs up with it again. */
  signUpAttempt: (to: string, site: string, links: { signIn: string; reset: string }) =>
    compose(to, `Someone tried to create an account on ${siteName(site)}`, [
      `Someone, perhaps you, tried to create an account on ${siteName(site)} with this address, which already has one. No new account was made.`,
      { label: 'Sign in to your account', href: links.signIn },
      { label: 'Forgot your password? Choose a new one', href: links.reset },
      notYou,
    ]),

  /** The password reset link. */
  passwordReset: (to: string, site: string, link: string, lifetime: string) =>
    compose(to, `Reset your password on ${siteName(site)}`, [
      `Someone, probably you, asked to reset the password of your account on ${siteName(site)}.`,
      { label: 'Choose a new password', href: link },
      `The link works once, for ${lifetime}. ${notYou} Your password stays as it is.`,
    ]),

  /** A notice after the password changed, by the account page or a reset. */
  passwordChanged: (to: string, site: string, resetLink: string) =>
    compose(to, `Your password on ${siteName(site)} was changed`, [
      `The password of your account on ${siteName(site)} was just changed, and your other devices were signed out.`,
      'If this was not you, someone else knows your password or can read your mail: choose a new password now.',
      { label: 'Reset your password', href: resetLink },
    ]),

  /** To the new address: the link that moves the account to it. */
  confirmNewAddress: (to: string, site: string, link: string, lifetime: string) =>
    compose(to, `Confirm your new address on ${siteName(site)}`, [
      `Someone, probably you, asked to move an account on ${siteName(site)} to this address.`,
      { label: 'Confirm the new address', href: link },
      `The link works once, for ${lifetime}. ${notYou} Nothing changes without it.`,
    ]),

  /** To the new address when another account already has it: nothing moves, and the page did not say so. */
  addressTaken: (to: string, site: string, links: { signIn: string; reset: string }) =>
    compose(to, `An account on ${siteName(site)} could not move to this address`, [
      `Someone asked to move an account on ${siteName(site)} to this address, but this address already has an account of its own, so nothing changed.`,
      { label: 'Sign in to the account of this address', href: links.signIn },
      { label: 'Forgot its password? Choose a new one', href: links.reset },
      notYou,
    ]),

  /** To the old address, when a move to a new one is asked for. */
  addressChangeRequested: (to: string, site: string, newEmail: string) =>
    compose(to, `A change of your address on ${siteName(site)} was asked for`, [
      `Someone signed in to your account on ${siteName(site)} asked to move it to ${newEmail}. It moves only when the link sent there is followed.`,
      'If this was not you, someone knows your password: sign in and change it now.',
    ]),

  /** To the old address, once the account moved. */
  addressChanged: (to: string, site: string, newEmail: string, resetLink: string) =>
    compose(to, `Your address on ${siteName(site)} was changed`, [
      `Your account on ${siteName(site)} now uses the address ${newEmail}; mail about it goes there from now on.`,
      'If this was not you, ask the site’s operator for help, or reset the password from the new address if you can read it.',
      { label: 'Reset your password', href: resetLink },
    ]),
};
