/**
 * What differs between SQLite and PostgreSQL in queries and column definitions lives here, so
 * repositories and services stay dialect-free: they call these helpers instead of testing the
 * dialect. A few places are written per database by nature and say so: opening a connection
 * (`database.ts`), copying the database (`backup.ts`), the triggers of migrations 0007 (per-show
 * figures), 0010 (the search index) and 0011 (first-air years) (each migration is handed the
 * dialect), and the full-text queries themselves (`catalog/search.repository.ts`: FTS5 and
 * PostgreSQL's text search share no syntax).
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Parses DATABASE_URL: `postgres://` or `postgresql://` selects PostgreSQL, anything else SQLite. */
export function dialectOf(databaseUrl: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/**
 * Which database a Kysely handle (or transaction) talks to, for code that is handed a transaction
 * and must phrase a query for it (a row lock exists only on PostgreSQL).
 */
// biome-ignore lint/suspicious/noExplicitAny: any database's handle, whatever its tables (migrations pass Kysely<any>).
export function dialectOfConnection(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Rows whose text `column` starts with `prefix`, phrased so that an index on the column serves it:
 * SQLite's LIKE ignores case and so cannot read a binary index, its GLOB can; PostgreSQL's LIKE
 * reads an index built with `text_pattern_ops` (migration 0024), whatever the collation. The
 * prefix is matched literally: its wildcards are escaped.
 */
export function startsWith(dialect: DialectName, column: string, prefix: string): RawBuilder<SqlBool> {
  if (dialect === 'sqlite') return sql<SqlBool>`${sql.ref(column)} glob ${`${prefix.replace(/[*?[]/g, '[$&]')}*`}`;
  return sql<SqlBool>`${sql.ref(column)} like ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`}`;
}

/**
 * Whether a transaction must lock the rows it reads before changing them. PostgreSQL runs write
 * transactions side by side, so two votes could both adjust a tally from the same old value;
 * SQLite runs one write transaction at a time and has no row locks (nor `FOR UPDATE`).
 */
export function locksRows(dialect: DialectName): boolean {
  return dialect === 'postgres';
}

/** A select that locks the rows it reads until the transaction ends where locksRows says so. */
export function forUpdateWhereNeeded<Q extends { forUpdate(): Q }>(query: Q, dialect: DialectName): Q {
  return locksRows(dialect) ? query.forUpdate() : query;
}

/**
 * Whether single writes (votes) are committed in shared groups (db/write-batcher.ts). On SQLite a
 * commit waits for the disk and only one writer runs at a time, so grouping is what lets votes
 * keep up; PostgreSQL commits concurrent transactions side by side.
 */
export function groupsCommits(dialect: DialectName): boolean {
  return dialect === 'sqlite';
}

/** The SQLite file path from `sqlite:path`, `file:path` or a plain path. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/i, '');
}

/** An auto-numbered integer primary key column, written the idiomatic way for each database. */
export function autoIncrementId(dialect: DialectName) {
  return (column: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();
}

/**
 * Column type for counters that can outgrow 32 bits (sums of squares on a popular episode).
 * SQLite's INTEGER is already 64-bit; PostgreSQL's bigint comes back as a number because
 * database.ts installs a type parser for it.
 */
export function counterType(dialect: DialectName): 'integer' | 'bigint' {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}

/** True when an error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** True when an error is a foreign-key violation (a row pointing at one that no longer exists). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/**
 * True for failures that a fresh attempt of the same transaction can succeed at: two first votes
 * racing to insert (unique violation), PostgreSQL serialization failures and deadlocks, and
 * SQLite's "database is busy" when another process holds the write lock past busy_timeout.
 * transact() retries the unique violation only for work that opts in.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/** The current time as the ISO-8601 UTC text stored in timestamp columns on both databases. */
export function nowTimestamp(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
