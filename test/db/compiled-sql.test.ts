import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { AccountsRepository } from '../../src/accounts/accounts.repository.js';
import { AdminListsRepository } from '../../src/editing/admin-lists.repository.js';
import { AuditRepository } from '../../src/editing/audit.repository.js';
import { BulkModerationRepository, type CountedRating } from '../../src/moderation/bulk-moderation.repository.js';
import { FlagsRepository } from '../../src/moderation/flags.repository.js';
import { HeldRatingsRepository, type HeldRating } from '../../src/moderation/held-ratings.repository.js';
import { ModerationRepository } from '../../src/moderation/moderation.repository.js';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import type { Database } from '../../src/db/schema.js';
import { StandingsRepository } from '../../src/ranking/standings.repository.js';
import { ShowBrowseRepository } from '../../src/ranking/show-browse.js';
import { TopEpisodesRepository } from '../../src/ranking/top-episodes.repository.js';
import { FilterChoicesRepository } from '../../src/ranking/filter-choices.js';
import { SearchRepository } from '../../src/catalog/search.repository.js';
import { TallyRecountRepository } from '../../src/votes/tally-recount.repository.js';
import { VotesRepository } from '../../src/votes/votes.repository.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { storeOf } from '../../src/repositories.js';

/**
 * The important queries of every repository, compiled for both databases and kept as files beside
 * this test, so a change to them shows up in review as a diff of SQL (run
 * `npx vitest run test/db/compiled-sql.test.ts -u` to accept one). Nothing is executed: a stand-in
 * driver answers every query with no rows, except that a count or a sum, and a write that returns
 * what it wrote, answer one row of zeros (so that code reading a count, or checking that its write
 * took, goes on to its next query). A call that stops early because a row it needs is missing
 * keeps the queries it compiled until then.
 */
const zeros = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? 0 : undefined) });

class AnsweringDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        const rows = /\b(count|sum)\(|\breturning\b/i.test(query.sql) ? [zeros as R] : [];
        return { rows, numAffectedRows: 0n };
      },
      async *streamQuery() {},
    };
  }
}

function recordingDb(dialect: 'sqlite' | 'postgres') {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new AnsweringDriver(),
      createIntrospector: (k) => (dialect === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (event) => void queries.push(event.query),
  });
  return { db, queries };
}

type Db = Kysely<Database>;

/**
 * Runs each named call against a recording database and writes what it compiled, one section per
 * call, into `__snapshots__/<file>.<dialect>.sql`. Answers the SQL, for assertions beside the snapshot.
 */
async function snapshot(file: string, dialect: 'sqlite' | 'postgres', calls: Record<string, (db: Db) => Promise<unknown>>): Promise<string> {
  const sections: string[] = [];
  for (const [name, call] of Object.entries(calls)) {
    const { db, queries } = recordingDb(dialect);
    await call(db).catch(() => undefined);
    const sql = queries.map((q) => `${q.sql};\n-- parameters: ${JSON.stringify(q.parameters, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}`);
    sections.push(`-- ${name}\n${sql.join('\n\n')}`);
  }
  const text = `${sections.join('\n\n')}\n`;
  await expect(text).toMatchFileSnapshot(`./__snapshots__/${file}.${dialect}.sql`);
  return text;
}

const NOW = '2026-11-20T12:00:00.000Z';
const HOUR_AGO = '2026-11-20T11:00:00.000Z';
const counted: CountedRating = {
  id: 7,
  episodeId: 1,
  voterId: 'a:x',
  voterKind: 'anonymous',
  rating: 9,
  ip: '192.0.2.1',
  network: '192.0.2.1',
  castAt: NOW,
  updatedAt: NOW,
  givenAt: null,
};
const held: HeldRating = { ...counted, reason: 'network-limit', heldAt: NOW };
const inTransaction = (db: Db, work: (trx: Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0]) => Promise<unknown>) =>
  db.transaction().execute(work);

describe.each(['sqlite', 'postgres'] as const)('compiled SQL on %s', (dialect) => {
  it("ranking reads: a show's standings and totals, without touching the votes", async () => {
    const sql = await snapshot('standings', dialect, {
      "a show's episodes": (db) => new StandingsRepository(db).episodeStandings({ showId: 1 }),
      'some episodes (after a vote)': (db) => new StandingsRepository(db).episodeStandings({ episodeIds: [1, 2] }),
      "the show's totals": (db) => new StandingsRepository(db).showTotals(1),
      "its seasons' totals": (db) => new StandingsRepository(db).seasonTotals(1),
    });
    expect(sql).not.toMatch(/\bvotes\b/);
  });

  it('the vote write path', async () => {
    const sql = await snapshot('votes', dialect, {
      'a first rating, under the per-network rule': (db) => new VoteWrites(storeOf(db)).rate(1, { id: 'a:x', kind: 'anonymous' }, 9, '192.0.2.1', NOW, 3),
      'a first rating, no per-network rule': (db) => new VoteWrites(storeOf(db)).rate(1, { id: 'a:x', kind: 'anonymous' }, 9, '192.0.2.1', NOW, 0),
      'a withdrawal': (db) => new VoteWrites(storeOf(db)).withdraw(1, 'a:x'),
      'a visitor signing in': (db) => new VoteWrites(storeOf(db)).mergeVoter('a:x', { id: 'u:1', kind: 'account' }),
      "a voter's ratings of a page": (db) => new VotesRepository(db, dialect).ratingsOf('a:x', [1, 2, 3]),
      "an episode's held count": (db) => new VotesRepository(db, dialect).heldCount(1),
    });
    // Row locks exist only on PostgreSQL (dialect.ts: locksRows).
    expect(/for update/.test(sql)).toBe(dialect === 'postgres');
  });

  it('recounts', async () => {
    await snapshot('tally-recount', dialect, {
      'recounting episodes in a transaction': (db) => inTransaction(db, (trx) => new TallyRecountRepository(trx).recountEpisodes([2, 1])),
      'every episode recounted': (db) => new TallyRecountRepository(db).aggregatesFromVotes(),
      'every stored tally': (db) => new TallyRecountRepository(db).storedAggregates(),
    });
  });

  it('show figures for the lists', async () => {
    const sql = await snapshot('show-figures', dialect, {
      'a page of shows': (db) => storeOf(db).read.showFigures.page({ limit: 20, offset: 40 }),
      'a search': (db) => storeOf(db).read.showFigures.page({ query: 'star', limit: 20, offset: 0 }),
      'the most voted': (db) => storeOf(db).read.showFigures.mostVoted(6),
      "a show's seasons": (db) => storeOf(db).read.showFigures.seasons(1),
      "best episodes' standings": (db) => storeOf(db).read.showFigures.standingsOf([3, 4]),
      'what a best episode is computed from': (db) => storeOf(db).read.showFigures.rankingInput(1),
    });
    expect(sql).not.toMatch(/from "votes"/);
  });

  it('moderation: held ratings, flags, bulk matching, lists', async () => {
    await snapshot('held-ratings', dialect, {
      'a page of held ratings': (db) => new HeldRatingsRepository(db).page({ showId: 1, network: '192.0.2.1' }, {}, 50),
      'the held ratings a bulk action matches': (db) => new HeldRatingsRepository(db).matchingPage({ episodeId: 1 }, 0, 200),
      'releasing held ratings into the tally': (db) => inTransaction(db, (trx) => new HeldRatingsRepository(trx).release([held])),
      "the header's count of held ratings, up to its cap": (db) => new HeldRatingsRepository(db).countUpTo(1000),
    });
    await snapshot('flags', dialect, {
      'episodes voted on since the last check': (db) => new FlagsRepository(db).episodesVotedBetween(HOUR_AGO, NOW),
      'open flags': (db) => new FlagsRepository(db).openFlags(),
      "a window's figures": (db) => new FlagsRepository(db).windowFigures(1, HOUR_AGO, NOW),
      'raising a flag': (db) => new FlagsRepository(db).raise({ episodeId: 1, kind: 'burst', windowStart: HOUR_AGO, now: NOW, reason: 'r' }),
      'a page of flags': (db) => new FlagsRepository(db).page(0, 50),
    });
    await snapshot('bulk-moderation', dialect, {
      'counted ratings a bulk action matches': (db) =>
        new BulkModerationRepository(db).ratingsPage({ scope: { showId: 1 }, network: '192.0.2.1', from: HOUR_AGO, to: NOW }, 0, 200),
      'deleting them': (db) => inTransaction(db, (trx) => new BulkModerationRepository(trx).deleteRatings([7, 8])),
      'holding them': (db) => inTransaction(db, (trx) => new BulkModerationRepository(trx).holdRatings([counted], NOW)),
    });
    await snapshot('moderation', dialect, {
      "an episode's votes by arrival": (db) => new ModerationRepository(db).votesByArrival(1, {}, 50),
      'its votes per hour': (db) => new ModerationRepository(db).votesPerHour(1, HOUR_AGO),
      'a page of blocks': (db) => new ModerationRepository(db).blocksPage({}, 50),
      'removing a voter': (db) => inTransaction(db, (trx) => new ModerationRepository(trx).removeVoter('a:x')),
    });
  });

  it('accounts, sessions and the audit log', async () => {
    await snapshot('accounts', dialect, {
      'signing in': (db) => new AccountsRepository(db).findByEmail('Fan@Example.org'),
      'a new session': (db) => new AccountsRepository(db).insertSession({ id: 'hash', userId: 1, createdAt: NOW, expiresAt: NOW }),
      'who a session belongs to': (db) => new AccountsRepository(db).sessionUser('hash', NOW),
      'an audit record': (db) =>
        new AuditRepository(db).record({
          actor: { id: 1, email: 'a@example.org' },
          action: 'show.update',
          subject: 'show 1',
          before: { a: 1 },
          after: { a: 2 },
          at: NOW,
        }),
      'a page of the audit log': (db) => new AuditRepository(db).page({}, 50),
    });
  });

  it('browsing and search: filters in any case, their pickers, result descriptions', async () => {
    const sql = await snapshot('browse', dialect, {
      '/shows of a network and a status, A to Z': (db) => new ShowBrowseRepository(db).page('title', { network: 'north', status: 'ended' }, 0, 50),
      'how many shows a network has': (db) => new ShowBrowseRepository(db).count({ network: 'north' }),
      '/top of a network, best first': (db) => new TopEpisodesRepository(db).page('best', { network: 'tv tokyo' }, 0, 51),
      'the networks a picker offers': (db) => new FilterChoicesRepository(db).texts({ table: 'shows', column: 'network' }),
      'the years a picker offers': (db) => new FilterChoicesRepository(db).numbers({ table: 'top_episodes', column: 'air_year' }),
      'a page of search results described': (db) =>
        new SearchRepository(db).describe([
          { kind: 'show', id: 1 },
          { kind: 'episode', id: 2 },
        ]),
    });
    // Each text filter compares the folded forms, which migration 0023 indexes.
    expect(sql).not.toMatch(/"network" = /);
  });

  it('catalogue reads', async () => {
    await snapshot('catalog', dialect, {
      'a show by its slug': (db) => new CatalogRepository(db).findShowBySlug('kaleido-star'),
      'an episode by its address (every vote)': (db) => new CatalogRepository(db).findEpisodeRef('kaleido-star', 1, 7),
      "a page's episode details": (db) => new CatalogRepository(db).detailsFor([1, 2]),
      'the admin show list': (db) => new AdminListsRepository(db).showsPage(50, 0),
      'the admin episode list': (db) => new AdminListsRepository(db).episodesPage(1, 50, 0),
    });
  });
});
