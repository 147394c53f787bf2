/**
 * PostgreSQL terminating the app's connections (what a restart or an operator's
 * pg_terminate_backend does, SQLSTATE 57P01). Before the fix the pool had no 'error' listener and
 * the process died on the first terminated idle connection. Runs in the PostgreSQL run only: it
 * needs a server, and terminates only this file's own connections on its own database copy.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { unavailabilityReason } from '../../src/db/availability.js';
import { useTestDatabase } from '../helpers/database.js';

const onPostgres = inject('databaseTemplate').dialect === 'postgres';

/** Terminates, from a connection of its own, every other session on the test's database. */
async function terminateSessions(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** Lets pg deliver the termination to the client sockets. */
const settle = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe.runIf(onPostgres)('PostgreSQL terminating the pool connections', () => {
  const database = useTestDatabase();

  it('survives idle connections being terminated, notes the outage, and serves the next query on a fresh connection', async () => {
    const { handle, url } = database.current;
    // Fill the pool with idle connections.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
    expect(await terminateSessions(url)).toBeGreaterThanOrEqual(1);
    // Until pg has delivered every termination, the pool can still hand out a terminated
    // connection (that query would fail, and its request answer 503): wait for all of them.
    await settle(() => !handle.availability.current().available && handle.pool!().total === 0);

    expect(handle.availability.current()).toMatchObject({ available: false, reason: expect.any(String) });
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
    // A new connection was made: the outage is over.
    expect(handle.availability.current().available).toBe(true);
  });

  it('fails a transaction whose connection is terminated between two queries, and keeps the broken connection out of the pool', async () => {
    const { handle, url } = database.current;
    const error = await handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await terminateSessions(url);
        await settle(() => !handle.availability.current().available);
        await sql`select 2`.execute(trx);
      })
      .then(
        () => expect.unreachable('the transaction should have failed'),
        (caught: unknown) => caught,
      );
    expect(unavailabilityReason(error)).not.toBeNull();
    // Every later query gets a working connection, however many the pool hands out.
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(handle.db)));
    expect(results.map((r) => r.rows[0]!.n)).toEqual([1, 2, 3, 4, 5]);
  });
});
