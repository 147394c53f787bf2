/**
 * A voter's own ratings on a real database: whose ratings a list holds, its pages, orders and show
 * filter, the "disagree" order, the downloads' shapes, and deleting every rating or the account
 * with tallies equal to a recount and an audit entry.
 */
import { describe, expect, it, vi } from 'vitest';
import { AccountDeletion, lastAdminMessage } from '../../src/accounts/account-deletion.js';
import { AccountsRepository, type User } from '../../src/accounts/accounts.repository.js';
import { accountVoter } from '../../src/accounts/accounts.service.js';
import { parseCsv } from '../../src/importers/csv.js';
import { Pacer } from '../../src/importers/pacer.js';
import { touchedShows } from '../../src/shared/change-feed.js';
import { FormError } from '../../src/shared/errors.js';
import { MY_RATINGS_PAGE_SIZE } from '../../src/shared/my-ratings-sorts.js';
import { MyRatingsRepository } from '../../src/votes/my-ratings.repository.js';
import { MyRatingsService } from '../../src/votes/my-ratings.service.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import type { VoterRef } from '../../src/votes/votes.repository.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { storeOf } from '../../src/repositories.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;
const votes = () => new VoteWrites(storeOf(db()));
const service = () => new MyRatingsService(new MyRatingsRepository(db()));
const anonymous = (name: string): VoterRef => ({ id: `a:${name}`, kind: 'anonymous' });
/** The n-th second of a fixed day, so every rating has its own time and the newest is known. */
const at = (n: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, n)).toISOString();

async function showWith(title: string, seasons: Record<number, number>, titles: Record<string, string> = {}) {
  const make = factories(db());
  const show = await make.show({ title });
  const episodes: Record<string, number> = {};
  for (const [seasonNumber, count] of Object.entries(seasons)) {
    const season = await make.season(show.id, Number(seasonNumber));
    for (let n = 1; n <= count; n++) {
      const key = `${seasonNumber}x${n}`;
      episodes[key] = (await make.episode(season.id, n, { title: titles[key] ?? `Episode title ${n}` })).id;
    }
  }
  return { ...show, episodes };
}

const labels = (items: Array<{ showTitle: string; season: number; episode: number; rating: number; held: boolean }>) =>
  items.map((r) => `${r.showTitle} ${r.season}x${r.episode}=${r.rating}${r.held ? ' held' : ''}`);

/**
 * A show of `count` episodes, every one rated 5 by `voter`, written in two statements (one at a
 * time, 600 episodes take seconds on PostgreSQL), with tallies recounted to match.
 */
async function ratedEverywhere(voter: VoterRef, title: string, count: number) {
  const make = factories(db());
  const show = await make.show({ title });
  const season = await make.season(show.id, 1);
  const episodes = await db()
    .insertInto('episodes')
    .values(
      Array.from({ length: count }, (_, i) => ({
        season_id: season.id,
        number: i + 1,
        title: null,
        air_date: null,
        synopsis: null,
        created_at: at(0),
        updated_at: at(0),
      })),
    )
    .returning('id')
    .execute();
  await db()
    .insertInto('votes')
    .values(episodes.map(({ id }) => ({ episode_id: id, voter_id: voter.id, voter_kind: voter.kind, rating: 5, ip: null, cast_at: at(1), updated_at: at(1) })))
    .execute();
  await storeOf(db()).transact((tx) => tx.recount.recountEpisodes(episodes.map((e) => e.id)));
  return { ...show, episodeIds: episodes.map((e) => e.id) };
}

function deletion(onRemoved: (showIds: number[]) => void = () => {}) {
  return new AccountDeletion(
    storeOf(db()),
    (change) => onRemoved(touchedShows(change)),
    () => new Pacer(),
  );
}

let accounts = 0;
async function account(role: 'fan' | 'admin' = 'fan'): Promise<User> {
  const user = await new AccountsRepository(db()).insert(
    { email: `my-ratings-${++accounts}@example.org`, displayName: `Fan ${accounts}`, passwordHash: 'x', role },
    at(0),
  );
  await new AccountsRepository(db()).insertSession({ id: `session-${accounts}`, userId: user.id, createdAt: at(0), expiresAt: '2099-01-01T00:00:00.000Z' });
  return user;
}

describe('a voter’s own ratings', () => {
  it('lists exactly this voter’s ratings, each beside the crowd’s average', async () => {
    const show = await showWith('Whose Ratings', { 1: 3 });
    const [e1, e2, e3] = [show.episodes['1x1']!, show.episodes['1x2']!, show.episodes['1x3']!];
    await votes().rate(e1, anonymous('mine'), 8, null, at(1));
    await votes().rate(e2, anonymous('mine'), 3, null, at(2));
    await votes().rate(e1, anonymous('theirs'), 5, null, at(3));
    await votes().rate(e3, anonymous('theirs'), 10, null, at(4));

    const page = await service().page(anonymous('mine'), { sort: 'newest', show: null, page: 1 });
    expect(labels(page.items)).toEqual(['Whose Ratings 1x2=3', 'Whose Ratings 1x1=8']);
    expect(page.items.map((r) => [r.crowdAverage, r.ratedAt])).toEqual([
      ['3.00', at(2)],
      ['6.50', at(1)],
    ]);
    expect(page.total).toBe(2);
    expect(labels((await service().page(anonymous('theirs'), { sort: 'newest', show: null, page: 1 })).items)).toEqual([
      'Whose Ratings 1x3=10',
      'Whose Ratings 1x1=5',
    ]);
    expect((await service().page(null, { sort: 'newest', show: null, page: 1 })).items).toEqual([]);
  });

  it('pages a long history without overlap, sorts it three ways and filters it by show', async () => {
    const long = await showWith('Beta Long', { 1: 40, 2: 20 });
    const short = await showWith('Alpha Short', { 1: 2 });
    const voter = anonymous('long-history');
    const keys = Object.keys(long.episodes);
    for (const [i, key] of keys.entries()) await votes().rate(long.episodes[key]!, voter, (i % 10) + 1, null, at(100 + i));
    await votes().rate(short.episodes['1x2']!, voter, 4, null, at(10));
    await votes().rate(short.episodes['1x1']!, voter, 10, null, at(11));

    const first = await service().page(voter, { sort: 'newest', show: null, page: 1 });
    const second = await service().page(voter, { sort: 'newest', show: null, page: 2 });
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([62, 2, MY_RATINGS_PAGE_SIZE, 12]);
    const all = [...first.items, ...second.items].map((r) => r.ratedAt);
    expect(all).toEqual([...all].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((r) => r.episodeId)).size).toBe(62);
    expect(first.items[0]!.ratedAt).toBe(at(159));
    expect((await service().page(voter, { sort: 'newest', show: null, page: 3 })).items).toEqual([]);

    const byShow = await service().page(voter, { sort: 'show', show: null, page: 1 });
    expect(labels(byShow.items.slice(0, 4))).toEqual(['Alpha Short 1x1=10', 'Alpha Short 1x2=4', 'Beta Long 1x1=1', 'Beta Long 1x2=2']);
    const lastByShow = await service().page(voter, { sort: 'show', show: null, page: 2 });
    expect(labels(lastByShow.items).at(-1)).toBe('Beta Long 2x20=10');

    const byRating = await service().page(voter, { sort: 'rating', show: null, page: 1 });
    const ratings = byRating.items.map((r) => r.rating);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    // Equal ratings: the newest first.
    expect(byRating.items.slice(0, 2).map((r) => r.ratedAt)).toEqual([at(159), at(149)]);

    const filtered = await service().page(voter, { sort: 'newest', show: short.slug, page: 1 });
    expect([filtered.total, ...labels(filtered.items)]).toEqual([2, 'Alpha Short 1x1=10', 'Alpha Short 1x2=4']);
    expect(filtered.shows.map((s) => s.title)).toEqual(['Alpha Short', 'Beta Long']);
    expect((await service().page(voter, { sort: 'newest', show: 'no-such-show', page: 1 })).total).toBe(0);
  });

  it('lists held ratings as the voter’s, marked held', async () => {
    const show = await showWith('Held Here', { 1: 2 });
    // A network allowance of 1: the second voter from 192.0.2.9 is held.
    await votes().rate(show.episodes['1x1']!, anonymous('first-on-network'), 7, '192.0.2.9', at(1), 1);
    const change = await votes().rate(show.episodes['1x1']!, anonymous('held-voter'), 2, '192.0.2.9', at(2), 1);
    expect(change.held).toBe(true);
    await votes().rate(show.episodes['1x2']!, anonymous('held-voter'), 9, '192.0.2.9', at(3), 1);
    const page = await service().page(anonymous('held-voter'), { sort: 'newest', show: null, page: 1 });
    expect(labels(page.items)).toEqual(['Held Here 1x2=9', 'Held Here 1x1=2 held']);
    // The crowd's average is the counted one: the held 2 is not in it.
    expect(page.items[1]!.crowdAverage).toBe('7.00');
  });

  it('orders “where I disagree most” by the distance from the crowd’s average, unaveraged last', async () => {
    const make = factories(db());
    const show = await showWith('Disagreements', { 1: 4 });
    const e = show.episodes;
    const voter = anonymous('disagreeing');
    // Baselines of nine votes, then this voter's tenth: averages 5.0, 8.2 and 3.5.
    await make.baseline(e['1x1']!, 9, 45);
    await make.baseline(e['1x2']!, 9, 81);
    await make.baseline(e['1x3']!, 9, 27);
    await votes().rate(e['1x1']!, voter, 5, null, at(1)); // 0 from 5.0
    await votes().rate(e['1x2']!, voter, 1, null, at(2)); // 7.2 from 8.2
    await votes().rate(e['1x3']!, voter, 8, null, at(3)); // 4.5 from 3.5
    // Held by a moderator on an episode nobody's counted rating covers: no average to differ from.
    await db()
      .insertInto('held_ratings')
      .values({
        episode_id: e['1x4']!,
        voter_id: voter.id,
        voter_kind: 'anonymous',
        rating: 6,
        ip: null,
        network: null,
        reason: 'moderator',
        held_at: at(4),
        updated_at: at(4),
      })
      .execute();

    const page = await service().page(voter, { sort: 'disagree', show: null, page: 1 });
    expect(labels(page.items)).toEqual(['Disagreements 1x2=1', 'Disagreements 1x3=8', 'Disagreements 1x1=5', 'Disagreements 1x4=6 held']);
    expect(page.items.map((r) => r.crowdAverage)).toEqual(['8.20', '3.50', '5.00', null]);
  });

  it('writes the CSV download with its header row and RFC 4180 quoting, and the JSON download', async () => {
    const show = await showWith('Quoting, "Please"', { 1: 1 }, { '1x1': 'Say "hi", then\nleave' });
    const voter = anonymous('downloader');
    await votes().rate(show.episodes['1x1']!, voter, 6, null, at(7));
    let csv = '';
    for await (const chunk of service().csv(voter)) csv += chunk;
    expect(csv.startsWith('show,season,episode,title,rating,rated_at\r\n')).toBe(true);
    expect(csv).toContain('"Quoting, ""Please""",1,1,"Say ""hi"", then\nleave",6,');
    expect(parseCsv(csv, 'download.csv').map((r) => r.fields)).toEqual([
      ['show', 'season', 'episode', 'title', 'rating', 'rated_at'],
      ['Quoting, "Please"', '1', '1', 'Say "hi", then\nleave', '6', at(7)],
    ]);

    let json = '';
    for await (const chunk of service().json(voter)) json += chunk;
    expect(JSON.parse(json)).toEqual({
      ratings: [
        {
          show: show.slug,
          showTitle: 'Quoting, "Please"',
          season: 1,
          episode: 1,
          title: 'Say "hi", then\nleave',
          rating: 6,
          ratedAt: at(7),
          held: false,
          crowdAverage: 6,
          crowdVotes: 1,
        },
      ],
    });
    let empty = '';
    for await (const chunk of service().json(anonymous('never-voted'))) empty += chunk;
    expect(JSON.parse(empty)).toEqual({ ratings: [] });
  });

  it('writes a download of more than one batch in full, each rating once', async () => {
    const voter = anonymous('batches');
    await ratedEverywhere(voter, 'Many Batches', 600);
    let batches = 0;
    const seen: string[] = [];
    for await (const batch of service().all(voter)) {
      batches++;
      seen.push(...batch.map((r) => `${r.season}x${r.episode}`));
    }
    expect(batches).toBe(2);
    expect(seen).toEqual(Array.from({ length: 600 }, (_, i) => `1x${i + 1}`));
  });
});

describe('deleting my ratings and my account', () => {
  /** Tallies that differ from a recount of their votes, among these episodes (other tests write votes by hand). */
  const mismatches = async (episodes: Record<string, number>) => {
    const ids = new Set(Object.values(episodes));
    return (await new TallyAudit(storeOf(db())).check()).filter((m) => ids.has(m.episodeId));
  };

  it('deletes every rating, counted and held, leaves tallies equal to a recount, and audits it', async () => {
    const show = await showWith('Deleting', { 1: 3 });
    const e = show.episodes;
    const user = await account();
    const me = accountVoter(user);
    await votes().rate(e['1x1']!, me, 9, '192.0.2.70', at(1), 1);
    await votes().rate(e['1x2']!, me, 2, '192.0.2.70', at(2), 1);
    await votes().rate(e['1x1']!, anonymous('stays'), 4, '192.0.2.71', at(3), 1);
    await votes().rate(e['1x3']!, anonymous('network-first'), 5, '192.0.2.72', at(4), 1);
    expect((await votes().rate(e['1x3']!, me, 10, '192.0.2.72', at(5), 1)).held).toBe(true);
    const removed = vi.fn();

    expect(await deletion(removed).deleteAllRatings(user)).toBe(3);

    expect(await service().count(me)).toBe(0);
    expect(await mismatches(show.episodes)).toEqual([]);
    const tally = await db().selectFrom('episode_tallies').select(['vote_count', 'vote_sum']).where('episode_id', '=', e['1x1']!).executeTakeFirstOrThrow();
    expect([Number(tally.vote_count), Number(tally.vote_sum)]).toEqual([1, 4]);
    expect(removed).toHaveBeenCalledWith([show.id]);
    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'ratings.delete-own').executeTakeFirstOrThrow();
    expect([entry.actor_user_id, entry.actor_email]).toEqual([user.id, user.email]);
    expect(JSON.parse(entry.before_json!)).toEqual([
      { episodeId: e['1x1']!, rating: 9, held: false },
      { episodeId: e['1x2']!, rating: 2, held: false },
      { episodeId: e['1x3']!, rating: 10, held: true },
    ]);
    // Nothing left to delete: nothing written, not even an audit entry.
    expect(await deletion().deleteAllRatings(user)).toBe(0);
    expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'ratings.delete-own').execute()).toHaveLength(1);
  });

  it('deletes an account with its ratings and sessions, keeping the audit entry’s e-mail', async () => {
    const show = await showWith('Leaving', { 1: 2 });
    const user = await account();
    await votes().rate(show.episodes['1x1']!, accountVoter(user), 7, null, at(1));
    await votes().rate(show.episodes['1x2']!, accountVoter(user), 3, null, at(2));
    await votes().rate(show.episodes['1x2']!, anonymous('other'), 8, null, at(3));

    expect(await deletion().deleteAccount(user)).toEqual({ ratings: 2 });

    expect(await new AccountsRepository(db()).findById(user.id)).toBeNull();
    expect(await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect(await service().count(accountVoter(user))).toBe(0);
    expect(await mismatches(show.episodes)).toEqual([]);
    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'account.delete-own').executeTakeFirstOrThrow();
    expect([entry.actor_user_id, entry.actor_email, entry.subject]).toEqual([null, user.email, `account ${user.email}`]);
  });

  it('deletes a history longer than one statement’s chunk, other voters’ ratings kept', async () => {
    const user = await account();
    const show = await ratedEverywhere(accountVoter(user), 'Long Goodbye', 700);
    const late = show.episodeIds[650]!;
    await votes().rate(late, anonymous('stays-late'), 9, null, at(2));
    const pacerCalls = vi.fn();
    const paced = new AccountDeletion(
      storeOf(db()),
      () => {},
      () => ({ done: async () => pacerCalls() }),
    );
    expect(await paced.deleteAllRatings(user)).toBe(700);
    expect(await service().count(accountVoter(user))).toBe(0);
    expect(pacerCalls.mock.calls.length).toBeGreaterThanOrEqual(700);
    expect(await mismatches(Object.fromEntries(show.episodeIds.map((id) => [id, id])))).toEqual([]);
    const tally = await db().selectFrom('episode_tallies').select(['vote_count', 'vote_sum']).where('episode_id', '=', late).executeTakeFirstOrThrow();
    expect([Number(tally.vote_count), Number(tally.vote_sum)]).toEqual([1, 9]);
  });

  it('refuses to delete the last admin, and lets one of two go', async () => {
    await db().updateTable('users').set({ role: 'fan' }).where('role', '=', 'admin').execute();
    const only = await account('admin');
    const show = await showWith('Admin Ratings', { 1: 1 });
    await votes().rate(show.episodes['1x1']!, accountVoter(only), 6, null, at(1));

    const refused = await deletion()
      .deleteAccount(only)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FormError);
    expect((refused as FormError).fields.form).toBe(lastAdminMessage());
    expect(await new AccountsRepository(db()).findById(only.id)).not.toBeNull();
    expect(await service().count(accountVoter(only))).toBe(1);

    const second = await account('admin');
    await deletion().deleteAccount(only);
    expect(await new AccountsRepository(db()).findById(only.id)).toBeNull();
    expect((await new AccountsRepository(db()).findById(second.id))?.role).toBe('admin');
  });
});
