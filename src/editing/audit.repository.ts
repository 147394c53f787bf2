/**
 * The audit log: every admin and moderation action, written in the action's own transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.js';
import { idKeysetPage, type KeysetPage } from './admin-paging.js';
import { dialectOfConnection, startsWith } from '../db/dialect.js';

export interface AuditEntry {
  id: number;
  actorEmail: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** Which entries the audit page lists; each part is optional and they combine. */
export interface AuditFilter {
  /** An action ("flag.dismiss"), or a family of them without the dot ("flag"). */
  action?: string | undefined;
  /** Who, as recorded (an e-mail address, or "command line"). */
  actor?: string | undefined;
  /** Days in UTC, YYYY-MM-DD, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface Actor {
  /** The account, or null for an act with none (an import on the command line: import-audit.ts). */
  id: number | null;
  email: string;
}

/** SQL for the audit log. Writes take the caller's transaction, so an action and its record commit together. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: { actor: Actor; action: string; subject: string; before: unknown; after: unknown; at: string }): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        actor_user_id: entry.actor.id,
        actor_email: entry.actor.email,
        action: entry.action,
        subject: entry.subject,
        before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
        after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
        created_at: entry.at,
      })
      .execute();
  }

  /**
   * Forgets an erased account in the entries it wrote (issue 24's data requests): the entries of its
   * own data (`*-own`: the ratings or the account it deleted itself) go, and the others (an editor's
   * catalogue changes) keep what changed but no longer say who.
   */
  async forgetActor(userId: number, as: string): Promise<void> {
    await this.db.deleteFrom('audit_log').where('actor_user_id', '=', userId).where('action', 'like', '%-own').execute();
    await this.db.updateTable('audit_log').set({ actor_user_id: null, actor_email: as }).where('actor_user_id', '=', userId).execute();
  }

  /**
   * A page of the log newest first, before or after an entry's id (ids only grow, so they order the
   * log by time and a page's link keeps naming the same entries while new ones arrive).
   */
  async page(
    cursor: { before?: number | undefined; after?: number | undefined },
    limit: number,
    filter: AuditFilter = {},
  ): Promise<KeysetPage<AuditEntry, number>> {
    return idKeysetPage(cursor, limit, () => this.filtered(filter), toEntry);
  }

  private filtered(filter: AuditFilter) {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.action !== undefined) {
      // Each reads its index (migration 0024): an action newest first, a family as a prefix.
      query = filter.action.includes('.')
        ? query.where('action', '=', filter.action)
        : query.where(startsWith(dialectOfConnection(this.db), 'action', `${filter.action}.`));
    }
    if (filter.actor !== undefined) query = query.where('actor_email', '=', filter.actor);
    // Timestamps are stored as ISO 8601 in UTC on both databases, so days compare as text.
    if (filter.from !== undefined) query = query.where('created_at', '>=', `${filter.from}T00:00:00.000Z`);
    if (filter.to !== undefined) query = query.where('created_at', '<=', `${filter.to}T23:59:59.999Z`);
    return query;
  }
}

function toEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: r.id,
    actorEmail: r.actor_email,
    action: r.action,
    subject: r.subject,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    createdAt: r.created_at,
  };
}
