/**
 * The databases the Lighthouse run serves: a fresh demo database, and a copy of the scale
 * benchmark's cached big SQLite database when one exists. The copy is made with SQLite's online
 * backup, so a `bench:scale` run writing to the original at the same time cannot tear it, and so
 * whatever the served pages write (voter secrets, migrations) never touches the cached original.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadDemoCatalog } from '../../src/importers/demo/demo.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { storeOf } from '../../src/repositories.js';

const removeSqlite = (path: string) =>
  ['', '-wal', '-shm'].forEach((suffix) => {
    rmSync(path + suffix, { force: true });
  });

export async function freshDemo(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'demo.db');
  removeSqlite(path);
  const database = openDatabase(path);
  try {
    await migrateToLatest(database.db, database.dialect);
    await loadDemoCatalog(storeOf(database.db));
  } finally {
    await database.close();
  }
  return path;
}

/** A private copy of the cached big database, or null when `npm run bench:scale` has not built one. */
export async function copyOfBig(original: string, dir: string): Promise<string | null> {
  if (!existsSync(original)) return null;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'big.db');
  removeSqlite(path);
  const source = new Database(original, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path);
  } finally {
    source.close();
  }
  return path;
}

export { removeSqlite };
