/**
 * BulkModerationService on a real database: what a selection matches (addresses, ranges, /64s,
 * windows, scopes), the preview's figures worked out by hand, and that removing, holding,
 * releasing and discarding leave tallies equal to a recount, lose nothing and are audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FormError } from '../../src/shared/errors.js';
import { BulkModerationService } from '../../src/moderation/bulk-moderation.service.js';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { networkKey } from '../../src/shared/ip-address.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { storeOf } from '../../src/repositories.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;
const at = (time: string) => `2026-11-20T${time}:00.000Z`;
let actor = { id: 0, email: 'moderator@example.org' };
beforeAll(async () => {
  // Audit entries name their author, an account that must exist.
  actor = await factories(db()).admin(actor.email, at('09:00'));
});

let voters = 0;
/**
 * A show with two episodes and votes from a few places and times (and a second show voted on from
 * the same address, which a selection of the first must never touch):
 *
 *   E1: 203.0.113.7 three 1s at 10:00, 203.0.113.200 a 2 at 10:30, 198.51.100.4 two 9s at 12:00,
 *       2001:db8:1:2::5 a 10 and 2001:db8:1:2::9 an 8 at 12:00      (8 votes, sum 41)
 *   E2: 203.0.113.7 a 1 at 10:00, 198.51.100.4 a 7 at 12:00          (2 votes, sum 8)
 */
async function world() {
  const make = factories(db());
  const show = await make.show();
  const season = await make.season(show.id);
  const [e1, e2] = [await make.episode(season.id, 1), await make.episode(season.id, 2)];
  const other = await make.show();
  const otherEpisode = await make.episode((await make.season(other.id)).id, 1);
  const cast: Array<[number, string, number, string]> = [
    [e1.id, '203.0.113.7', 1, '10:00'],
    [e1.id, '203.0.113.7', 1, '10:00'],
    [e1.id, '203.0.113.7', 1, '10:00'],
    [e1.id, '203.0.113.200', 2, '10:30'],
    [e1.id, '198.51.100.4', 9, '12:00'],
    [e1.id, '198.51.100.4', 9, '12:00'],
    [e1.id, '2001:db8:1:2::5', 10, '12:00'],
    [e1.id, '2001:db8:1:2::9', 8, '12:00'],
    [e2.id, '203.0.113.7', 1, '10:00'],
    [e2.id, '198.51.100.4', 7, '12:00'],
    [otherEpisode.id, '203.0.113.7', 1, '10:00'],
  ];
  for (const [episodeId, ip, rating, time] of cast) await vote(episodeId, `a:bulk-${++voters}`, rating, ip, at(time));
  await recount([e1.id, e2.id, otherEpisode.id]);
  return { show, e1: e1.id, e2: e2.id, otherEpisode: otherEpisode.id };
}

async function vote(episodeId: number, voterId: string, rating: number, ip: string, time: string) {
  await db()
    .insertInto('votes')
    .values({ episode_id: episodeId, voter_id: voterId, voter_kind: 'anonymous', rating, ip, network: networkKey(ip), cast_at: time, updated_at: time })
    .execute();
}

const recount = (ids: number[]) => storeOf(db()).transact((tx) => tx.recount.recountEpisodes(ids));
const tallyMismatches = () => new TallyAudit(storeOf(db())).check();
const countOf = async (table: 'votes' | 'held_ratings', episodeIds: number[]) =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('episode_id', 'in', episodeIds)
        .executeTakeFirstOrThrow()
    ).n,
  );

function service() {
  const changed: string[] = [];
  const bulk = new BulkModerationService(
    storeOf(db()),
    new CatalogRepository(db()),
    5,
    () => changed.push('changed'),
    () => new Date(at('15:00')),
  );
  return { bulk, changed };
}

describe('what a selection matches', () => {
  it('previews a range on a show with each episode’s figures before and after, worked out by hand', async () => {
    const w = await world();
    const preview = await service().bulk.preview({ show: w.show.slug, address: '203.0.113.0/24' });
    expect(preview.matched).toBe(5);
    // Show: 10 votes summing to 49 before; 5 summing to 43 after. m = 5.
    // E1 before: 8 votes, 41 → average 5.13, score (41·10 + 5·49) / (10·13) = 5.04.
    //    after: 4 votes, 36 → average 9.00, score (36·5 + 5·43) / (5·9) = 8.78.
    // E2 before: 2 votes, 8 → 4.00, (8·10 + 245) / (10·7) = 4.64; after: 1 vote, 7 → 7.00, (7·5 + 215) / 30 = 8.33.
    expect(preview.episodes.map(({ episodeId: _, ...e }) => e)).toEqual([
      {
        label: `${w.show.title} S1E1 “Episode title 1”`,
        matched: 4,
        votes: { before: 8, after: 4 },
        average: { before: '5.13', after: '9.00' },
        score: { before: '5.04', after: '8.78' },
      },
      {
        label: `${w.show.title} S1E2 “Episode title 2”`,
        matched: 1,
        votes: { before: 2, after: 1 },
        average: { before: '4.00', after: '7.00' },
        score: { before: '4.64', after: '8.33' },
      },
    ]);
  });

  it.each([
    ['one IPv4 address on one episode', { season: '1', episode: '1', address: '203.0.113.7' }, 3],
    ['one IPv4 address on the show', { address: '203.0.113.7' }, 4],
    ['an IPv6 /64', { address: '2001:db8:1:2::/64' }, 2],
    ['one IPv6 address', { address: '2001:db8:1:2::5' }, 1],
    ['a wide IPv6 range', { address: '2001:db8::/32' }, 2],
    ['a /16 holding nothing', { address: '10.1.0.0/16' }, 0],
    ['a window', { from: '2026-11-20T11:00', to: '2026-11-20T13:00' }, 5],
    ['a window and a range', { address: '203.0.113.0/24', from: '2026-11-20T10:15' }, 1],
    ['a window ending before', { to: '2026-11-20T10:30' }, 4],
  ])('%s', async (_, selection, matched) => {
    const w = await world();
    expect((await service().bulk.preview({ show: w.show.slug, ...selection })).matched).toBe(matched);
  });

  it.each([
    [{ address: '203.0.113.0/33' }, 'address'],
    [{ address: 'nonsense' }, 'address'],
    [{}, 'address'],
    [{ from: '2026-11-20T12:00', to: '2026-11-20T11:00' }, 'to'],
    [{ from: 'yesterday' }, 'from'],
    [{ season: '1', address: '203.0.113.7' }, 'episode'],
    [{ season: '1', episode: '9', address: '203.0.113.7' }, 'episode'],
  ])('refuses %o, naming the field %s', async (selection, field) => {
    const w = await world();
    const refused = await service()
      .bulk.preview({ show: w.show.slug, ...selection })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FormError);
    expect(Object.keys((refused as FormError).fields)).toContain(field);
  });

  it('refuses a show that does not exist', async () => {
    const refused = await service()
      .bulk.preview({ show: 'no-such-show', address: '203.0.113.7' })
      .catch((e: unknown) => e);
    expect((refused as FormError).fields.show).toContain('no-such-show');
  });
});

describe('acting on a selection', () => {
  it('removes a range on a show: tallies equal a recount, other shows untouched, audited', async () => {
    const w = await world();
    const { bulk, changed } = service();
    const result = await bulk.apply(actor, { show: w.show.slug, address: '203.0.113.0/24' }, 'remove', '5');
    expect(result).toMatchObject({ done: true, count: 5 });
    expect(await countOf('votes', [w.e1, w.e2])).toBe(5);
    expect(await countOf('votes', [w.otherEpisode])).toBe(1);
    expect(await tallyMismatches()).toEqual([]);
    expect(changed).toEqual(['changed']);
    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'votes.bulk-remove').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.subject).toContain('203.0.113.0/24');
    expect(JSON.parse(entry.before_json!).ratings).toHaveLength(5);
    expect(JSON.parse(entry.after_json!)).toEqual({ removed: 5, episodes: 2 });
  });

  it('holds a window: every rating is either counted or held, and tallies equal a recount', async () => {
    const w = await world();
    const before = await countOf('votes', [w.e1, w.e2]);
    const result = await service().bulk.apply(actor, { show: w.show.slug, from: '2026-11-20T11:00', to: '2026-11-20T13:00' }, 'hold', '5');
    expect(result).toMatchObject({ done: true, count: 5 });
    expect((await countOf('votes', [w.e1, w.e2])) + (await countOf('held_ratings', [w.e1, w.e2]))).toBe(before);
    const held = await db().selectFrom('held_ratings').selectAll().where('episode_id', 'in', [w.e1, w.e2]).execute();
    expect(held.every((h) => h.reason === 'moderator')).toBe(true);
    expect(held.map((h) => h.network).sort()).toEqual(['198.51.100.4', '198.51.100.4', '198.51.100.4', '2001:db8:1:2::/64', '2001:db8:1:2::/64']);
    expect(await tallyMismatches()).toEqual([]);
  });

  it('holding a rating whose voter already has an older held one keeps the newer rating, once', async () => {
    const w = await world();
    const voter = (await db().selectFrom('votes').select('voter_id').where('episode_id', '=', w.e1).where('ip', '=', '203.0.113.200').executeTakeFirstOrThrow())
      .voter_id;
    await db()
      .insertInto('held_ratings')
      .values({
        episode_id: w.e1,
        voter_id: voter,
        voter_kind: 'anonymous',
        rating: 6,
        ip: '203.0.113.200',
        network: '203.0.113.200',
        reason: 'network-limit',
        held_at: at('09:00'),
        updated_at: at('09:00'),
      })
      .execute();
    expect(await service().bulk.apply(actor, { show: w.show.slug, address: '203.0.113.200' }, 'hold', '1')).toMatchObject({ done: true, count: 1 });
    const held = await db().selectFrom('held_ratings').select(['rating', 'reason', 'updated_at']).where('voter_id', '=', voter).execute();
    expect(held).toEqual([{ rating: 2, reason: 'moderator', updated_at: at('10:30') }]);
    expect(await tallyMismatches()).toEqual([]);
  });

  it('does nothing when the count changed since the preview, and answers with the new preview', async () => {
    const w = await world();
    const { bulk, changed } = service();
    await vote(w.e1, 'a:late-arrival', 1, '203.0.113.7', at('10:05'));
    await recount([w.e1]);
    const result = await bulk.apply(actor, { show: w.show.slug, season: '1', episode: '1', address: '203.0.113.7' }, 'remove', '3');
    expect(result).toMatchObject({ done: false, preview: { matched: 4 } });
    expect(await countOf('votes', [w.e1])).toBe(9);
    expect(changed).toEqual([]);
  });

  it('releases held ratings, replacing a rating the voter set since, and discards others', async () => {
    const w = await world();
    const { bulk } = service();
    await bulk.apply(actor, { show: w.show.slug, address: '198.51.100.4' }, 'hold', '3');
    const held = await db().selectFrom('held_ratings').selectAll().where('episode_id', '=', w.e1).orderBy('id').execute();
    // One of those voters rates E1 again while held: the release puts their held 9 back in its place.
    await vote(w.e1, held[0]!.voter_id, 3, '198.51.100.4', at('14:00'));
    await recount([w.e1]);

    const preview = await bulk.previewHeld({ show: w.show.slug, season: '1', episode: '1', network: '198.51.100.4' }, undefined);
    expect(preview.matched).toBe(2);
    const released = await bulk.applyHeld(actor, { show: w.show.slug, season: '1', episode: '1', network: '198.51.100.4' }, undefined, 'release', '2');
    expect(released).toMatchObject({ done: true, count: 2 });
    const ratings = await db()
      .selectFrom('votes')
      .select(['voter_id', 'rating', 'network'])
      .where(
        'voter_id',
        'in',
        held.map((h) => h.voter_id),
      )
      .execute();
    expect(ratings.map((r) => [r.rating, r.network])).toEqual([
      [9, '198.51.100.4'],
      [9, '198.51.100.4'],
    ]);
    expect(await countOf('votes', [w.e1])).toBe(8);
    expect(await tallyMismatches()).toEqual([]);

    const e2Held = await db().selectFrom('held_ratings').select('id').where('episode_id', '=', w.e2).execute();
    expect(e2Held).toHaveLength(1);
    const discarded = await bulk.applyHeld(actor, {}, [String(e2Held[0]!.id)], 'discard', '1');
    expect(discarded).toMatchObject({ done: true, count: 1 });
    expect(await countOf('held_ratings', [w.e1, w.e2])).toBe(0);
    expect(await countOf('votes', [w.e2])).toBe(1);
    const actions = (await db().selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['votes.bulk-hold', 'held.release', 'held.discard']));
  });
});
