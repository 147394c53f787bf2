import pg from 'pg';

export const TEMPLATE_DATABASE = 'epirank_test_template';

export type TestDatabaseTemplate =
  | { dialect: 'sqlite'; path: string; dir: string }
  | { dialect: 'postgres'; adminUrl: string };

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
