/**
 * `epirank backup`: a consistent copy of a running database, the SQLite way (one file through
 * the online backup API) or the PostgreSQL way (pg_dump).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { dialectOf, sqlitePath } from './dialect.js';

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  file: string;
  /** How the copy was made, for the operator. */
  method: string;
}

/**
 * Copies the database to `file` while the site keeps running.
 * SQLite: the online backup API copies a consistent snapshot page by page, letting writers go on
 * between steps, into a temporary file beside `file`. The copy is switched from WAL to a rollback
 * journal, so it is one self-contained file (a WAL-mode copy grows -wal and -shm files the moment
 * anything opens it), integrity-checked, and only then renamed to `file`: a failed backup leaves
 * nothing behind. PostgreSQL: pg_dump in its custom format, which pg_restore reads.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  requireWritableTarget(file);
  if (dialectOf(databaseUrl) === 'postgres') return pgDump(databaseUrl, file);
  const source = sqlitePath(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`There is no SQLite database at ${source}.`);
  const partial = `${file}.partial-${process.pid}`;
  try {
    const database = new SQLite(source, { fileMustExist: true });
    try {
      database.pragma('busy_timeout = 5000');
      await database.backup(partial);
    } finally {
      database.close();
    }
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`The copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    renameSync(partial, file);
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
  return { file, method: 'SQLite online backup' };
}

/** Says plainly why `file` cannot be written, before any work starts. */
function requireWritableTarget(file: string): void {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name.`);
  const folder = dirname(resolve(file));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Missing, or not ours to look at: either way there is no folder to write into.
  }
  if (!isFolder) throw new BackupError(`Cannot write ${file}: the folder ${folder} does not exist. Create it first, or choose another place.`);
}

function pgDump(databaseUrl: string, file: string): Promise<BackupResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${databaseUrl}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? 'pg_dump was not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client), ' +
                `or run: pg_dump --format=custom --file=${file} "$DATABASE_URL"`
            : `pg_dump could not start: ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve({ file, method: 'pg_dump --format=custom' }) : reject(new BackupError(`pg_dump failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
