import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
 * between steps, then the copy is integrity-checked. PostgreSQL: pg_dump in its custom format,
 * which pg_restore reads.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  if (dialectOf(databaseUrl) === 'postgres') return pgDump(databaseUrl, file);
  const source = sqlitePath(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`There is no SQLite database at ${source}.`);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name.`);
  const database = new SQLite(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    await database.backup(file);
  } finally {
    database.close();
  }
  const copy = new SQLite(file, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The copy at ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { file, method: 'SQLite online backup' };
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
      code === 0
        ? resolve({ file, method: 'pg_dump --format=custom' })
        : reject(new BackupError(`pg_dump failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
