import pg from 'pg';

/** A template name of this run's own, so test runs sharing one PostgreSQL server never collide. */
export function templateDatabaseName(): string {
  return `epirank_template_${process.pid}_${Date.now().toString(36)}`;
}

export type TestDatabaseTemplate = { dialect: 'sqlite'; path: string; dir: string } | { dialect: 'postgres'; adminUrl: string; templateName: string };

/** The same server URL pointing at another database. */
export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs one statement (CREATE/DROP DATABASE cannot run in a transaction) on its own connection. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's code for "insufficient privilege". */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Drops a test database even while autovacuum is working in it. On PostgreSQL 15, `WITH (FORCE)` may only end
 * backends of roles the caller is a member of, and an autovacuum worker belongs to none, so a role without
 * `pg_signal_backend` is refused until the worker finishes; it finishes within seconds, so wait and try again.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== INSUFFICIENT_PRIVILEGE || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
