import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  id: number;
  actorEmail: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface Actor {
  id: number;
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

  /** The newest entries first. */
  async list(limit: number, offset = 0): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map((r) => ({
      id: r.id,
      actorEmail: r.actor_email,
      action: r.action,
      subject: r.subject,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      createdAt: r.created_at,
    }));
  }
}
