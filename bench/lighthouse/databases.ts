/**
 * The databases the Lighthouse run serves: a fresh demo database, a fresh database of the generated
 * shows (scripts/generated-shows.ts: a 100-episode season and a 1,000-episode show, the sizes issue
 * 25's "Done when" names), and a copy of the scale benchmark's cached big SQLite database when one
 * exists. The copy is made with SQLite's online backup, so a `bench:scale` run writing to the
 * original at the same time cannot tear it, and so whatever the served pages write (voter secrets,
 * migrations) never touches the cached original.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadDemoCatalog } from '../../src/importers/demo/demo.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Kysely } from 'kysely';
import type { Database as Schema } from '../../src/db/schema.js';
import { storeOf } from '../../src/repositories.js';
import { hundredEpisodeSeason, importGeneratedShows, thousandEpisodes } from '../../scripts/generated-shows.js';

const removeSqlite = (path: string) =>
  ['', '-wal', '-shm'].forEach((suffix) => {
    rmSync(path + suffix, { force: true });
  });

/** A new migrated SQLite database `<name>.db` in `dir`, filled by `load`. */
async function freshDatabase(dir: string, name: string, load: (db: Kysely<Schema>) => Promise<void>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.db`);
  removeSqlite(path);
  const database = openDatabase(path);
  try {
    await migrateToLatest(database.db, database.dialect);
    await load(database.db);
  } finally {
    await database.close();
  }
  return path;
}

export const freshDemo = (dir: string) =>
  freshDatabase(dir, 'demo', async (db) => {
    await loadDemoCatalog(storeOf(db));
  });

/** The generated shows through the catalogue importer, as the page screenshots have them: seconds, not bench:scale's hour. */
export const freshGenerated = (dir: string) => freshDatabase(dir, 'generated', (db) => importGeneratedShows(db, [hundredEpisodeSeason(), thousandEpisodes()]));

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
