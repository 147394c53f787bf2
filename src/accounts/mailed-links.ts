/**
 * Issuing and checking the single-use links that mails carry, shared by password reset, address
 * verification and address change: a new link is stored as its hash with its lifetime
 * (account-tokens.ts), at most LIVE_TOKENS_PER_ACCOUNT at a time; a link that does not work says
 * why on a 4xx page.
 */
import type { Store } from '../db/store.js';
import type { AccountTokenPurpose } from '../db/schema.js';
import { nowTimestamp } from '../db/dialect.js';
import { AppError, inWords, says, type MessageRef, type Wording } from '../shared/errors.js';
import { type MessageKey, t } from '../i18n/translate.js';
import type { AccountTokensRepository, StoredLinkToken } from './account-tokens.repository.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { Mailer } from '../mail/mailer.js';
import type { AccountLinks } from './account-links.js';
import type { AccountThrottle } from './account-throttle.js';
import { LIVE_TOKENS_PER_ACCOUNT, linkTokenId, newLinkToken, TOKEN_LIFETIME_MS } from './account-tokens.js';

/** What the mailed-link services read and write, bound to the plain handle or one transaction. */
export interface MailedLinkRepositories {
  accounts: AccountsRepository;
  accountTokens: AccountTokensRepository;
}

/** A mailed link that is unknown, used or expired: a page that says which, and what to do. */
export class UnusableLinkError extends AppError {
  override name = 'UnusableLinkError';
  readonly type = 'link-unusable';
  get title(): string {
    return inWords(says('errors.linkUnusableTitle'));
  }
  constructor(
    readonly status: 400 | 410,
    detail: Wording,
  ) {
    super(detail);
  }
}

/** A link known and still working: its stored id (for consuming it in a transaction) and row. */
export interface WorkingLink {
  id: string;
  token: StoredLinkToken;
}

export class MailedLinks {
  constructor(
    private readonly store: Store<MailedLinkRepositories>,
    private readonly clock: () => Date,
  ) {}

  now(): string {
    return nowTimestamp(this.clock);
  }

  /** A new link's token for the account, or null when it already has enough live links of this purpose. */
  async issue(userId: number, purpose: AccountTokenPurpose, newEmail?: string): Promise<string | null> {
    const now = this.clock();
    const { accountTokens } = this.store.read;
    if ((await accountTokens.countLive(userId, purpose, now.toISOString())) >= LIVE_TOKENS_PER_ACCOUNT) return null;
    const token = newLinkToken();
    await accountTokens.insert({
      id: linkTokenId(token)!,
      userId,
      purpose,
      newEmail,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString(),
    });
    return token;
  }

  /** The link behind `token` if it still works; otherwise an UnusableLinkError saying why. */
  async check(token: string, purpose: AccountTokenPurpose, again: MessageRef): Promise<WorkingLink> {
    const id = linkTokenId(token);
    const stored = id ? await this.store.read.accountTokens.find(id, purpose) : null;
    if (!id || !stored) throw new UnusableLinkError(400, says('errors.linkUnknown', { again }));
    if (stored.usedAt !== null) throw new UnusableLinkError(410, says('errors.linkUsed', { again }));
    if (stored.expiresAt <= this.now()) throw new UnusableLinkError(410, says('errors.linkExpired', { again }));
    return { id, token: stored };
  }

  /** Uses the link inside a transaction; a request that lost a race with another use fails like a used link. */
  async consume(tx: MailedLinkRepositories, link: WorkingLink, purpose: AccountTokenPurpose, again: MessageRef): Promise<void> {
    if (!(await tx.accountTokens.consume(link.id, purpose, this.now()))) {
      throw new UnusableLinkError(410, says('errors.linkUsed', { again }));
    }
  }
}

/** What each mailed-link service is built from (account-mail.ts wires it once). */
export interface MailedLinkParts {
  store: Store<MailedLinkRepositories>;
  links: MailedLinks;
  mailer: Mailer;
  /** Absolute links, from PUBLIC_URL. */
  urls: AccountLinks;
  throttle: AccountThrottle;
}
