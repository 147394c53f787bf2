import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { emptyDatabase } from '../helpers/database.js';
import { runEpirank } from '../helpers/process.js';

const epirank = (args: string[], databaseUrl: string) => runEpirank(args, { DATABASE_URL: databaseUrl });

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('epirank CLI', () => {
  it('migrate, demo and recount --check / --fix', async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);

    expect(await epirank(['migrate'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('Applied: 0001-catalog, 0002-votes, 0003-accounts, 0004-audit, 0005-vote-blocks') });
    expect(await epirank(['migrate'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('up to date') });
    expect(await epirank(['demo'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('26 episodes') });
    expect((await epirank(['demo'], database.url)).code).toBe(1);
    expect(await epirank(['recount', '--check'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('Every tally matches its votes.') });

    // A vote row whose tally was never updated: what a bug or a hand edit would leave behind.
    const handle = openDatabase(database.url);
    const episode = await handle.db
      .selectFrom('episodes')
      .select('id')
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await handle.db
      .insertInto('votes')
      .values({ episode_id: episode.id, voter_id: 'a:manual', voter_kind: 'anonymous', rating: 2, ip: null, cast_at: now, updated_at: now })
      .execute();
    await handle.close();

    const check = await epirank(['recount', '--check'], database.url);
    expect(check.code).toBe(1);
    expect(check.output).toContain('kaleido-star S1E1 “My Amazing Stage Debut”');
    expect(check.output).toContain('stored 0 votes, sum 0');
    expect(check.output).toContain('votes say 1 votes, sum 2, squares 4, histogram [0 1 0 0 0 0 0 0 0 0]');
    expect(check.output).toContain('run "epirank recount --fix"');

    expect(await epirank(['recount', '--fix'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('Repaired 1 tally.') });
    expect(await epirank(['recount', '--check'], database.url)).toMatchObject({ code: 0 });
  });

  it('rejects unknown commands and options', async () => {
    expect((await epirank(['frobnicate'], ':memory:')).code).toBe(2);
    const badOption = await epirank(['recount', '--wat'], ':memory:');
    expect(badOption.code).toBe(1);
    expect(badOption.output).toContain("Unknown option '--wat'");
  });
});
