/**
 * Sign-up that does not tell whether an address has an account, and the proof of an address.
 *
 * With mail (SMTP_URL), every sign-up gets the same answer ("we sent a message to X"): a new address
 * gets an unverified account and a link that verifies it and signs the browser in; an address that
 * already has an account gets a mail telling its owner, with sign-in and reset links. Both paths
 * hash the password (accounts.service.ts), so they take about as long. Without mail, both a new and
 * a taken address are sent to sign in; the owner of a taken address is told nothing.
 */
import type { VoterRef } from '../votes/votes.repository.js';
import { mailMessages } from '../mail/messages.js';
import { type MessageKey, t } from '../i18n/translate.js';
import { lifetimeInWords } from './account-tokens.js';
import type { User } from './accounts.repository.js';
import type { AccountsService, SignedIn } from './accounts.service.js';
import { UnusableLinkError, type MailedLinkParts } from './mailed-links.js';
import { says } from '../shared/errors.js';

const ASK_AGAIN = says('errors.askAgainVerify');

export class EmailVerificationService {
  constructor(
    private readonly parts: MailedLinkParts,
    private readonly accounts: AccountsService,
  ) {}

  /** Whether sign-up sends a link (and the account page offers to resend it). */
  get enabled(): boolean {
    return this.parts.mailer.enabled;
  }

  /** Signs up without saying whether the address was free; form errors are thrown as FormError. */
  async signUp(input: { email: string; displayName: string; password: string; ip: string }): Promise<void> {
    if (this.parts.mailer.enabled) await this.parts.throttle.beginMailRequest(input.email, input.ip);
    const created = await this.accounts.signUp(input);
    if (!this.parts.mailer.enabled) return;
    if (created) {
      await this.sendLink(created);
      return;
    }
    const owner = await this.parts.store.read.accounts.findByEmail(input.email.trim());
    if (owner) {
      const links = { signIn: this.parts.urls.signIn, reset: this.parts.urls.forgotPassword };
      this.parts.mailer.send(mailMessages.signUpAttempt(owner.email, this.parts.urls.site, links), 'sign-up attempt notice');
    }
  }

  /** Whether the account's address is proved. */
  async isVerified(user: Pick<User, 'id'>): Promise<boolean> {
    return (await this.parts.store.read.accountTokens.emailVerifiedAt(user.id)) !== null;
  }

  /** Mails a new link to a signed-in account whose address is not proved yet. */
  async resend(user: User, ip: string): Promise<void> {
    await this.parts.throttle.beginMailRequest(user.email, ip);
    if (!this.parts.mailer.enabled || (await this.isVerified(user))) return;
    await this.sendLink(user);
  }

  /** Throws an UnusableLinkError unless the link still works (the confirm button is shown only then). */
  async check(token: string): Promise<void> {
    await this.parts.links.check(token, 'verify-email', ASK_AGAIN);
  }

  /** Proves the address and signs the browser in (the link is the proof of the mailbox). */
  async verify(token: string, anonymous: VoterRef | null): Promise<SignedIn> {
    const link = await this.parts.links.check(token, 'verify-email', ASK_AGAIN);
    const user = await this.parts.store.transact(async (tx) => {
      await this.parts.links.consume(tx, link, 'verify-email', ASK_AGAIN);
      const stored = await tx.accounts.findById(link.token.userId);
      if (stored) await tx.accountTokens.markVerified(stored.id, this.parts.links.now());
      return stored;
    });
    if (!user) throw new UnusableLinkError(410, says('errors.linkAccountGone'));
    const { passwordHash: _hash, ...account } = user;
    return this.accounts.signInAs(account, anonymous);
  }

  private async sendLink(user: User): Promise<void> {
    const token = await this.parts.links.issue(user.id, 'verify-email');
    if (token === null) return;
    this.parts.mailer.send(
      mailMessages.verifyAddress(user.email, this.parts.urls.site, this.parts.urls.verifyEmail(token), lifetimeInWords('verify-email')),
      'address verification',
    );
  }
}
