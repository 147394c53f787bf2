import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { emptyDatabase } from '../helpers/database.js';
import { freePort, startEpirank } from '../helpers/process.js';
import { checkVotesKept, type AcknowledgedVote } from '../helpers/votes-kept.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

// Several trials on the same database: each kill lands at a different moment of a write, and each
// restart must start cleanly on what the killed process left behind.
const TRIALS = 3;
const ACKNOWLEDGED_PER_TRIAL = 300;

/**
 * Starts a server, votes from 24 workers until ACKNOWLEDGED_PER_TRIAL are acknowledged, then SIGKILLs it.
 * Every answer is a 303 (the vote is stored) or no answer at all (the process is gone): anything else,
 * a 5xx above all, is collected in `otherAnswers` and fails the trial.
 */
async function voteUntilKilled(databaseUrl: string): Promise<{ acknowledged: AcknowledgedVote[]; sent: number; refused: number; otherAnswers: string[] }> {
  const port = await freePort();
  const { child, exited } = await startEpirank({ DATABASE_URL: databaseUrl, PORT: String(port), VOTE_LIMIT_PER_IP: '0' });
  cleanups.push(async () => void child.kill('SIGKILL'));

  // Each request is a new voter rating one episode, so every acknowledged vote must be found as it was sent.
  const acknowledged: AcknowledgedVote[] = [];
  let sent = 0;
  let refused = 0;
  let killed = false;
  const otherAnswers: string[] = [];
  // Every worker keeps voting until its own request fails: the process dies with votes in flight.
  const worker = async () => {
    for (;;) {
      const n = sent++;
      const episode = 1 + (n % 26);
      const rating = 1 + ((n * 7) % 10);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/shows/kaleido-star/seasons/1/episodes/${episode}/rating`, {
          method: 'POST',
          body: new URLSearchParams({ rating: String(rating) }),
          headers: { 'sec-fetch-site': 'same-origin' },
          redirect: 'manual',
        });
        if (response.status !== 303) {
          otherAnswers.push(`${response.status}: ${(await response.text()).slice(0, 200)}`);
          continue;
        }
        const cookie = decodeURIComponent(/epirank_voter=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!);
        acknowledged.push({ voterId: `a:${cookie.split('.')[0]}`, episode, rating });
        if (acknowledged.length >= ACKNOWLEDGED_PER_TRIAL && !killed) {
          killed = true;
          child.kill('SIGKILL'); // no graceful shutdown: the process just stops
        }
      } catch {
        refused++; // connection refused or reset: the process is gone
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
  await exited;
  return { acknowledged, sent, refused, otherAnswers };
}

describe('killing the server while votes pour in', () => {
  it(`loses no vote that it acknowledged, and leaves tallies equal to a recount, over ${TRIALS} kills`, { timeout: 300_000 }, async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    const acknowledged: AcknowledgedVote[] = [];

    for (let trial = 1; trial <= TRIALS; trial++) {
      const run = await voteUntilKilled(database.url);
      expect(run.otherAnswers, `trial ${trial}: answers other than 303`).toEqual([]);
      expect(run.refused, `trial ${trial}`).toBe(24); // every worker was still sending when the process died
      expect(run.sent, `trial ${trial}`).toBeGreaterThan(run.acknowledged.length);
      acknowledged.push(...run.acknowledged);

      const handle = openDatabase(database.url);
      try {
        const kept = await checkVotesKept(handle.db, acknowledged);
        expect(kept.missing, `trial ${trial}`).toEqual([]);
        expect(kept.mismatches, `trial ${trial}`).toEqual([]);
      } finally {
        await handle.close();
      }
    }
  });
});
