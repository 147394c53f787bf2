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
