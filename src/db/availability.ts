/**
 * Telling "the database is away" apart from a bug, on both databases, and remembering whether it
 * is away right now. A lost PostgreSQL server, a refused connection, a pool that cannot hand out a
 * connection in time, or a SQLite file that is locked, unreadable or on a full disk are conditions
 * an operator fixes and a client can retry; everything else stays a 500.
 */
import { says, ServiceUnavailableError } from '../shared/errors.js';

/** Node socket errors seen when the PostgreSQL server is down, restarting or unreachable. */
const SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
};

/** PostgreSQL SQLSTATEs that mean "not now" rather than "wrong query" (class 08 is handled apart). */
const SQLSTATES: Record<string, string> = {
  '57P01': 'server shutting down', // admin_shutdown: pg_ctl stop/restart terminated the session
  '57P02': 'server crashed', // crash_shutdown
  '57P03': 'server starting up or shutting down', // cannot_connect_now
  '53300': 'too many connections',
  '53100': 'disk full',
};

/**
 * Errors that pg and pg-pool raise without a code. They are matched by message because that is
 * all they carry; each one means the connection, not the query, failed.
 */
const PG_MESSAGES: Array<[RegExp, string]> = [
  [/^Connection terminated/, 'connection lost'],
  [/^timeout exceeded when trying to connect/, 'no connection within the pool timeout'],
  [/is not queryable$/, 'connection lost'],
  [/^driver has already been destroyed$/, 'shutting down'],
];

/**
 * SQLite result codes (primary code, before any extended suffix) that describe the file or its
 * lock, not the statement. SQLITE_CORRUPT and SQLITE_NOTADB are left out: no retry helps, and
 * they deserve a 500 and an operator's attention.
 */
const SQLITE_CODES: Record<string, string> = {
  SQLITE_BUSY: 'database locked by another writer',
  SQLITE_LOCKED: 'database table locked',
  SQLITE_IOERR: 'disk I/O error',
  SQLITE_CANTOPEN: 'database file cannot be opened',
  SQLITE_FULL: 'disk full',
  SQLITE_READONLY: 'database file is read-only',
  SQLITE_PROTOCOL: 'database lock protocol error',
};

/**
 * Why an error means the database is unavailable, in a few words fit for a log line or /healthz;
 * null when the error is something else (a bug, a constraint, bad SQL).
 */
export function unavailabilityReason(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, syscall } = error as { code?: unknown; message?: unknown; syscall?: unknown };
  if (typeof code === 'string') {
    // Only a socket call's own error (it names the call): a visitor hanging up mid-request also
    // raises ECONNRESET, from the HTTP request stream and without a syscall, and is no outage.
    if (code in SOCKET_CODES && typeof syscall === 'string') return SOCKET_CODES[code]!;
    if (code in SQLSTATES) return SQLSTATES[code]!;
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'connection failure'; // class 08: connection exception
    const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
    if (primary && primary in SQLITE_CODES) return SQLITE_CODES[primary]!;
  }
  if (typeof message === 'string') {
    for (const [pattern, reason] of PG_MESSAGES) if (pattern.test(message)) return reason;
  }
  // A connection to a host name with several addresses that all fail is an AggregateError that
  // carries each address's socket error.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = unavailabilityReason(inner);
      if (reason) return reason;
    }
  }
  return null;
}

/** The part of a logger this module uses (pino's and Fastify's loggers fit). */
export interface AvailabilityLog {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface AvailabilityState {
  available: boolean;
  /** When the current outage was first seen (null while available). */
  since: Date | null;
  /** What the last failure said, in a few words (null while available). */
  reason: string | null;
}

/**
 * Whether the database answered lately. The first failure of an outage is logged once, with its
 * reason and without a stack; the return is logged once too. Requests failing in between log
 * nothing of their own, so an outage under load does not flood the log.
 */
export class DatabaseAvailability {
  private state: AvailabilityState = { available: true, since: null, reason: null };
  private log: AvailabilityLog | null = null;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Where transitions are written; until then they are only remembered. */
  useLog(log: AvailabilityLog): void {
    this.log = log;
  }

  current(): AvailabilityState {
    return { ...this.state };
  }

  /** Records a failure; returns true when it starts a new outage (and was logged). */
  failed(reason: string, cause?: unknown): boolean {
    const starts = this.state.available;
    this.state = { available: false, since: this.state.since ?? this.clock(), reason };
    if (starts) this.log?.error({ reason, code: codeOf(cause) }, 'database unavailable: answering 503 until it returns');
    return starts;
  }

  /** Records that the database answered. */
  answered(): void {
    if (this.state.available) return;
    const outageMs = this.clock().getTime() - this.state.since!.getTime();
    this.state = { available: true, since: null, reason: null };
    this.log?.info({ outageMs }, 'database available again');
  }
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** What a client is told to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The 503 for an error that says the database is unavailable (on either database), or null when
 * the error is something else. The reason is for logs and /healthz; people and programs get a
 * plain sentence, since the reason can name internal hosts.
 */
export function databaseUnavailable(error: unknown): { answer: ServiceUnavailableError; reason: string } | null {
  const reason = unavailabilityReason(error);
  if (reason === null) return null;
  const answer = new ServiceUnavailableError(says('errors.databaseUnavailable'), DATABASE_RETRY_AFTER_SECONDS);
  return { answer, reason };
}
