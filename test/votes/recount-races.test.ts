/**
 * Recounts racing votes. A vote adds its change to the episode's tally row; a recount (removing a
 * voter, merging an anonymous voter into an account, importing ratings) counts the votes and
 * writes the total. On PostgreSQL a vote committed between that count and that write would have
 * its increment overwritten, unless the recount holds the tally row's lock (recountEpisode takes
 * it). These tests race recounts against votes on the same episodes, then check every tally
 * against a recount, as `epirank recount --check` does: plain recounts of one episode, and a
 * removal, a merge and an import running at once, round after round. Without the lock the first
 * fails every time on PostgreSQL (a lost increment shows as a mismatch, or sooner as a withdrawal
 * taking a histogram bucket below zero). On SQLite, which runs one writer at a time, they pass
 * either way; the race is PostgreSQL's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { ModerationService } from '../../src/moderation/moderation.service.js';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import type { CatalogFile } from '../../src/importers/catalog-format.js';
import { catalogEpisode, oneShowCatalog } from '../helpers/catalog-file.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import type { VoterRef } from '../../src/votes/votes.repository.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { storeOf } from '../../src/repositories.js';
import { seededRandom } from '../helpers/random.js';

const EPISODES = 3; // few, so every recount collides with votes on its episodes
const ROUNDS = 6;
const VOTERS_PER_ROUND = 30;
const ACTIONS_PER_VOTER = 4;
const IMPORTED_PER_EPISODE = 15;

const database = useTestDatabase();
// Its own connections, one per concurrent writer: the race is between transactions, not over a
// short pool, where a deadlock's retry (PostgreSQL waits a second before it breaks one) would
// keep the queued voters waiting past the connection timeout.
let handle: DatabaseHandle;
const db = () => handle.db;
let show: { id: number; slug: string; title: string };
let episodeIds: number[];
let moderator: { id: number; email: string };

const anonymous = (id: string): VoterRef => ({ id: `a:${id}`, kind: 'anonymous' });

beforeAll(async () => {
  handle = openDatabase(database.current.url, { poolSize: VOTERS_PER_ROUND + 5 });
  const make = factories(db());
  show = await make.show({ title: 'Race Show' });
  const season = await make.season(show.id);
  episodeIds = [];
  for (let n = 1; n <= EPISODES; n++) episodeIds.push((await make.episode(season.id, n)).id);
  moderator = await make.admin('moderator@example.org', new Date().toISOString());
});

afterAll(() => handle?.close());

/** A catalogue file that rates every episode of the show, from voters only this import uses. */
function ratingsFile(round: number, next: () => number): CatalogFile {
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  return oneShowCatalog({
    slug: show.slug,
    title: show.title,
    seasons: [
      {
        number: 1,
        episodes: Array.from({ length: EPISODES }, (_, i) =>
          catalogEpisode(i + 1, {
            title: `Episode title ${i + 1}`,
            ratings: Array.from({ length: IMPORTED_PER_EPISODE }, (_, k) => ({
              voter: `a:imported-${round}-${k}`,
              kind: 'anonymous' as const,
              rating: 1 + Math.floor(next() * 10),
              castAt: at,
              updatedAt: at,
            })),
          }),
        ),
      },
    ],
  });
}

describe('recounts racing votes', () => {
  it('a recount of one episode never overwrites a vote committed while it counts', { timeout: 120_000 }, async () => {
    const votes = new VoteWrites(storeOf(db()));
    const next = seededRandom(7);
    const episodeId = episodeIds[0]!;
    async function voter(n: number) {
      const me = anonymous(`single-${n}`);
      for (let step = 0; step < ACTIONS_PER_VOTER; step++) {
        if (step > 0 && next() < 0.2) await votes.withdraw(episodeId, me.id);
        else await votes.rate(episodeId, me, 1 + Math.floor(next() * 10), null, new Date().toISOString());
      }
    }
    async function recounter() {
      for (let i = 0; i < 10; i++) await storeOf(db()).transact((tx) => tx.recount.recountEpisode(episodeId));
    }
    await Promise.all([recounter(), recounter(), ...Array.from({ length: VOTERS_PER_ROUND }, (_, n) => voter(n))]);
    const mismatches = await new TallyAudit(storeOf(db())).check();
    expect(mismatches.map((m) => `${m.episode}: stored ${m.stored.count} votes, recounted ${m.recounted.count}`)).toEqual([]);
  });

  it('leaves every tally equal to a recount after votes race a voter removal, a merge and a rating import', { timeout: 120_000 }, async () => {
    const votes = new VoteWrites(storeOf(db()));
    const catalog = new CatalogRepository(db());
    const moderation = new ModerationService(storeOf(db()), catalog, () => undefined);
    const next = seededRandom(20261125);
    const now = () => new Date().toISOString();
    const earlier = new Date(Date.UTC(2025, 0, 1)).toISOString();

    for (let round = 0; round < ROUNDS; round++) {
      // Set up the round's subjects: a voter to remove, and an anonymous voter and an account
      // who both rated every episode (the anonymous ratings are newer, so they win the merge).
      const victim = anonymous(`victim-${round}`);
      const visitor = anonymous(`visitor-${round}`);
      const account: VoterRef = { id: `u:${9000 + round}`, kind: 'account' };
      for (const episodeId of episodeIds) {
        await votes.rate(episodeId, victim, 1 + Math.floor(next() * 10), null, now());
        await votes.rate(episodeId, account, 1 + Math.floor(next() * 10), null, earlier);
        await votes.rate(episodeId, visitor, 1 + Math.floor(next() * 10), null, now());
      }

      async function voter(n: number) {
        const me = anonymous(`voter-${round}-${n}`);
        for (let step = 0; step < ACTIONS_PER_VOTER; step++) {
          const episodeId = episodeIds[Math.floor(next() * EPISODES)]!;
          if (step > 0 && next() < 0.2) await votes.withdraw(episodeId, me.id);
          else await votes.rate(episodeId, me, 1 + Math.floor(next() * 10), '192.0.2.1', now());
        }
      }
      const file = ratingsFile(round, next);
      const [removed, merged, imported] = await Promise.all([
        moderation.removeVoterRatings(moderator, victim.id),
        votes.mergeVoter(visitor.id, account),
        importCatalog(storeOf(db()), file, { allowRatings: true }),
        ...Array.from({ length: VOTERS_PER_ROUND }, (_, n) => voter(n)),
      ]);
      // Each recounting action did its work, so each recounted every episode.
      expect(removed).toBe(EPISODES);
      expect(merged).toEqual({ moved: EPISODES, replaced: EPISODES, changes: expect.any(Array) });
      expect(merged.changes).toHaveLength(EPISODES);
      expect(imported.ratings).toBe(EPISODES * IMPORTED_PER_EPISODE);
    }

    const mismatches = await new TallyAudit(storeOf(db())).check();
    expect(mismatches.map((m) => `${m.episode}: stored ${m.stored.count} votes, recounted ${m.recounted.count}`)).toEqual([]);
  });
});
