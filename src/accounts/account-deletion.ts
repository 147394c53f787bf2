/**
 * A signed-in fan takes their data back: "delete all my ratings" and "delete my account". Each is
 * one transaction that removes the ratings (counted and held), recounts the tallies they were in,
 * writes its audit entry and, for the account, ends its sessions and deletes it; so tallies,
 * per-show figures (kept by triggers on the tallies) and the audit log change together or not at all.
 */
import type { Kysely } from 'kysely';
import { nowTimestamp } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { transact, type TransactionHandle } from '../db/transact.js';
import type { Emit } from '../shared/change-feed.js';
import { FormError } from '../shared/errors.js';
import { MyRatingsRepository } from '../votes/my-ratings.repository.js';
import { AccountsRepository, type User } from './accounts.repository.js';
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

export const LAST_ADMIN_MESSAGE =
  'You are the only admin, so this account cannot be deleted: make another account an admin first (epirank create-admin), then delete this one.';

export class AccountDeletion {
  constructor(
    private readonly db: Kysely<Database>,
    /** Writes an audit entry inside the given transaction. */
    private readonly audit: (trx: TransactionHandle, note: AuditNote) => Promise<void>,
    /** Told after a commit that removed counted or held ratings, so caches and stored figures follow (src/shared/change-feed.ts). */
    private readonly emit: Emit,
    /** Paces the recount of a long history (importers/pacer.ts), so other requests get their turns. */
    private readonly pacer: () => { done(rows?: number): Promise<void> },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Removes every rating of the account; says how many went. Nothing to remove writes nothing, audit included. */
  async deleteAllRatings(user: User): Promise<number> {
    return transact(this.db, async (trx) => {
      const removed = await this.removeRatings(trx, user);
      if (removed.length === 0) return 0;
      await this.audit(trx, {
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
    return transact(this.db, async (trx) => {
      const accounts = new AccountsRepository(trx);
      const admins = await accounts.lockAdmins();
      if (admins.includes(user.id) && admins.length === 1) throw new FormError({ form: LAST_ADMIN_MESSAGE });
      const stored = await accounts.findById(user.id);
      if (!stored) return { ratings: 0 };
      const removed = await this.removeRatings(trx, user);
      await this.audit(trx, {
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

  private async removeRatings(trx: TransactionHandle, user: User) {
    const pacer = this.pacer();
    const { removed, changes } = await MyRatingsRepository.removeAll(trx, accountVoter(user).id, () => pacer.done());
    if (removed.length > 0) trx.onCommit(() => this.emit({ kind: 'ratings', changes }));
    return removed;
  }
}
