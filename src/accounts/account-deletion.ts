/**
 * A signed-in fan takes their data back: "delete all my ratings" and "delete my account". Each is
 * one transaction that removes the ratings (counted and held), recounts the tallies they were in,
 * writes its audit entry and, for the account, ends its sessions and deletes it; so tallies,
 * per-show figures (kept by triggers on the tallies) and the audit log change together or not at all.
 */
import { nowTimestamp } from '../db/dialect.js';
import type { Emit } from '../shared/change-feed.js';
import type { Store, Transactor } from '../db/store.js';
import { FormError } from '../shared/errors.js';
import { t } from '../i18n/translate.js';
import type { MyRatingsRepository } from '../votes/my-ratings.repository.js';
import type { AccountsRepository, User } from './accounts.repository.js';
import { accountVoter } from './accounts.service.js';

/** What an audit entry records; the audit log lives above this layer and is handed in (services.ts). */
export interface AuditNote {
  actor: { id: number; email: string };
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  at: string;
}

/**
 * The repositories the deletions write through, bound to one transaction. The audit log lives
 * above this layer: whatever the store binds as `audit` writes the entry (services.ts gives the admin one).
 */
export interface AccountDeletionRepositories {
  accounts: AccountsRepository;
  myRatings: MyRatingsRepository;
  audit: { record(note: AuditNote): Promise<void>; forgetActor(userId: number, as: string): Promise<void> };
}

/** What the audit log says in place of an erased account that changed something. */
export const ERASED_ACTOR = 'an erased account';

/** Why the last admin's account cannot be deleted, in the language in force. */
export const lastAdminMessage = () => t('account.lastAdmin');

export class AccountDeletion {
  constructor(
    private readonly store: Store<AccountDeletionRepositories>,
    /** Told after a commit that removed counted or held ratings, so caches and stored figures follow (src/shared/change-feed.ts). */
    private readonly emit: Emit,
    /** Paces the recount of a long history (importers/pacer.ts), so other requests get their turns. */
    private readonly pacer: () => { done(rows?: number): Promise<void> },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Removes every rating of the account; says how many went. Nothing to remove writes nothing, audit included. */
  async deleteAllRatings(user: User): Promise<number> {
    return this.store.transact(async (tx) => {
      const removed = await this.removeRatings(tx, user);
      if (removed.length === 0) return 0;
      await tx.audit.record({
        actor: { id: user.id, email: user.email },
        action: 'ratings.delete-own',
        subject: `voter ${accountVoter(user).id} (${user.email})`,
        before: removed,
        after: [],
        at: nowTimestamp(this.clock),
      });
      return removed.length;
    });
  }

  /**
   * Deletes the account with its ratings and sessions. The last admin is refused, since nobody
   * could then run the admin side: a FormError the confirmation page shows.
   */
  async deleteAccount(user: User): Promise<{ ratings: number }> {
    return this.store.transact(async (tx) => {
      const { accounts } = tx;
      const admins = await accounts.lockAdmins();
      if (admins.includes(user.id) && admins.length === 1) throw new FormError({ form: lastAdminMessage() });
      const stored = await accounts.findById(user.id);
      if (!stored) return { ratings: 0 };
      const removed = await this.removeRatings(tx, user);
      await tx.audit.record({
        actor: { id: user.id, email: stored.email },
        action: 'account.delete-own',
        subject: `account ${stored.email}`,
        before: { email: stored.email, displayName: stored.displayName, role: stored.role, ratings: removed },
        after: null,
        at: nowTimestamp(this.clock),
      });
      await accounts.deleteAccount(user.id);
      return { ratings: removed.length };
    });
  }

  /**
   * Erases the account at its owner's request, by an operator (src/moderation/data-requests.service.ts):
   * as deleteAccount, and the account's own entries in the audit log go too. The erase's own entry
   * names the account by number only and keeps none of what was erased.
   */
  async eraseAccount(userId: number, operator: { id: number; email: string }): Promise<{ ratings: number }> {
    const user = { id: userId };
    return this.store.transact(async (tx) => {
      const { accounts } = tx;
      const admins = await accounts.lockAdmins();
      if (admins.includes(user.id) && admins.length === 1) throw new FormError({ form: lastAdminMessage() });
      if (!(await accounts.findById(user.id))) return { ratings: 0 };
      const removed = await this.removeRatings(tx, user);
      // Before the account row goes: deleting it sets its entries' actor_user_id to null (migration 0004).
      await tx.audit.forgetActor(user.id, ERASED_ACTOR);
      await accounts.deleteAccount(user.id);
      await tx.audit.record({
        actor: operator,
        action: 'account.erase',
        subject: `account #${user.id}`,
        before: undefined,
        after: { ratingsRemoved: removed.length },
        at: nowTimestamp(this.clock),
      });
      return { ratings: removed.length };
    });
  }

  private async removeRatings(tx: Transactor<AccountDeletionRepositories>, user: Pick<User, 'id'>) {
    const pacer = this.pacer();
    const { removed, changes } = await tx.myRatings.removeAll(accountVoter(user).id, () => pacer.done());
    if (removed.length > 0) tx.onCommit(() => this.emit({ kind: 'ratings', changes }));
    return removed;
  }
}
