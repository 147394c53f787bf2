/**
 * Held ratings in the votes repository, on a real database: which first ratings the per-network
 * rule holds, what signing in does to held ratings, what the voter sees as their rating, and that
 * tallies stay equal to a recount. The network's allowance and the window's arithmetic are
 * tested first, as the pure module they live in.
 */
import { describe, expect, it } from 'vitest';
import { NetworkAllowance, networkWindowStart } from '../../src/votes/network-allowance.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import type { VoterRef } from '../../src/votes/votes.repository.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { storeOf } from '../../src/repositories.js';

const database = useTestDatabase();
const repo = () => new VoteWrites(storeOf(database.current.handle.db));
const reads = () => storeOf(database.current.handle.db).read.votes;
const db = () => database.current.handle.db;
const NOW = '2026-03-01T12:00:00.000Z';
const anonymous = (name: string): VoterRef => ({ id: `a:${name}`, kind: 'anonymous' });

async function newEpisode() {
  const make = factories(db());
  const show = await make.show();
  const season = await make.season(show.id, 1);
  return (await make.episode(season.id, 1)).id;
}

async function counted(episodeId: number) {
  return await db().selectFrom('votes').select(['voter_id', 'rating', 'network']).where('episode_id', '=', episodeId).orderBy('voter_id').execute();
}

async function held(episodeId: number) {
  return await db().selectFrom('held_ratings').select(['voter_id', 'voter_kind', 'rating']).where('episode_id', '=', episodeId).orderBy('voter_id').execute();
}

describe('a network’s allowance', () => {
  const allowance = new NetworkAllowance(3, [
    { range: '192.0.2.0/24', ratings: 50 },
    { range: '192.0.2.10/32', ratings: 200 },
    { range: '2001:db8:5::/48', ratings: 0 },
  ]);

  it('is the default outside every listed range, and the narrowest listed range’s number inside', () => {
    expect(allowance.of('198.51.100.1')).toBe(3);
    expect(allowance.of('192.0.2.9')).toBe(50);
    expect(allowance.of('192.0.2.10')).toBe(200);
    expect(allowance.of('::ffff:192.0.2.10')).toBe(200);
    expect(allowance.of('2001:db8:5:77::1')).toBe(0);
    expect(allowance.of('2001:db8:6::1')).toBe(3);
  });

  it('is unlimited everywhere when VOTES_PER_NETWORK is 0', () => {
    expect(new NetworkAllowance(0, [{ range: '192.0.2.0/24', ratings: 50 }]).of('192.0.2.1')).toBe(0);
  });

  it('looks back 30 days', () => {
    expect(networkWindowStart(NOW)).toBe('2026-01-30T12:00:00.000Z');
  });
});

describe('held ratings in the votes repository', () => {
  it('counts every rating and records the network when the allowance is 0 (no limit)', async () => {
    const episode = await newEpisode();
    for (let i = 0; i < 6; i++) expect((await repo().rate(episode, anonymous(`free-${i}`), 5, '2001:db8:1:2::9', NOW, 0)).held).toBe(false);
    expect((await counted(episode)).map((v) => v.network)).toEqual(new Array(6).fill('2001:db8:1:2::/64'));
    expect(await held(episode)).toEqual([]);
  });

  it('holds first ratings past the allowance, counts those of other networks, and leaves imports without a network', async () => {
    const episode = await newEpisode();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await repo().rate(episode, anonymous(`n-${i}`), 8, '203.0.113.1', NOW, 2));
    expect(outcomes.map((o) => o.held)).toEqual([false, false, true, true, true]);
    expect(outcomes[2]).toEqual({ episodeId: episode, previous: null, current: 8, held: true });
    expect((await repo().rate(episode, anonymous('elsewhere'), 8, '203.0.113.2', NOW, 2)).held).toBe(false);
    expect((await repo().rate(episode, anonymous('no-address'), 8, null, NOW, 2)).held).toBe(false);
    expect((await counted(episode)).find((v) => v.voter_id === 'a:no-address')!.network).toBeNull();
    expect(await held(episode)).toHaveLength(3);
  });

  it('shows a voter their held rating as their rating', async () => {
    const episode = await newEpisode();
    await repo().rate(episode, anonymous('first'), 6, '203.0.113.3', NOW, 1);
    await repo().rate(episode, anonymous('second'), 9, '203.0.113.3', NOW, 1);
    expect(await reads().ratingsOf('a:second', [episode])).toEqual(new Map([[episode, 9]]));
    expect(await reads().heldCount(episode)).toBe(1);
  });

  it('moves held ratings to the account at sign-in and keeps them held; where both rated, the newer wins', async () => {
    const [onlyHeld, heldNewer, countedNewer] = [await newEpisode(), await newEpisode(), await newEpisode()];
    const account: VoterRef = { id: 'u:42', kind: 'account' };
    const visitor = anonymous('visitor');
    for (const episode of [onlyHeld, heldNewer, countedNewer])
      await repo().rate(episode, anonymous(`local-${episode}`), 5, '203.0.113.4', '2026-02-27T00:00:00.000Z', 1);
    // The account rated two of the episodes from elsewhere: once before the visitor, once after.
    await repo().rate(heldNewer, account, 2, '198.51.100.1', '2026-02-28T00:00:00.000Z', 1);
    for (const episode of [onlyHeld, heldNewer, countedNewer]) {
      expect((await repo().rate(episode, visitor, 10, '203.0.113.4', '2026-02-28T12:00:00.000Z', 1)).held).toBe(true);
    }
    await repo().rate(countedNewer, account, 3, '198.51.100.1', '2026-02-28T18:00:00.000Z', 1);

    expect(await repo().mergeVoter(visitor.id, account)).toEqual({
      moved: 2,
      replaced: 2,
      changes: [heldNewer, countedNewer].map((episodeId) => ({ showId: expect.any(Number), episodeId })),
    });

    expect(await held(onlyHeld)).toEqual([{ voter_id: 'u:42', voter_kind: 'account', rating: 10 }]);
    // The visitor's newer held 10 replaced the account's counted 2, and is still only held.
    expect(await held(heldNewer)).toEqual([{ voter_id: 'u:42', voter_kind: 'account', rating: 10 }]);
    expect((await counted(heldNewer)).map((v) => v.voter_id)).toEqual([`a:local-${heldNewer}`]);
    // The account's newer counted 3 stays; the visitor's held rating goes.
    expect(await held(countedNewer)).toEqual([]);
    expect((await counted(countedNewer)).find((v) => v.voter_id === 'u:42')!.rating).toBe(3);
    expect(await reads().ratingsOf('a:visitor', [onlyHeld, heldNewer, countedNewer])).toEqual(new Map());
    expect(await new TallyAudit(storeOf(db())).check()).toEqual([]);
  });

  it('lets only the allowance through when one network’s first ratings arrive at once', async () => {
    const episode = await newEpisode();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => repo().rate(episode, anonymous(`rush-${i}`), 4, '203.0.113.5', NOW, 3)));
    expect(outcomes.filter((o) => !o.held)).toHaveLength(3);
    expect(await counted(episode)).toHaveLength(3);
    expect(await held(episode)).toHaveLength(7);
    expect(await new TallyAudit(storeOf(db())).check()).toEqual([]);
  });
});
