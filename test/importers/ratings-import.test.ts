import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository } from '../../src/accounts/accounts.repository.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { catalogMigration } from '../../src/db/migrations/0001-catalog.js';
import { votesMigration } from '../../src/db/migrations/0002-votes.js';
import { accountsMigration } from '../../src/db/migrations/0003-accounts.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import { CatalogFormatError, parseCatalogFile, type CatalogFile } from '../../src/importers/catalog-format.js';
import { importCatalog, RatingsNotAllowedError } from '../../src/importers/catalog-import.js';
import { Pacer } from '../../src/importers/pacer.js';
import { parseCatalogTextOffThread } from '../../src/importers/parse-off-thread.js';
import { parseCatalogText } from '../../src/importers/read-catalog.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { catalogEpisode, oneShowCatalog } from '../helpers/catalog-file.js';
import { emptyDatabase, freshDatabase, type TestDatabase } from '../helpers/database.js';
import { storeOf } from '../../src/repositories.js';

/**
 * Individual ratings in catalogue files: only admins bring them in, each one is marked as
 * imported, account ratings travel under public ids (never account numbers), and a big import
 * gives the event loop turns.
 */

const NOW = new Date('2026-11-20T12:00:00.000Z');
const clock = () => NOW;

function catalogue(ratings: Array<{ voter: string; kind: 'anonymous' | 'account'; rating: number }> = [], episodes = 2): CatalogFile {
  // Through the parser, as an upload goes: a rating the format does not allow is refused here.
  const file = oneShowCatalog({
    slug: 'night-ferry',
    title: 'Night Ferry',
    synopsis: 'A made-up show for these tests.',
    seasons: [
      {
        number: 1,
        episodes: Array.from({ length: episodes }, (_, i) =>
          catalogEpisode(i + 1, {
            title: `Crossing ${i + 1}`,
            ...(i === 0 ? { ratings: ratings.map((r) => ({ ...r, castAt: '2001-01-01T00:00:00.000Z', updatedAt: '2001-01-01T00:00:00.000Z' })) } : {}),
          }),
        ),
      },
    ],
  });
  return parseCatalogFile(file, 'test');
}

async function votes(handle: DatabaseHandle) {
  return handle.db.selectFrom('votes').select(['voter_id', 'voter_kind', 'rating', 'imported_at']).orderBy('voter_id').execute();
}

async function tallyOfFirstEpisode(handle: DatabaseHandle) {
  const row = await handle.db
    .selectFrom('episode_tallies as t')
    .innerJoin('episodes as e', 'e.id', 't.episode_id')
    .select(['t.vote_count', 't.vote_sum'])
    .where('e.number', '=', 1)
    .executeTakeFirst();
  return row ? { count: Number(row.vote_count), sum: Number(row.vote_sum) } : null;
}

async function firstEpisodeId(handle: DatabaseHandle): Promise<number> {
  return (await handle.db.selectFrom('episodes').select('id').where('number', '=', 1).executeTakeFirstOrThrow()).id;
}

const newAccount = (handle: DatabaseHandle, email: string) =>
  new AccountsRepository(handle.db).insert({ email, displayName: email, passwordHash: 'not-a-real-hash', role: 'fan' }, NOW.toISOString());

const exported = async (handle: DatabaseHandle) => serializeCatalog(await exportCatalog(storeOf(handle.db), { votes: true }));

let a: TestDatabase;
let b: TestDatabase;
beforeAll(async () => {
  [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

describe('individual ratings are an admin’s act', () => {
  it('a file with ratings is refused whole unless ratings are allowed, a dry run too', async () => {
    const file = catalogue([{ voter: 'a:intruder', kind: 'anonymous', rating: 1 }]);
    for (const dryRun of [false, true]) {
      await expect(importCatalog(storeOf(b.handle.db), file, { dryRun })).rejects.toBeInstanceOf(RatingsNotAllowedError);
    }
    await expect(importCatalog(storeOf(b.handle.db), file)).rejects.toThrow('Only admins may import individual ratings, and this file carries 1.');
    expect(await b.handle.db.selectFrom('shows').select('id').execute()).toEqual([]);
    expect(await votes(b.handle)).toEqual([]);
  });

  it('marks every rating it writes with the import’s time, whatever the file says, and lists each change', async () => {
    const db = await freshDatabase();
    try {
      await importCatalog(storeOf(db.handle.db), catalogue(), { clock });
      const episodeId = await firstEpisodeId(db.handle);
      await new VoteWrites(storeOf(db.handle.db)).rate(episodeId, { id: 'a:regular', kind: 'anonymous' }, 9, null, '2026-11-19T08:00:00.000Z');
      const file = catalogue([
        { voter: 'a:regular', kind: 'anonymous', rating: 1 },
        { voter: 'a:invented', kind: 'anonymous', rating: 1 },
      ]);
      const dry = await importCatalog(storeOf(db.handle.db), file, { clock, allowRatings: true, dryRun: true });
      expect(dry.ratings).toBe(2);
      expect(await votes(db.handle)).toEqual([{ voter_id: 'a:regular', voter_kind: 'anonymous', rating: 9, imported_at: null }]);

      const summary = await importCatalog(storeOf(db.handle.db), file, { clock, allowRatings: true });
      expect(summary.ratingChanges).toEqual([
        { voter: 'a:regular', episode: 'night-ferry S1E1', before: 9, after: 1 },
        { voter: 'a:invented', episode: 'night-ferry S1E1', before: null, after: 1 },
      ]);
      expect(await votes(db.handle)).toEqual([
        { voter_id: 'a:invented', voter_kind: 'anonymous', rating: 1, imported_at: NOW.toISOString() },
        { voter_id: 'a:regular', voter_kind: 'anonymous', rating: 1, imported_at: NOW.toISOString() },
      ]);
      expect(await tallyOfFirstEpisode(db.handle)).toEqual({ count: 2, sum: 2 });

      // Rated again on the site, the rating is the voter's own again.
      await new VoteWrites(storeOf(db.handle.db)).rate(episodeId, { id: 'a:regular', kind: 'anonymous' }, 8, null, '2026-11-21T08:00:00.000Z');
      expect((await votes(db.handle)).find((v) => v.voter_id === 'a:regular')?.imported_at).toBeNull();
    } finally {
      await db.drop();
    }
  });

  it('refuses account numbers and voters listed with the wrong kind', () => {
    const refused = (ratings: Parameters<typeof catalogue>[0]) => {
      try {
        catalogue(ratings);
      } catch (error) {
        if (error instanceof CatalogFormatError) return error.problems;
        throw error;
      }
      throw new Error('expected the file to be refused');
    };
    expect(refused([{ voter: 'u:1', kind: 'account', rating: 9 }]).join('\n')).toContain('/shows/0/seasons/0/episodes/0/ratings/0/voter');
    expect(refused([{ voter: 'p:abc', kind: 'anonymous', rating: 9 }])).toEqual([
      '/shows/0/seasons/0/episodes/0/ratings/0/kind must be "account" for voter "p:abc"',
    ]);
  });
});

describe('account ratings never change hands between databases', () => {
  it('export from A, import into B where another account has the same number, and back into A', async () => {
    await importCatalog(storeOf(a.handle.db), catalogue(), { clock });
    await importCatalog(storeOf(b.handle.db), catalogue(), { clock });
    const alice = await newAccount(a.handle, 'alice@example.org');
    const bob = await newAccount(b.handle, 'bob@example.org');
    // The collision this guards against: both databases number their first account alike.
    expect(bob.id).toBe(alice.id);
    const ratingsA = new VoteWrites(storeOf(a.handle.db));
    await ratingsA.rate(await firstEpisodeId(a.handle), { id: `u:${alice.id}`, kind: 'account' }, 9, null, '2026-11-01T00:00:00.000Z');
    await ratingsA.rate(await firstEpisodeId(a.handle), { id: 'a:someone', kind: 'anonymous' }, 4, null, '2026-11-01T00:00:00.000Z');
    await new VoteWrites(storeOf(b.handle.db)).rate(
      await firstEpisodeId(b.handle),
      { id: `u:${bob.id}`, kind: 'account' },
      2,
      null,
      '2026-11-02T00:00:00.000Z',
    );

    const fromA = await exported(a.handle);
    const alicePublicId = (await a.handle.db.selectFrom('users').select('public_id').where('id', '=', alice.id).executeTakeFirstOrThrow()).public_id!;
    expect(alicePublicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fromA).toContain(`"voter": "p:${alicePublicId}"`);
    expect(fromA).not.toContain('"u:');

    await importCatalog(storeOf(b.handle.db), parseCatalogFile(JSON.parse(fromA), 'a.json'), { clock, allowRatings: true });
    // Bob keeps his own rating and gains none; Alice's rating counts, under her public id.
    const inB = await votes(b.handle);
    expect(inB.filter((v) => v.voter_id === `u:${bob.id}`).map((v) => v.rating)).toEqual([2]);
    expect(inB.map((v) => `${v.voter_id}=${v.rating}`).sort()).toEqual(['a:someone=4', `p:${alicePublicId}=9`, `u:${bob.id}=2`].sort());
    expect(await tallyOfFirstEpisode(b.handle)).toEqual({ count: 3, sum: 15 });

    // Exported from B and imported into A, Alice's rating comes back to Alice's account.
    const alicesVoteInA = () => a.handle.db.selectFrom('votes').select('rating').where('voter_id', '=', `u:${alice.id}`).execute();
    await a.handle.db.deleteFrom('votes').where('voter_id', '=', `u:${alice.id}`).execute();
    const back = await importCatalog(storeOf(a.handle.db), parseCatalogFile(JSON.parse(await exported(b.handle)), 'b.json'), { clock, allowRatings: true });
    expect(await alicesVoteInA()).toEqual([{ rating: 9 }]);
    expect(back.ratingChanges.find((c) => c.voter === `u:${alice.id}`)).toMatchObject({ before: null, after: 9 });
    expect((await votes(a.handle)).some((v) => v.voter_id === `p:${alicePublicId}`)).toBe(false);
    // Bob is not an account in A, so his rating stays his own there too, under his public id.
    const bobPublicId = (await b.handle.db.selectFrom('users').select('public_id').where('id', '=', bob.id).executeTakeFirstOrThrow()).public_id!;
    expect((await votes(a.handle)).filter((v) => v.voter_id.startsWith('u:')).map((v) => v.voter_id)).toEqual([`u:${alice.id}`]);
    expect((await votes(a.handle)).find((v) => v.voter_id === `p:${bobPublicId}`)?.rating).toBe(2);
  });
});

describe('a big import gives the event loop turns', () => {
  it('other work runs between slices, inside the one transaction', async () => {
    const db = await freshDatabase();
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    try {
      const ratings = Array.from({ length: 1200 }, (_, i) => ({ voter: `a:fan${i}`, kind: 'anonymous' as const, rating: 1 + (i % 10) }));
      const file = catalogue(ratings, 600);
      setImmediate(tick);
      const startTurns = turns;
      // 600 episodes in slices of 100 rows, and three batches of ratings: at least 9 turns.
      const summary = await importCatalog(storeOf(db.handle.db), file, { clock, allowRatings: true, slice: { rows: 100, ms: Number.MAX_SAFE_INTEGER } });
      expect(summary.episodes.created).toBe(600);
      expect(turns - startTurns).toBeGreaterThanOrEqual(9);
      expect(await tallyOfFirstEpisode(db.handle)).toEqual({ count: 1200, sum: 1200 * 5.5 });
    } finally {
      running = false;
      await db.drop();
    }
  });

  it('the pacer yields after its slice of rows or of time, whichever comes first', async () => {
    let now = 0;
    const pacer = new Pacer({ rows: 3, ms: 10 }, () => now);
    for (let i = 0; i < 7; i++) await pacer.done();
    expect(pacer.yields).toBe(2);
    now += 10;
    await pacer.done();
    expect(pacer.yields).toBe(3);
  });
});

describe('a big upload is read off the event loop', () => {
  const big = (slug: string) =>
    JSON.stringify({
      format: 'epirank-catalog',
      version: 1,
      shows: [
        {
          slug,
          title: 'Big',
          seasons: Array.from({ length: 5 }, (_, s) => ({
            number: s + 1,
            episodes: Array.from({ length: 100 }, (_, e) => ({ number: e + 1, synopsis: 'x'.repeat(200) })),
          })),
        },
      ],
    });

  it('reads it in a worker, with the same result and the same errors as on the main thread', async () => {
    const text = big('big-show');
    expect(text.length).toBeGreaterThan(100_000);
    let turns = 0;
    let reading = true;
    const tick = () => {
      turns++;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    const file = await parseCatalogTextOffThread(text, 'big.json').finally(() => {
      reading = false;
    });
    // On the main thread the whole check would have run before any other turn.
    expect(turns).toBeGreaterThan(0);
    expect(file).toEqual(parseCatalogText(text, 'big.json'));

    const refused = await parseCatalogTextOffThread(big('Not A Slug'), 'bad.json').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CatalogFormatError);
    expect((refused as CatalogFormatError).problems).toEqual(
      (() => {
        try {
          parseCatalogText(big('Not A Slug'), 'bad.json');
        } catch (error) {
          return (error as CatalogFormatError).problems;
        }
      })(),
    );
  });
});

describe('migration 0006', () => {
  it('gives every account that existed before it its own public id', async () => {
    const empty = await emptyDatabase();
    const handle = openDatabase(empty.url);
    try {
      const d = handle.dialect;
      const before = { '0001-catalog': catalogMigration(d), '0002-votes': votesMigration(d), '0003-accounts': accountsMigration(d) };
      const result = await new Migrator({ db: handle.db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(result.error).toBeUndefined();
      const at = NOW.toISOString();
      for (const email of ['one@example.org', 'two@example.org', 'three@example.org']) {
        // The database is at an older schema than today's `Database` type describes.
        // biome-ignore lint/suspicious/noExplicitAny: the users table as it was before migration 0006.
        await (handle.db as any)
          .insertInto('users')
          .values({ email, display_name: email, password_hash: 'x', role: 'fan', created_at: at, updated_at: at })
          .execute();
      }
      expect((await migrateToLatest(handle.db, d)).applied).toContain('0006-import-provenance');
      const ids = (await handle.db.selectFrom('users').select('public_id').execute()).map((u) => u.public_id);
      expect(ids).toHaveLength(3);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(new Set(ids).size).toBe(3);
    } finally {
      await handle.close();
      await empty.drop();
    }
  });
});
