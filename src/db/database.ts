/**
 * Opens a database from DATABASE_URL (a SQLite file or a PostgreSQL pool) as a Kysely handle,
 * with the driver settings each database needs.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import { DatabaseAvailability, unavailabilityReason } from './availability.js';
import { dialectOf, sqlitePath, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Whether the database answered lately; the HTTP layer answers 503 while it does not. */
  availability: DatabaseAvailability;
  /** PostgreSQL only: how its connection pool is used right now (for metrics). */
  pool?: () => PoolStats;
  /**
   * Asks the database for an answer (`select 1`), for the health checks. On PostgreSQL it has a
   * connection of its own: when every pooled connection is busy (votes on one show queue on its
   * figures row), a probe that waited for one took 200 ms and more, and a balancer would take an
   * instance out for being busy rather than for being unable to reach its database.
   */
  ping(): Promise<void>;
  /** Closes every connection; safe to call more than once. */
  close(): Promise<void>;
}

/** A PostgreSQL pool's connections: open (in use or idle), idle, the most it opens, and queries waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface OpenOptions {
  /** PostgreSQL pool size per app instance. */
  poolSize?: number;
  /** How long SQLite waits for another process's write lock before giving up (SQLITE_BUSY). */
  busyTimeoutMs?: number;
}

/**
 * PostgreSQL connections per app instance unless DATABASE_POOL_SIZE says otherwise: two per core,
 * the usual starting point for a pool, and never more than the 10 it used to be, so that a big
 * machine's instances do not outgrow PostgreSQL's max_connections (100) by default. More
 * connections than the cores can serve are not more answers: every vote updates its show's
 * figures row, so one show's votes take turns on its lock, and every query needs a core. On the
 * two-core benchmark machine 4 answered 10–15 % more votes than 10 while a vote still held that
 * lock across round trips; since it no longer does (decision 0011), 4 and 8 answer the same.
 */
export const DEFAULT_POOL_SIZE = Math.min(10, 2 * availableParallelism());

// A busy SQLite file (another process holding the write lock: the CLI, a backup) is waited for this
// long before the statement fails with SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens the database named by a DATABASE_URL value. */
export function openDatabase(databaseUrl: string, options: OpenOptions = {}): DatabaseHandle {
  const dialect = dialectOf(databaseUrl);
  const availability = new DatabaseAvailability();
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  const pool = dialect === 'postgres' ? postgresPool(databaseUrl, poolSize, availability) : null;
  const db = pool
    ? new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    : new Kysely<Database>({
        dialect: sqliteDialect(sqlitePath(databaseUrl), options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS, availability),
      });
  let closed: Promise<void> | null = null;
  const probe = pool ? postgresPool(databaseUrl, 1, availability) : null;
  return {
    db,
    dialect,
    availability,
    ...(pool && {
      pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    }),
    ping: async () => {
      if (probe) await probe.query('select 1');
      else await sql`select 1`.execute(db);
    },
    close: () => (closed ??= Promise.all([db.destroy(), probe?.end()]).then(() => undefined)),
  };
}

// Each driver is loaded when a database of its kind is first opened, so a process holds only the
// one it uses (pg and its dependencies are ~15 MB of memory that a SQLite site never needs).
const require = createRequire(import.meta.url);
const sqliteDriver = (): typeof SQLite => require('better-sqlite3') as typeof SQLite;
const postgresDriver = (): typeof pg => require('pg') as typeof pg;

function sqliteDialect(path: string, busyTimeoutMs: number, availability: DatabaseAvailability): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new SqliteDialect({
    database: async () => {
      // A file that cannot be opened fails this and the next query tries again (Kysely retries
      // a failed driver start), so the app recovers once the file is back.
      const connection = new (sqliteDriver())(path);
      // WAL lets page reads proceed while a vote commits. With synchronous=NORMAL a commit is
      // durable once it returns even if the process is killed; only a power loss can roll back
      // the newest transactions, which FULL would prevent at the cost of an fsync per vote.
      connection.pragma('journal_mode = WAL');
      connection.pragma('synchronous = NORMAL');
      connection.pragma('foreign_keys = ON');
      connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
      availability.answered();
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
    return format === undefined ? postgresDriver().types.getTypeParser(oid) : postgresDriver().types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

// While the server is away a request should fail fast with a 503 rather than hang: a connection
// that is not handed out within this time (server unreachable, or every connection busy) fails.
const CONNECT_TIMEOUT_MS = 5000;
// Idle connections are closed after this, so a pool refills with fresh ones after a restart
// rather than holding sockets the server may already have dropped.
const IDLE_TIMEOUT_MS = 30_000;

function postgresPool(connectionString: string, max: number, availability: DatabaseAvailability): pg.Pool {
  const pool = new (postgresDriver().Pool)({
    connectionString,
    max,
    types: pgTypes,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // Notices a peer that vanished without closing the socket (a host gone, a network cut).
    keepAlive: true,
  });
  const lost = (error: Error) => availability.failed(unavailabilityReason(error) ?? 'connection failed', error);
  // An idle connection the server terminates (57P01 on restart) is reported here. Without a
  // listener, Node treats the 'error' event as unhandled and the whole process exits with code 1.
  pool.on('error', lost);
  pool.on('connect', (client) => {
    // pg-pool listens for errors only while a connection is idle; one that is checked out and
    // loses its server between two queries would emit an unhandled 'error' and end the process.
    // The query in flight is rejected on its own, and pg-pool drops the broken connection when
    // it is released instead of handing it out again.
    client.on('error', lost);
    availability.answered();
  });
  return pool;
}
