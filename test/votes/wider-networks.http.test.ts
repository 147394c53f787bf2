/**
 * The per-network rule at the wider networks (issue 24): ten votes from ten /64s of one /48 all
 * counted when only the /64 was counted. Now a /56 may give two /64s' share of an episode's
 * counted ratings, a /48 four, an IPv4 /24 eight addresses' (the defaults), and a rating is held
 * when any of them is full; another /48 or /24 keeps its own allowance. Addresses arrive in
 * X-Forwarded-For through one trusted proxy hop, as in network-limit.http.test.ts.
 */
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest, migrations } from '../../src/db/migrate.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { emptyDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const context = useTestApp({
  seed: seedDemo,
  config: { trustProxy: 1, voteLimitPerIp: 0, voteLimitPerVoter: 0, votesPerNetwork: 3 },
});

const put = (episode: number, address: string) =>
  context.app.inject({
    method: 'PUT',
    url: `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`,
    payload: { rating: 8 },
    headers: { 'x-forwarded-for': address },
  });

async function heldFlags(episode: number, addresses: string[]): Promise<boolean[]> {
  const held = [];
  for (const address of addresses) {
    const answer = await put(episode, address);
    expect([200, 202]).toContain(answer.statusCode);
    held.push(answer.json().held as boolean);
  }
  return held;
}

const range = (count: number, address: (n: number) => string) => Array.from({ length: count }, (_, i) => address(i + 1));

describe('counted ratings across the wider networks', () => {
  it('holds some of ten votes from ten /64s of one /48 (the replayed attack)', async () => {
    const held = await heldFlags(
      2,
      range(10, (n) => `2001:db8:1:${n.toString(16)}::1`),
    );
    // The ten /64s lie in one /56, which may give 2 × 3 counted ratings.
    expect(held).toEqual([false, false, false, false, false, false, true, true, true, true]);
  });

  it('holds votes spread over the /56s of one /48, and leaves a separate /48 its own allowance', async () => {
    const held = await heldFlags(
      3,
      range(14, (n) => `2001:db8:2:${n.toString(16)}00::1`),
    );
    // Each /56 gave one; the /48 may give 4 × 3.
    expect(held.filter((h) => !h)).toHaveLength(12);
    expect(held.slice(12)).toEqual([true, true]);
    expect(await heldFlags(3, ['2001:db8:3::1', '2001:db8:3:100::1'])).toEqual([false, false]);
  });

  it('holds votes spread over the addresses of one IPv4 /24, and leaves a neighbouring /24 alone', async () => {
    const held = await heldFlags(
      4,
      range(30, (n) => `203.0.113.${n}`),
    );
    // One vote from each of 30 addresses: the /24 may give 8 × 3.
    expect(held.filter((h) => !h)).toHaveLength(24);
    expect(held.slice(24)).toEqual(new Array(6).fill(true));
    expect(await heldFlags(4, ['203.0.112.1', '203.0.114.1'])).toEqual([false, false]);
  });

  it('keeps every base network to its own share inside a wider one', async () => {
    expect(
      await heldFlags(
        5,
        range(4, () => '2001:db8:4:1::1'),
      ),
    ).toEqual([false, false, false, true]);
    expect(
      await heldFlags(
        5,
        range(4, () => '2001:db8:4:2::1'),
      ),
    ).toEqual([false, false, false, true]);
    // The /56 has given its 6.
    expect(await heldFlags(5, ['2001:db8:4:3::1'])).toEqual([true]);
  });
});

describe('migration 0017', () => {
  it('gives the ratings cast before it their network order, so the wider networks count them too', async () => {
    const empty = await emptyDatabase();
    const handle = openDatabase(empty.url);
    try {
      const before = Object.fromEntries(Object.entries(migrations(handle.dialect)).filter(([name]) => name < '0017'));
      expect((await new Migrator({ db: handle.db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
      const make = factories(handle.db);
      const season = await make.season((await make.show({ slug: 'old-votes', title: 'Old Votes' })).id, 1);
      const episode = await make.episode(season.id, 1);
      const at = '2026-11-01T00:00:00.000Z';
      const rows = [
        ['a:v4', '198.51.100.7', '198.51.100.7'],
        ['a:v6', '2001:db8:1:2::9', '2001:db8:1:2::/64'],
        ['a:none', null, null],
      ] as const;
      for (const [voter, ip, network] of rows) {
        await handle.db
          .insertInto('votes')
          .values({ episode_id: episode.id, voter_id: voter, voter_kind: 'anonymous', rating: 5, ip, network, cast_at: at, updated_at: at })
          .execute();
      }
      await migrateToLatest(handle.db, handle.dialect);
      const orders = await handle.db.selectFrom('votes').select(['voter_id', 'network_order']).orderBy('voter_id').execute();
      expect(orders).toEqual([
        { voter_id: 'a:none', network_order: null },
        { voter_id: 'a:v4', network_order: '4c6336407' },
        { voter_id: 'a:v6', network_order: '620010db800010002' },
      ]);
    } finally {
      await handle.close();
      await empty.drop();
    }
  });
});
