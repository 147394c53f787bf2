/**
 * The audit log's filters read their indexes (migration 0024): the query plan of a filtered page,
 * asked of the database itself (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL), names the
 * index on the filtered column, rather than walking the whole log newest first and checking each
 * entry. The log is made large and the filtered actions rare, after ANALYZE, so that a plan that
 * walks the log would be the planner's own poor choice, not a tie on an empty table.
 */
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuditRepository, type AuditFilter } from '../../src/editing/audit.repository.js';
import { useTestDatabase } from '../helpers/database.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;

/** Entries in the log: most of them one common action, a few of the rare ones filtered for. */
const ENTRIES = 20_000;
const RARE = ['flag.dismiss', 'flag.resolve', 'flags.other', 'block.add'];

async function fillLog(): Promise<void> {
  const rows = Array.from({ length: ENTRIES }, (_, i) => {
    const rare = i % 1000 < RARE.length ? RARE[i % 1000] : undefined;
    return {
      actor_user_id: null,
      actor_email: rare ? 'rare@example.test' : 'editor@example.test',
      action: rare ?? 'show.update',
      subject: `entry ${i}`,
      before_json: null,
      after_json: null,
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db()
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  await db().executeQuery(CompiledQuery.raw('analyze'));
}

/** The page's queries as the database would run them, each with its plan's text. */
async function plansOf(filter: AuditFilter): Promise<{ entries: string[]; plans: string[] }> {
  const queries: CompiledQuery[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      queries.push(db().getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const page = await new AuditRepository(db().withPlugin(recorder)).page({}, 50, filter);
  const explain = database.current.handle.dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const plans: string[] = [];
  for (const query of queries) {
    const { rows } = await db().executeQuery<Record<string, unknown>>(CompiledQuery.raw(explain + query.sql, [...query.parameters]));
    plans.push(rows.map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n'));
  }
  return { entries: page.items.map((e) => e.action), plans };
}

describe('the audit log filters by their indexes', () => {
  it('finds one action, newest first, through the action index', async () => {
    await fillLog();
    const { entries, plans } = await plansOf({ action: 'flag.dismiss' });
    expect(entries).toHaveLength(ENTRIES / 1000);
    expect(new Set(entries)).toEqual(new Set(['flag.dismiss']));
    expect(plans).not.toHaveLength(0);
    for (const plan of plans) expect(plan).toContain('audit_log_action_index');
  });

  it('finds a family of actions (a prefix up to the dot) through the same index', async () => {
    const { entries, plans } = await plansOf({ action: 'flag' });
    // "flags.other" shares the letters but is another family.
    expect(new Set(entries)).toEqual(new Set(['flag.dismiss', 'flag.resolve']));
    expect(entries).toHaveLength(2 * (ENTRIES / 1000));
    for (const plan of plans) expect(plan).toContain('audit_log_action_index');
  });

  it('finds one actor through the actor index', async () => {
    const { entries, plans } = await plansOf({ actor: 'rare@example.test' });
    expect(entries).toHaveLength(50);
    for (const plan of plans) expect(plan).toContain('audit_log_actor_index');
  });
});
