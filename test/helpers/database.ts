import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';
import { adminQuery, databaseUrlWithName, dropDatabase } from './template.js';

export interface TestDatabase {
  url: string;
  handle: DatabaseHandle;
  /** Closes the handle and removes the database. */
  drop(): Promise<void>;
}

/** A new, migrated, empty database on whichever server this run tests (SQLite by default). */
export async function freshDatabase(): Promise<TestDatabase> {
  const template = inject('databaseTemplate');
  const name = `epirank_test_${randomBytes(6).toString('hex')}`;
  if (template.dialect === 'sqlite') {
    const url = join(template.dir, `${name}.db`);
    copyFileSync(template.path, url);
    const handle = openDatabase(url);
    return { url, handle, drop: () => handle.close() };
  }
  await adminQuery(template.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template.templateName}`);
  const url = databaseUrlWithName(template.adminUrl, name);
  const handle = openDatabase(url, { poolSize: 5 });
  return {
    url,
    handle,
    drop: async () => {
      await handle.close();
      await dropDatabase(template.adminUrl, name);
    },
  };
}

/** One fresh database for the whole test file, dropped after its last test. */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get current() {
      if (!database) throw new Error('the test database is only available inside tests');
      return database;
    },
  };
}

/** The URL of a database that exists but has no tables yet, as an operator's first start sees it. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('databaseTemplate');
  const name = `epirank_test_${randomBytes(6).toString('hex')}`;
  if (template.dialect === 'sqlite') {
    // A path in a folder that does not exist yet: the server must create both.
    return { url: join(template.dir, name, 'epirank.db'), drop: async () => undefined };
  }
  await adminQuery(template.adminUrl, `CREATE DATABASE ${name}`);
  return {
    url: databaseUrlWithName(template.adminUrl, name),
    drop: () => dropDatabase(template.adminUrl, name),
  };
}

/** True when an error is a CHECK constraint refusing a row, on either database. */
export function isCheckViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_CONSTRAINT_CHECK' || code === '23514';
}

/** How many rows a table holds: what tests compare before and after a request to see what it wrote. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
