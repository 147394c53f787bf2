/**
 * Moving an account to a new address: asked for on the account page with the current password; a
 * link goes to the NEW address (purpose 'change-email', the address kept in `new_email`) and the
 * old address gets a notice; the account moves when the link is followed, and the old address is
 * told again. A new address that already has an account is not revealed on the page: its owner is
 * mailed instead, and nothing changes.
 */
import { isUniqueViolation } from '../db/dialect.js';
import { AppError, FormError, inWords, says } from '../shared/errors.js';
import { inThisLanguage, mailMessages } from '../mail/messages.js';
import { type MessageKey, t } from '../i18n/translate.js';
import { lifetimeInWords } from './account-tokens.js';
import type { User } from './accounts.repository.js';
import { emailProblem } from './accounts.service.js';
import type { MailedLinkParts } from './mailed-links.js';
import { verifyPassword } from './passwords.js';

const ASK_AGAIN = says('errors.askAgainEmailChange');

/** The new address was given to another account between the request and the link. */
export class AddressTakenError extends AppError {
  override name = 'AddressTakenError';
  readonly status = 409;
  readonly type = 'address-taken';
  get title(): string {
    return inWords(says('errors.addressTakenTitle'));
  }
}

export class EmailChangeService {
  constructor(private readonly parts: MailedLinkParts) {}

  get available(): boolean {
    return this.parts.mailer.enabled;
  }

  /** Checks the password, then mails the link (or, for a taken address, its owner); returns the address as typed. */
  async request(user: User, currentPassword: string, newEmail: string, ip: string): Promise<string> {
    await this.parts.throttle.beginPasswordChange(user.id, ip);
    const stored = await this.parts.store.read.accounts.findById(user.id);
    if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) {
      throw new FormError({ current: says('errors.wrongCurrentPassword') });
    }
    const problem = emailProblem(newEmail);
    if (problem) throw new FormError({ email: problem });
    const address = newEmail.trim().toLowerCase();
    if (address === stored.email) throw new FormError({ email: says('errors.alreadyYourAddress') });
    if (!this.parts.mailer.enabled) return address;
    const owner = await this.parts.store.read.accounts.findByEmail(address);
    if (owner) {
      const links = { signIn: this.parts.urls.signIn, reset: this.parts.urls.forgotPassword };
      this.parts.mailer.send(mailMessages.addressTaken(address, this.parts.urls.site, links), 'address change to a taken address');
    } else {
      const token = await this.parts.links.issue(user.id, 'change-email', address);
      if (token === null) return address;
      const link = this.parts.urls.confirmEmail(token);
      this.parts.mailer.send(mailMessages.confirmNewAddress(address, this.parts.urls.site, link, lifetimeInWords('change-email')), 'address change link');
    }
    this.parts.mailer.send(mailMessages.addressChangeRequested(stored.email, this.parts.urls.site, address), 'address change notice');
    return address;
  }

  /** Throws an UnusableLinkError unless the link still works (the confirm button is shown only then). */
  async check(token: string): Promise<void> {
    await this.parts.links.check(token, 'change-email', ASK_AGAIN);
  }

  /** Moves the account to the new address (now proved) and tells the old one; returns the new address. */
  async confirm(token: string): Promise<string> {
    const link = await this.parts.links.check(token, 'change-email', ASK_AGAIN);
    const address = link.token.newEmail!;
    await this.parts.store
      .transact(async (tx) => {
        await this.parts.links.consume(tx, link, 'change-email', ASK_AGAIN);
        const user = await tx.accounts.findById(link.token.userId);
        if (!user) return;
        await tx.accountTokens.changeEmail(user.id, address, this.parts.links.now());
        tx.onCommit(
          inThisLanguage(() =>
            this.parts.mailer.send(
              mailMessages.addressChanged(user.email, this.parts.urls.site, address, this.parts.urls.forgotPassword),
              'address changed notice',
            ),
          ),
        );
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AddressTakenError(says('errors.addressTaken', { address }));
        throw error;
      });
    return address;
  }
}
