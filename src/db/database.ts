import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { dialectOf, sqlitePath, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes every connection; safe to call more than once. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size per app instance. */
  poolSize?: number;
}

/** Opens the database named by a DATABASE_URL value. */
export function openDatabase(databaseUrl: string, options: OpenOptions = {}): DatabaseHandle {
  const dialect = dialectOf(databaseUrl);
  const db =
    dialect === 'postgres'
      ? new Kysely<Database>({ dialect: postgresDialect(databaseUrl, options.poolSize ?? 10) })
      : new Kysely<Database>({ dialect: sqliteDialect(sqlitePath(databaseUrl)) });
  let closed: Promise<void> | null = null;
  return {
    db,
    dialect,
    close: () => (closed ??= db.destroy()),
  };
}

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new SqliteDialect({
    database: async () => {
      const connection = new SQLite(path);
      // WAL lets page reads proceed while a vote commits. With synchronous=NORMAL a commit is
      // durable once it returns even if the process is killed; only a power loss can roll back
      // the newest transactions, which FULL would prevent at the cost of an fsync per vote.
      connection.pragma('journal_mode = WAL');
      connection.pragma('synchronous = NORMAL');
      connection.pragma('foreign_keys = ON');
      // Another process (the CLI during `serve`, a backup) may hold the write lock briefly.
      connection.pragma('busy_timeout = 5000');
      return withStatementCache(connection);
    },
  });
}

// Distinct SQL texts the app runs are few (queries differ by parameters, not by text), so a
// bounded map keeps every one of them; the bound only guards against unexpected growth.
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, which profiling showed to be an eighth of a
 * vote's cost. Prepared statements are reusable, and Kysely runs one query at a time on this
 * single connection, so handing back the statement prepared for the same text is safe.
 */
function withStatementCache(connection: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = connection.prepare.bind(connection);
  return Object.assign(Object.create(connection) as SQLite.Database, {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statement = prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      return connection.close();
    },
  });
}

// int8 (COUNT, SUM of integers, bigint columns) and numeric arrive as strings by default;
// every such value here is a count or sum far below 2^53, so a JavaScript number is exact.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

function postgresDialect(connectionString: string, max: number): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString, max, types: pgTypes }) });
}
