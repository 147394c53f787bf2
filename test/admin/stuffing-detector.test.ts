/**
 * The scheduled stuffing check on a real database, run by hand at chosen times: long attacks stay
 * flagged, slow ones are found, ordinary voting is left alone, extreme ratings are judged against
 * the rest of the show, and each new flag reaches the webhook once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlagsRepository } from '../../src/moderation/flags.repository.js';
import { StuffingDetector } from '../../src/moderation/stuffing-detector.js';
import { flagReasonText } from '../../src/moderation/flag-reason.js';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import type { Database } from '../../src/db/schema.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories, insertVoteRows } from '../helpers/factories.js';
import { storeOf } from '../../src/repositories.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 9, 1);
const database = useTestDatabase();
const db = () => database.current.handle.db;

let voterSequence = 0;
/** Inserts `perHour` votes an hour, evenly spread, from `start` for `hours` hours; then recounts the tally. */
async function seedVotes(episodeId: number, start: number, hours: number, perHour: number, rating: (i: number) => number = () => 7) {
  const rows: Array<Insertable<Database['votes']>> = [];
  let i = 0;
  for (let h = 0; h < hours; h++) {
    for (let k = 0; k < perHour; k++) {
      const at = new Date(start + h * HOUR + Math.floor((k * HOUR) / perHour)).toISOString();
      rows.push({
        episode_id: episodeId,
        voter_id: `a:seed-${++voterSequence}`,
        voter_kind: 'anonymous',
        rating: rating(i++),
        ip: '203.0.113.9',
        network: '203.0.113.9',
        cast_at: at,
        updated_at: at,
      });
    }
  }
  await insertVoteRows(db(), rows);
  await storeOf(db()).transact((tx) => tx.recount.recountEpisodes([episodeId]));
}

async function newEpisodes(count: number) {
  const make = factories(db());
  const show = await make.show();
  const season = await make.season(show.id);
  const ids: number[] = [];
  for (let n = 1; n <= count; n++) ids.push((await make.episode(season.id, n)).id);
  return { show, ids };
}

const detector = (webhookUrl: string | null = null) =>
  new StuffingDetector(new FlagsRepository(db()), new CatalogRepository(db()), { periodSeconds: 0, webhookUrl, publicUrl: 'https://epirank.example' });

const flagsOf = (episodeId: number) => db().selectFrom('moderation_flags').selectAll().where('episode_id', '=', episodeId).orderBy('id').execute();

/** Runs one detector every `step` from `from` to `to` inclusive, as the schedule would. */
async function runEvery(d: StuffingDetector, from: number, to: number, step: number) {
  for (let at = from; at <= to; at += step) await d.check(new Date(at));
}

describe('the scheduled stuffing check', () => {
  it('flags a 1,800-an-hour attack within its first hour and keeps it flagged, window growing, for all 48 hours', async () => {
    const { ids } = await newEpisodes(2);
    const [attacked, quiet] = ids as [number, number];
    await seedVotes(quiet, T0 - 30 * DAY, 30 * 24, 2);
    await seedVotes(attacked, T0 - 30 * DAY, 30 * 24, 1);
    await seedVotes(attacked, T0, 48, 1800);

    const d = detector();
    await d.check(new Date(T0 + HOUR));
    const first = (await flagsOf(attacked)).filter((f) => f.kind === 'burst');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: 'open', window_start: new Date(T0).toISOString(), window_end: new Date(T0 + HOUR).toISOString() });
    expect(flagReasonText(first[0]!.reason, 'en')).toContain('1,800 votes in the last hour');

    await runEvery(d, T0 + 3 * HOUR, T0 + 47 * HOUR, 2 * HOUR);
    const later = (await flagsOf(attacked)).filter((f) => f.kind === 'burst');
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({
      id: first[0]!.id,
      status: 'open',
      window_start: new Date(T0).toISOString(),
      window_end: new Date(T0 + 47 * HOUR).toISOString(),
      checked_at: new Date(T0 + 47 * HOUR).toISOString(),
    });
    // Still measured against the month before the attack, never against the attack itself.
    expect(flagReasonText(later[0]!.reason, 'en')).toBe('1,800 votes in the last hour, against 1.0 an hour in the 28 days before');
    expect(await flagsOf(quiet)).toEqual([]);
    // 88,000 votes to write: minutes, not seconds, on a busy PostgreSQL.
  }, 300_000);

  it('flags 9 votes an hour for a week, which never makes a burst', async () => {
    const { ids } = await newEpisodes(1);
    const [slow] = ids as [number];
    await seedVotes(slow, T0, 7 * 24, 9);
    await runEvery(detector(), T0 + 4 * HOUR, T0 + 7 * DAY, 4 * HOUR);
    const flags = await flagsOf(slow);
    expect(flags.map((f) => [f.kind, f.status])).toEqual([['steady', 'open']]);
    expect(flags[0]!.window_end).toBe(new Date(T0 + 7 * DAY).toISOString());
    expect(flagReasonText(flags[0]!.reason, 'en')).toMatch(/^216 votes in the last 24 hours/);
  }, 120_000);

  it('leaves an episode alone that gets its usual 2 votes an hour for 60 days', async () => {
    const { ids } = await newEpisodes(1);
    const [steady] = ids as [number];
    await seedVotes(steady, T0 - 50 * DAY, 60 * 24, 2);
    await runEvery(detector(), T0, T0 + 10 * DAY, 6 * HOUR);
    expect(await flagsOf(steady)).toEqual([]);
  }, 120_000);

  it('judges a window’s share of extreme ratings against the rest of the show, not a share the attack itself raised', async () => {
    const { ids } = await newEpisodes(2);
    const [attacked, other] = ids as [number, number];
    await seedVotes(other, T0 - 20 * DAY, 20, 1);
    // 200 votes, 60 % of them 10s. Counted into the show's share, they would make it 55 % and hide themselves.
    await seedVotes(attacked, T0, 20, 10, (i) => (i % 5 < 3 ? 10 : 7));
    await detector().check(new Date(T0 + 20 * HOUR));
    const extreme = (await flagsOf(attacked)).filter((f) => f.kind === 'extreme');
    expect(extreme).toHaveLength(1);
    expect(flagReasonText(extreme[0]!.reason, 'en')).toMatch(/^60 % of its 200 votes are 1s or 10s, against 5 % across the rest of /);
  });

  describe('with a webhook', () => {
    let server: Server;
    let url: string;
    const received: Array<{ body: Record<string, unknown>; type: string | undefined }> = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        let text = '';
        request.on('data', (chunk) => (text += chunk));
        request.on('end', () => {
          received.push({ body: JSON.parse(text), type: request.headers['content-type'] });
          response.end('ok');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('posts each new flag once, however many instances run the check at the same time', async () => {
      const { ids } = await newEpisodes(1);
      const [attacked] = ids as [number];
      await seedVotes(attacked, T0, 3, 60, () => 7);
      const [a, b] = [detector(url), detector(url)];
      await Promise.all([a.check(new Date(T0 + HOUR)), b.check(new Date(T0 + HOUR))]);
      await Promise.all([a.check(new Date(T0 + 2 * HOUR)), b.check(new Date(T0 + 2 * HOUR))]);
      await Promise.all([a.settled(), b.settled()]);

      const flags = await flagsOf(attacked);
      expect(flags.map((f) => f.kind)).toEqual(['burst']);
      expect(received).toHaveLength(1);
      const address = (await new CatalogRepository(db()).episodeAddresses([attacked])).get(attacked)!;
      expect(received[0]).toEqual({
        type: 'application/json',
        body: {
          episode: { show: address.show, season: 1, episode: 1, label: address.label },
          kind: 'burst',
          reason: flagReasonText(flags[0]!.reason, 'en'),
          window: { start: new Date(T0).toISOString(), end: new Date(T0 + HOUR).toISOString() },
          link: `https://epirank.example/admin/moderation/shows/${address.show}/seasons/1/episodes/1`,
        },
      });
    });

    it('logs a webhook that fails and keeps the flag', async () => {
      const { ids } = await newEpisodes(1);
      const [attacked] = ids as [number];
      await seedVotes(attacked, T0, 1, 60);
      const errors: string[] = [];
      const d = new StuffingDetector(new FlagsRepository(db()), new CatalogRepository(db()), {
        periodSeconds: 0,
        webhookUrl: 'http://127.0.0.1:9/unreachable',
        publicUrl: null,
      });
      d.start({ error: (_details, message) => errors.push(message) });
      await d.check(new Date(T0 + HOUR));
      await d.settled();
      expect(errors).toEqual(['moderation webhook failed']);
      expect((await flagsOf(attacked)).map((f) => f.status)).toEqual(['open']);
    });
  });
});
