import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { StandingsRepository } from '../../src/ranking/standings.repository.js';

/**
 * The queries every ranking page runs, compiled for both databases and kept as files beside this
 * test, so a change to them shows up in review as a diff of SQL (run `vitest -u` to accept one).
 */
function recordingDb(dialect: 'sqlite' | 'postgres') {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (event) => void queries.push(event.query),
  });
  return { db, queries };
}

describe.each(['sqlite', 'postgres'] as const)('ranking queries on %s', (dialect) => {
  it('reads a season without touching the votes', async () => {
    const { db, queries } = recordingDb(dialect);
    const standings = new StandingsRepository(db);
    await standings.episodeStandings({ seasonId: 1 });
    await standings.showTotals(1);
    await standings.seasonTotals(1);
    const sql = queries.map((q) => `${q.sql};\n-- parameters: ${JSON.stringify(q.parameters)}`).join('\n\n');
    expect(sql).not.toMatch(/\bvotes\b/);
    await expect(`${sql}\n`).toMatchFileSnapshot(`./__snapshots__/standings.${dialect}.sql`);
  });
});
