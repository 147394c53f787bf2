/**
 * Client addresses are kept ADDRESS_RETENTION_DAYS (issue 24), then forgotten by the retention
 * worker: the address cleared and the network kept as a keyed hash. Times are written and the
 * worker run with a clock of the test's choosing, so nothing depends on when the test runs.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { AddressRetention, addressHashKey, hashedNetwork, isHashedNetwork } from '../../src/moderation/address-retention.js';
import { siteSecret } from '../../src/shared/site-secret.js';
import { AddressRetentionRepository } from '../../src/moderation/address-retention.repository.js';
import { SettingsRepository } from '../../src/db/settings.repository.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { networkOrder } from '../../src/shared/network-levels.js';
import { storeOf } from '../../src/repositories.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { insertVoteRows } from '../helpers/factories.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const { session, get } = browserFor(context);
const db = () => context.database.handle.db;
const votes = () => new VoteWrites(storeOf(db()));
const episodeId = async (number: number) => (await db().selectFrom('episodes').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;

const NOW = new Date('2031-06-30T12:00:00.000Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
// The key the app hashes with: derived from the site's secret, as services.ts does.
const key = async () => addressHashKey(await siteSecret(null, new SettingsRepository(db())));
const retention = (options: { retentionDays?: number; clock?: () => Date } = {}) =>
  new AddressRetention(new AddressRetentionRepository(db()), key, { retentionDays: options.retentionDays ?? 30, clock: options.clock ?? (() => NOW) });

async function row(table: 'votes' | 'held_ratings', voterId: string) {
  return db().selectFrom(table).selectAll().where('voter_id', '=', voterId).executeTakeFirstOrThrow();
}

describe('ADDRESS_RETENTION_DAYS', () => {
  it('defaults to the per-network rule’s 30 days and refuses fewer', () => {
    expect(loadConfig({}).addressRetentionDays).toBe(30);
    expect(loadConfig({ ADDRESS_RETENTION_DAYS: '90' }).addressRetentionDays).toBe(90);
    expect(() => loadConfig({ ADDRESS_RETENTION_DAYS: '29' })).toThrow(ConfigError);
    expect(() => loadConfig({ ADDRESS_RETENTION_DAYS: '29' })).toThrow(/ADDRESS_RETENTION_DAYS must be a whole number from 30/);
    expect(() => loadConfig({ ADDRESS_RETENTION_DAYS: 'forever' })).toThrow(/ADDRESS_RETENTION_DAYS/);
  });
});

describe('forgetting client addresses', () => {
  it('clears addresses older than the retention, hashes their networks, and keeps the per-network rule whole inside its window', async () => {
    const [one, two] = [await episodeId(1), await episodeId(2)];
    // Three ratings of episode 1 from one network 40 days ago, one 5 days ago, one held 31 days ago.
    for (let i = 0; i < 3; i++) await votes().rate(one, { id: `a:old-${i}`, kind: 'anonymous' }, 6, '198.51.100.40', daysBefore(40));
    await votes().rate(one, { id: 'a:recent', kind: 'anonymous' }, 7, '198.51.100.40', daysBefore(5));
    await votes().rate(two, { id: 'a:v6', kind: 'anonymous' }, 8, '2001:db8:7:1::9', daysBefore(31));
    await db()
      .insertInto('held_ratings')
      .values({
        episode_id: two,
        voter_id: 'a:held',
        voter_kind: 'anonymous',
        rating: 2,
        ip: '203.0.113.9',
        network: '203.0.113.9',
        reason: 'network-limit',
        held_at: daysBefore(31),
        updated_at: daysBefore(31),
      })
      .execute();

    const outcome = await retention().forget();
    expect(outcome).toEqual({ forgotten: 5, more: false });

    const secret = await key();
    for (const voter of ['a:old-0', 'a:old-1', 'a:old-2']) {
      expect(await row('votes', voter)).toMatchObject({ ip: null, network: hashedNetwork(secret, '198.51.100.40'), network_order: null, rating: 6 });
    }
    expect(await row('votes', 'a:v6')).toMatchObject({ ip: null, network: hashedNetwork(secret, '2001:db8:7:1::/64'), network_order: null });
    expect(await row('held_ratings', 'a:held')).toMatchObject({ ip: null, network: hashedNetwork(secret, '203.0.113.9'), rating: 2 });
    // Inside the retention nothing changes: the recent rating keeps what the rule counts.
    expect(await row('votes', 'a:recent')).toMatchObject({ ip: '198.51.100.40', network: '198.51.100.40', network_order: networkOrder('198.51.100.40') });
    // The same network hashes alike (so old ratings still group by network) but never as the address.
    const old = await db().selectFrom('votes').select('network').where('voter_id', 'like', 'a:old-%').execute();
    expect(new Set(old.map((r) => r.network)).size).toBe(1);
    expect(old.every((r) => isHashedNetwork(r.network) && !r.network!.includes('198.51'))).toBe(true);
    expect(hashedNetwork(randomBytes(32).toString('base64url'), '198.51.100.40')).not.toBe(old[0]!.network);

    // The rule within its window: with 2 per network, the recent rating and one more count, the next is held.
    const now = NOW.toISOString();
    expect((await votes().rate(one, { id: 'a:new-1', kind: 'anonymous' }, 5, '198.51.100.40', now, 2)).held).toBe(false);
    expect((await votes().rate(one, { id: 'a:new-2', kind: 'anonymous' }, 5, '198.51.100.40', now, 2)).held).toBe(true);

    // A second run finds nothing left to forget, and a longer retention would have forgotten less.
    expect(await retention().forget()).toEqual({ forgotten: 0, more: false });
  });

  it('works through a backlog a bounded batch at a time', async () => {
    const three = await episodeId(3);
    const rows = Array.from({ length: 1_200 }, (_, i) => ({
      episode_id: three,
      voter_id: `a:backlog-${i}`,
      voter_kind: 'anonymous' as const,
      rating: 5,
      ip: `192.0.2.${i % 200}`,
      network: `192.0.2.${i % 200}`,
      network_order: networkOrder(`192.0.2.${i % 200}`),
      cast_at: daysBefore(60),
      updated_at: daysBefore(60),
    }));
    await insertVoteRows(db(), rows);
    const worker = retention();
    // Two batches of 500 per table in this run: 1,000 forgotten, 200 left for the next.
    expect(await worker.forget(2)).toEqual({ forgotten: 1_000, more: true });
    expect(await worker.forget(2)).toEqual({ forgotten: 200, more: false });
    const kept = await db().selectFrom('votes').select('id').where('voter_id', 'like', 'a:backlog-%').where('ip', 'is not', null).execute();
    expect(kept).toEqual([]);
  });
});

describe('what moderators see', () => {
  it('shows addresses within the retention and “address no longer kept” after it', async () => {
    const five = await episodeId(5);
    // Written "now" by the real clock: the page is read today.
    const today = Date.now();
    const at = (daysAgo: number) => new Date(today - daysAgo * 86_400_000).toISOString();
    await votes().rate(five, { id: 'a:fresh-voter', kind: 'anonymous' }, 9, '203.0.113.77', at(1));
    await votes().rate(five, { id: 'a:stale-voter', kind: 'anonymous' }, 3, '203.0.113.88', at(45));
    await db()
      .insertInto('held_ratings')
      .values({
        episode_id: five,
        voter_id: 'a:held-stale',
        voter_kind: 'anonymous',
        rating: 1,
        ip: '203.0.113.99',
        network: '203.0.113.99',
        reason: 'network-limit',
        held_at: at(45),
        updated_at: at(45),
      })
      .execute();
    const admin = await session('admin');
    const address = async (voter: string) => {
      const page = parsePage((await get('/admin/moderation/shows/kaleido-star/seasons/1/episodes/5', admin)).body);
      const tr = page('table.newest tr').filter((_, el) => page(el).find('code').text() === voter);
      return tr.find('td').eq(1).text();
    };
    const heldNetwork = async () => {
      const page = parsePage((await get('/admin/moderation/held?show=kaleido-star', admin)).body);
      return page('tbody tr')
        .filter((_, el) => page(el).find('th').text().includes('S1E5'))
        .find('td')
        .eq(2)
        .text();
    };
    expect(await address('a:fresh-voter')).toBe('203.0.113.77');
    expect(await address('a:stale-voter')).toBe('203.0.113.88');
    expect(await heldNetwork()).toBe('203.0.113.99');

    await retention({ clock: () => new Date(today) }).forget();

    expect(await address('a:fresh-voter')).toBe('203.0.113.77');
    expect(await address('a:stale-voter')).toBe('address no longer kept');
    expect(await heldNetwork()).toBe('address no longer kept');
    const body = (await get('/admin/moderation/shows/kaleido-star/seasons/1/episodes/5', admin)).body;
    expect(body).not.toContain('203.0.113.88');
    // The held ratings of a network a moderator names are still found by its hash.
    const filtered = parsePage((await get('/admin/moderation/held?network=203.0.113.99', admin)).body);
    expect(filtered('tbody tr').text()).toContain('S1E5');
    const other = parsePage((await get('/admin/moderation/held?network=203.0.113.98', admin)).body);
    expect(other('tbody tr').text()).not.toContain('S1E5');
  });
});
