/**
 * PostgreSQL restarted and stopped under voting load, against a real `epirank serve`. The server is
 * a throwaway cluster of this test's own (the shared test server must not be disturbed), so the
 * test runs the same in the SQLite and the PostgreSQL e2e runs. Before the fix the app died on the
 * first restart (an unhandled pool 'error' event) and answered 500 while it survived an outage.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/postgres-cluster.js';
import { freePort, runEpirank, startEpirank, type RunningServer } from '../helpers/process.js';
import { checkVotesKept, type AcknowledgedVote } from '../helpers/votes-kept.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Phase = 'before' | 'restart' | 'outage' | 'after';

interface Answer {
  phase: Phase;
  kind: 'form' | 'api';
  status: number;
  retryAfter: string | null;
  contentType: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` holds; fails at once if the server died, or after a generous deadline. */
async function until(done: () => boolean | Promise<boolean>, what: string, server: RunningServer, logs: () => string) {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (server.child.exitCode !== null) throw new Error(`epirank exited (code ${server.child.exitCode}) while waiting for ${what}\n${logs().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${logs().slice(-4000)}`);
    await pause(50);
  }
}

describe('the database restarting and going away under voting load', () => {
  // A cluster of its own, a server process and four phases of load: more than the e2e default time.
  it('keeps the app up, answers 503 with Retry-After meanwhile, recovers, and loses no acknowledged vote', { timeout: 300_000 }, async () => {
    const cluster: ThrowawayPostgres = await startThrowawayPostgres();
    cleanups.push(() => cluster.destroy());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server: RunningServer = await startEpirank({
      DATABASE_URL: cluster.url,
      PORT: String(port),
      VOTE_LIMIT_PER_IP: '0',
      VOTE_LIMIT_PER_VOTER: '0',
    });
    cleanups.push(async () => void server.child.kill('SIGKILL'));
    const logs = () => `--- epirank ---\n${server.output()}\n--- postgres ---\n${cluster.log()}`;

    let phase: Phase = 'before';
    let stopping = false;
    let sent = 0;
    const answers: Answer[] = [];
    const networkErrors: string[] = [];
    const acknowledged: AcknowledgedVote[] = [];
    const acknowledgedIn = (where: Phase) => answers.filter((a) => a.phase === where && a.status < 400).length;
    const failedIn = (where: Phase) => answers.filter((a) => a.phase === where && a.status >= 500).length;

    // Each request is a new voter (no cookie), so every acknowledged vote is identified by its cookie.
    // Half vote with the form as a browser without JavaScript does, half through the JSON API.
    const worker = async (id: number) => {
      const kind = id % 2 === 0 ? 'form' : 'api';
      while (!stopping) {
        const n = sent++;
        const episode = 1 + (n % 26);
        const rating = 1 + ((n * 7) % 10);
        const at = phase;
        let response: Response;
        try {
          response =
            kind === 'form'
              ? await fetch(`${base}/shows/kaleido-star/seasons/1/episodes/${episode}/rating`, {
                  method: 'POST',
                  body: new URLSearchParams({ rating: String(rating) }),
                  headers: { 'sec-fetch-site': 'same-origin' },
                  redirect: 'manual',
                })
              : await fetch(`${base}/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`, {
                  method: 'PUT',
                  body: JSON.stringify({ rating }),
                  headers: { 'content-type': 'application/json' },
                });
        } catch (error) {
          networkErrors.push(String(error));
          await pause(100);
          continue;
        }
        await response.arrayBuffer();
        const answer: Answer = {
          phase: at,
          kind,
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          contentType: response.headers.get('content-type') ?? '',
        };
        answers.push(answer);
        if (answer.status === 303 || answer.status === 200) {
          const cookie = decodeURIComponent(/epirank_voter=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!);
          acknowledged.push({ voterId: `a:${cookie.split('.')[0]}`, episode, rating });
        } else {
          // Pace the retries a little so the outage does not turn into a busy loop on two cores.
          await pause(50);
        }
      }
    };
    const workers = Promise.all(Array.from({ length: 12 }, (_, id) => worker(id)));

    try {
      await until(() => acknowledged.length >= 150, 'votes before the restart', server, logs);

      // A fast restart: every session is terminated (57P01), idle pool connections included.
      phase = 'restart';
      await cluster.restart();
      await until(() => acknowledgedIn('restart') >= 150, 'votes after the restart', server, logs);

      // A longer outage, long enough for every kind of request to meet it.
      phase = 'outage';
      await cluster.stop();
      await until(() => failedIn('outage') >= 40, 'failed requests during the outage', server, logs);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await health.json()).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^database unavailable: /) });

      phase = 'after';
      await cluster.start();
      await until(async () => (await fetch(`${base}/healthz`)).status === 200, '/healthz to recover', server, logs);
      await until(() => acknowledgedIn('after') >= 150, 'votes after the database returned', server, logs);
    } finally {
      stopping = true;
      await workers;
    }

    // The process never died, and no request failed at the socket.
    expect(server.child.exitCode, logs()).toBeNull();
    expect(networkErrors).toEqual([]);

    // Nothing but acknowledgements and 503s; every 503 says when to retry, in the client's format.
    const unexpected = answers.filter((a) => ![200, 303, 503].includes(a.status));
    expect(unexpected, logs()).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.filter((a) => a.phase === 'outage').length).toBeGreaterThanOrEqual(40);
    expect(unavailable.filter((a) => !/^\d+$/.test(a.retryAfter ?? ''))).toEqual([]);
    expect(unavailable.filter((a) => a.kind === 'api' && !a.contentType.startsWith('application/problem+json'))).toEqual([]);
    expect(unavailable.filter((a) => a.kind === 'form' && !a.contentType.startsWith('text/html'))).toEqual([]);

    // Every acknowledged vote is stored as sent, and the tallies equal a recount.
    const handle = openDatabase(cluster.url);
    try {
      const kept = await checkVotesKept(handle.db, acknowledged);
      expect(kept.missing).toEqual([]);
      expect(kept.mismatches).toEqual([]);
    } finally {
      await handle.close();
    }
    const recount = await runEpirank(['recount', '--check'], { DATABASE_URL: cluster.url });
    expect(recount, recount.output).toMatchObject({ code: 0 });
  });
});
