/**
 * Which failures mean "the database is away", shown with errors the real drivers raise: pg against
 * a port nobody listens on, a server that hangs up or never answers; SQLite with another
 * connection holding the write lock, or a path it cannot open. And how an outage is logged.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseAvailability, unavailabilityReason } from '../../src/db/availability.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { freePort } from '../helpers/process.js';

const dir = mkdtempSync(join(tmpdir(), 'epirank-availability-'));
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function open(url: string, options?: Parameters<typeof openDatabase>[1]): DatabaseHandle {
  const handle = openDatabase(url, options);
  cleanups.push(() => handle.close());
  return handle;
}

/** The error a query fails with (the test fails if it succeeds). */
async function failureOf(query: Promise<unknown>): Promise<unknown> {
  return query.then(
    () => expect.unreachable('the query should have failed'),
    (error: unknown) => error,
  );
}

/** A TCP server on 127.0.0.1 that does `onSocket` with every connection instead of speaking PostgreSQL. */
async function fakeServer(onSocket: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as { port: number }).port;
}

describe('recognising an unavailable PostgreSQL server', () => {
  it('says "connection refused" when nothing listens', async () => {
    const handle = open(`postgres://epirank:secret@127.0.0.1:${await freePort()}/epirank`);
    const error = await failureOf(sql`select 1`.execute(handle.db));
    expect(unavailabilityReason(error)).toBe('connection refused');
  });

  it('says "connection lost" when the server hangs up', async () => {
    const port = await fakeServer((socket) => socket.destroy());
    const handle = open(`postgres://epirank:secret@127.0.0.1:${port}/epirank`);
    const error = await failureOf(sql`select 1`.execute(handle.db));
    expect(unavailabilityReason(error)).toBe('connection lost');
  });

  it('gives up on a server that accepts the connection and never answers, instead of hanging', async () => {
    // Without a connect timeout on the pool this query would wait forever (and the test time out).
    const port = await fakeServer(() => undefined);
    const handle = open(`postgres://epirank:secret@127.0.0.1:${port}/epirank`);
    const error = await failureOf(sql`select 1`.execute(handle.db));
    expect(unavailabilityReason(error)).toMatch(/^(connection lost|no connection within the pool timeout)$/);
  });
});

describe('recognising an unavailable SQLite file', () => {
  it('says the database is locked when another connection holds the write lock past busy_timeout', async () => {
    const path = join(dir, 'locked.db');
    const handle = open(path, { busyTimeoutMs: 20 });
    await sql`create table notes (text text)`.execute(handle.db);
    const other = new SQLite(path);
    cleanups.push(() => void other.close());
    other.exec('begin immediate');
    const error = await failureOf(sql`insert into notes values ('x')`.execute(handle.db));
    expect(error).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(unavailabilityReason(error)).toBe('database locked by another writer');
    other.exec('rollback');
    await sql`insert into notes values ('x')`.execute(handle.db);
  });

  it('says the file cannot be opened when its path is a directory', async () => {
    const path = join(dir, 'not-a-file.db');
    mkdirSync(path);
    const handle = open(path);
    const error = await failureOf(sql`select 1`.execute(handle.db));
    expect(unavailabilityReason(error)).toBe('database file cannot be opened');
  });

  it('leaves ordinary query failures alone: they stay bugs or bad input', async () => {
    const handle = open(join(dir, 'ordinary.db'));
    await sql`create table people (email text unique)`.execute(handle.db);
    await sql`insert into people values ('a@example.org')`.execute(handle.db);
    expect(unavailabilityReason(await failureOf(sql`insert into people values ('a@example.org')`.execute(handle.db)))).toBeNull();
    expect(unavailabilityReason(await failureOf(sql`select * from nowhere`.execute(handle.db)))).toBeNull();
    expect(unavailabilityReason(new Error('Connection was fine, the code was not'))).toBeNull();
    // A visitor hanging up mid-upload: the HTTP request stream's ECONNRESET names no socket call.
    expect(unavailabilityReason(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBeNull();
    expect(unavailabilityReason(new TypeError('x is undefined'))).toBeNull();
    expect(unavailabilityReason(null)).toBeNull();
  });
});

describe('DatabaseAvailability', () => {
  it('logs the start of an outage once and its end once, with how long it lasted', () => {
    let now = new Date('2026-11-25T10:00:00Z');
    const lines: Array<{ level: string; details: object; message: string }> = [];
    const availability = new DatabaseAvailability(() => now);
    availability.useLog({
      error: (details, message) => lines.push({ level: 'error', details, message }),
      info: (details, message) => lines.push({ level: 'info', details, message }),
    });

    expect(availability.failed('connection refused', Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    now = new Date('2026-11-25T10:00:03Z');
    expect(availability.failed('connection refused')).toBe(false);
    expect(availability.current()).toEqual({ available: false, since: new Date('2026-11-25T10:00:00Z'), reason: 'connection refused' });
    now = new Date('2026-11-25T10:00:07Z');
    availability.answered();
    availability.answered();

    expect(lines).toEqual([
      {
        level: 'error',
        details: { reason: 'connection refused', code: 'ECONNREFUSED' },
        message: 'database unavailable: answering 503 until it returns',
      },
      { level: 'info', details: { outageMs: 7000 }, message: 'database available again' },
    ]);
    expect(availability.current()).toEqual({ available: true, since: null, reason: null });
  });
});
