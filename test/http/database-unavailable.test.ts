/**
 * What people, programs and probes are told while the database cannot answer, through the whole
 * app in process: a PostgreSQL server that refuses connections, a SQLite file another process
 * holds the write lock on, and a SQLite file that cannot be opened until it reappears. Each is a
 * real driver failure, not a mock. Before the fix every one of these answered 500.
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadDemoCatalog } from '../../src/importers/demo/demo.js';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { testConfig } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { freePort } from '../helpers/process.js';
import { storeOf } from '../../src/repositories.js';

const dir = mkdtempSync(join(tmpdir(), 'epirank-unavailable-'));
const SEASON = '/shows/kaleido-star/seasons/1';
const FORM_VOTE = `${SEASON}/episodes/3/rating`;
const API_VOTE = `/api/v1${SEASON}/episodes/3/rating`;

/** A migrated SQLite file with the demo catalogue, shared by the SQLite cases as their starting point. */
const demoFile = join(dir, 'demo.db');
beforeAll(async () => {
  const handle = openDatabase(demoFile);
  await migrateToLatest(handle.db, handle.dialect);
  await loadDemoCatalog(storeOf(handle.db));
  await handle.close();
});

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

interface LoggedApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** Parsed log lines written so far. */
  logs: () => Array<Record<string, unknown>>;
}

async function appOn(url: string, options: OpenOptions = {}): Promise<LoggedApp> {
  const handle = openDatabase(url, options);
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  // A cookie secret in the settings, so that building the app needs no database.
  const app = await buildApp({
    config: testConfig({ cookieSecret: 'x'.repeat(40), voteLimitPerIp: 0, voteLimitPerVoter: 0, pageCacheSeconds: 0 }),
    database: handle,
    logger: { level: 'info', stream },
  });
  apps.push(app);
  return { app, handle, logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const formVote = (app: FastifyInstance) =>
  app.inject({
    method: 'POST',
    url: FORM_VOTE,
    payload: 'rating=7',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
  });

function expectUnavailablePage(response: Awaited<ReturnType<FastifyInstance['inject']>>) {
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  const $ = parsePage(response.body);
  expect($('h1').text()).toBe('Epirank is briefly unavailable');
  expect($('.error-detail').text()).toMatch(/database is unavailable.*try again in a few seconds/);
}

function expectUnavailableProblem(response: Awaited<ReturnType<FastifyInstance['inject']>>, instance: string) {
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toEqual({
    type: '/problems/service-unavailable',
    title: 'Service unavailable',
    status: 503,
    detail: expect.stringMatching(/database is unavailable/),
    instance,
  });
}

describe('a PostgreSQL server that refuses connections', () => {
  it('answers pages, votes, the API and /healthz with 503 and Retry-After, and logs the outage once', async () => {
    const { app, logs } = await appOn(`postgres://epirank:secret@127.0.0.1:${await freePort()}/epirank`);

    expectUnavailablePage(await app.inject({ method: 'GET', url: SEASON }));
    expectUnavailablePage(await formVote(app));
    expectUnavailableProblem(await app.inject({ method: 'GET', url: '/api/v1/shows' }), '/api/v1/shows');
    expectUnavailableProblem(await app.inject({ method: 'PUT', url: API_VOTE, payload: { rating: 7 } }), API_VOTE);

    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe('5');
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.json()).toEqual({ status: 'unavailable', reason: 'database unavailable: connection refused' });

    // One error line for the outage, one warning per request, and no stack anywhere.
    const lines = logs();
    expect(lines.filter((l) => l.msg === 'database unavailable: answering 503 until it returns')).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'database unavailable: answered 503')).toHaveLength(4);
    expect(lines.filter((l) => l.level === 50 && l.msg === 'request failed')).toEqual([]);
    expect(lines.filter((l) => JSON.stringify(l).includes('"stack"'))).toEqual([]);
  });
});

describe('a SQLite file another process holds the write lock on', () => {
  it('refuses the vote with 503 and stores nothing, serves pages meanwhile, and takes the vote once the lock is gone', async () => {
    const path = join(dir, 'locked.db');
    copyFileSync(demoFile, path);
    const { app, handle } = await appOn(path, { busyTimeoutMs: 20 });
    const other = new SQLite(path);
    try {
      other.exec('begin immediate'); // what a long write by the CLI or another instance does
      expectUnavailablePage(await formVote(app));
      expectUnavailableProblem(await app.inject({ method: 'PUT', url: API_VOTE, payload: { rating: 7 } }), API_VOTE);
      // Readers are not blocked by a writer (WAL): the pages still work.
      expect((await app.inject({ method: 'GET', url: SEASON })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect(await handle.db.selectFrom('votes').select('id').execute()).toEqual([]);
    expect((await formVote(app)).statusCode).toBe(303);
    expect(await handle.db.selectFrom('votes').select('rating').execute()).toEqual([{ rating: 7 }]);
  });
});

describe('a SQLite file that cannot be opened', () => {
  it('answers 503 while it is missing, and recovers by itself once it is back', async () => {
    // The path is a directory, as when a volume is not mounted where the file should be.
    const path = join(dir, 'mounted-later.db');
    mkdirSync(path);
    const { app, logs } = await appOn(path);

    expectUnavailablePage(await app.inject({ method: 'GET', url: SEASON }));
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'unavailable', reason: 'database unavailable: database file cannot be opened' });

    rmSync(path, { recursive: true });
    copyFileSync(demoFile, `${path}.tmp`);
    renameSync(`${path}.tmp`, path);

    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: SEASON })).statusCode).toBe(200);
    expect((await formVote(app)).statusCode).toBe(303);
    expect(logs().filter((l) => l.msg === 'database available again')).toHaveLength(1);
  });
});
