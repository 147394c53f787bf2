import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/db/dialect.js';
import { emptyDatabase } from '../helpers/database.js';
import { adminQuery, databaseUrlWithName, dropDatabase } from '../helpers/template.js';
import { freePort, runEpirank, startEpirank } from '../helpers/process.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'epirank-cli-'));
// Each test starts several CLI processes, each compiling the sources with tsx: slow on a busy machine.
const SPAWNING = 180_000;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  // Last in, first out: a restored database is dropped through the database created before it.
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function newDatabase() {
  const database = await emptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

describe('epirank import / export', () => {
  it(
    'imports each format, refuses broken files whole, and exports what it holds',
    async () => {
      const url = await newDatabase();
      const env = { DATABASE_URL: url };

      const dry = await runEpirank(['import', fixture('orbit-cafe.csv'), '--dry-run'], env);
      expect(dry.code).toBe(0);
      expect(dry.output).toContain('Dry run: nothing was written.');
      expect(dry.output).toContain('episodes: 3 new, 0 updated, 0 unchanged');

      const broken = await runEpirank(['import', fixture('broken.csv')], env);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain('Nothing was imported. broken.csv:');
      expect(broken.output).toContain('line 4, column air_date: "17/01/2024" is not a date (YYYY-MM-DD)');

      const empty = await runEpirank(['export'], env);
      expect(JSON.parse(empty.output).shows).toEqual([]);

      expect((await runEpirank(['import', fixture('orbit-cafe.json')], env)).output).toContain('episodes: 3 new');
      expect((await runEpirank(['import', fixture('orbit-cafe.csv')], env)).output).toContain('episodes: 0 new, 0 updated, 3 unchanged');
      expect((await runEpirank(['import', fixture('harbor-lights.tvmaze.json')], env)).output).toContain('shows: 1 new');

      const out = join(dir, `export-${Date.now()}.json`);
      expect((await runEpirank(['export', '--votes', '--output', out], env)).code).toBe(0);
      const file = JSON.parse(readFileSync(out, 'utf8'));
      expect(file.shows.map((s: { slug: string }) => s.slug)).toEqual(['harbor-lights', 'orbit-cafe']);

      const wrongFormat = await runEpirank(['import', fixture('orbit-cafe.json'), '--format', 'xml'], env);
      expect(wrongFormat.code).toBe(2);
    },
    SPAWNING,
  );

  it(
    'says clearly when TVmaze cannot be reached or the id is not one',
    async () => {
      const url = await newDatabase();
      const bad = await runEpirank(['import', '--tvmaze', 'abc'], { DATABASE_URL: url });
      expect(bad.code).toBe(1);
      expect(bad.output).toContain('"abc" is not a TVmaze show id');
    },
    SPAWNING,
  );
});

describe('epirank backup', () => {
  it(
    'to a folder that does not exist: one line saying so, exit 1, no stack trace, no file',
    async () => {
      const url = await newDatabase();
      const target = join(dir, 'no-such-folder', 'x.db');
      const failed = await runEpirank(['backup', target], { DATABASE_URL: url });
      expect(failed).toEqual({
        code: 1,
        output: `epirank: Cannot write ${target}: the folder ${join(dir, 'no-such-folder')} does not exist. Create it first, or choose another place.\n`,
      });
      expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    },
    SPAWNING,
  );

  it(
    'copies the database while the server runs, and the copy restores to the same data',
    async () => {
      const url = await newDatabase();
      const port = await freePort();
      const server = await startEpirank({ DATABASE_URL: url, PORT: String(port) });
      cleanups.push(async () => void server.child.kill('SIGKILL'));
      // A vote, so the backup holds more than the demo file does.
      await fetch(`http://127.0.0.1:${port}/shows/kaleido-star/seasons/1/episodes/14/rating`, {
        method: 'POST',
        body: new URLSearchParams({ rating: '8' }),
        headers: { 'sec-fetch-site': 'same-origin' },
        redirect: 'manual',
      });
      const before = (await runEpirank(['export', '--votes'], { DATABASE_URL: url })).output;
      expect(JSON.parse(before).shows[0].seasons[0].episodes[13].ratings).toHaveLength(1);

      const backup = join(dir, `backup-${Date.now()}.${dialectOf(url) === 'postgres' ? 'dump' : 'db'}`);
      const made = await runEpirank(['backup', backup], { DATABASE_URL: url });
      expect(made.code, made.output).toBe(0);
      expect(made.output).toContain(`Backed up to ${backup}`);
      // One self-contained file: no -wal, -shm or leftover temporary file beside it.
      expect(readdirSync(dir).filter((name) => name.startsWith(basename(backup)))).toEqual([basename(backup)]);
      if (dialectOf(url) === 'sqlite') {
        const copy = new SQLite(backup, { readonly: true });
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        copy.close();
        // Opening it left nothing beside it either (a WAL-mode copy would have grown a -shm file).
        expect(readdirSync(dir).filter((name) => name.startsWith(basename(backup)))).toEqual([basename(backup)]);
      }
      const twice = await runEpirank(['backup', backup], { DATABASE_URL: url });
      expect(twice).toEqual({ code: 1, output: `epirank: ${backup} already exists; choose a new file name.\n` });
      server.child.kill('SIGTERM');
      await server.exited;

      // Restore as the README says, into a new database, and compare everything.
      let restoredUrl: string;
      if (dialectOf(url) === 'postgres') {
        restoredUrl = databaseUrlWithName(url, `epirank_restored_${Date.now()}`);
        const name = new URL(restoredUrl).pathname.slice(1);
        await adminQuery(url, `CREATE DATABASE ${name}`);
        cleanups.push(() => dropDatabase(url, name));
        execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, backup]);
      } else {
        restoredUrl = backup;
      }
      const after = (await runEpirank(['export', '--votes'], { DATABASE_URL: restoredUrl })).output;
      expect(after).toBe(before);
    },
    SPAWNING,
  );
});
