import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { emptyDatabase } from '../helpers/database.js';
import { runEpirank } from '../helpers/process.js';

const epirank = (args: string[], databaseUrl: string) => runEpirank(args, { DATABASE_URL: databaseUrl });

// Each test starts several CLI processes, each compiling the sources with tsx: slow on a busy machine.
const SPAWNING = 180_000;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('epirank CLI', () => {
  it(
    'migrate, demo and recount --check / --fix',
    async () => {
      const database = await emptyDatabase();
      cleanups.push(database.drop);

      expect(await epirank(['migrate'], database.url)).toMatchObject({
        code: 0,
        output: expect.stringContaining('Applied: 0001-catalog, 0002-votes, 0003-accounts, 0004-audit, 0005-vote-blocks'),
      });
      expect(await epirank(['migrate'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('up to date') });
      expect(await epirank(['demo'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('Loaded 1 show, 2 seasons, 51 episodes.') });
      expect((await epirank(['demo'], database.url)).code).toBe(1);
      expect(await epirank(['recount', '--check'], database.url)).toMatchObject({ code: 0, output: expect.stringContaining('Every tally matches its votes.') });

      // A vote row whose tally was never updated: what a bug or a hand edit would leave behind.
      const handle = openDatabase(database.url);
      const episode = await handle.db.selectFrom('episodes').select('id').where('number', '=', 1).executeTakeFirstOrThrow();
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
    },
    SPAWNING,
  );

  it('rejects unknown commands and options in one line, exit 2', async () => {
    const unknown = await epirank(['frobnicate'], ':memory:');
    expect(unknown).toEqual({ code: 2, output: 'epirank: there is no command "frobnicate". Run "epirank help" for usage.\n' });
    const badOption = await epirank(['recount', '--wat'], ':memory:');
    expect(badOption).toEqual({ code: 2, output: 'epirank: Unknown option \'--wat\'. Run "epirank help" for usage.\n' });
  });

  it(
    'prints help for --help, -h, help, help COMMAND and COMMAND --help, exit 0',
    async () => {
      for (const args of [['--help'], ['-h'], ['help'], []]) {
        const help = await epirank(args, ':memory:');
        expect(help.code, args.join(' ')).toBe(0);
        expect(help.output, args.join(' ')).toMatch(/^Usage: epirank <command>/);
        for (const command of ['serve', 'migrate', 'import', 'export', 'backup', 'create-admin', 'recount']) expect(help.output).toContain(`  ${command} `);
      }
      for (const args of [
        ['backup', '--help'],
        ['help', 'backup'],
      ]) {
        const help = await epirank(args, ':memory:');
        expect(help.code).toBe(0);
        expect(help.output).toMatch(/^Usage: epirank backup FILE\n/);
      }
      // Help needs no settings: a broken one does not get in its way.
      expect((await runEpirank(['import', '--help'], { RANK_PRIOR_VOTES: 'many' })).output).toContain('--dry-run');
      expect((await epirank(['help', 'nope'], ':memory:')).code).toBe(2);
    },
    SPAWNING,
  );

  it(
    'an unexpected failure is one line with a hint, no stack trace, exit 1; LOG_LEVEL=debug shows the stack',
    async () => {
      const folder = fileURLToPath(new URL('.', import.meta.url));
      const failed = await epirank(['migrate'], folder);
      expect(failed.code).toBe(1);
      expect(failed.output).toMatch(/^epirank: .+ \(run with LOG_LEVEL=debug for details\)\n$/);
      expect(failed.output).not.toContain('    at ');
      const debug = await runEpirank(['migrate'], { DATABASE_URL: folder, LOG_LEVEL: 'debug' });
      expect(debug.code).toBe(1);
      expect(debug.output).toContain('    at ');
    },
    SPAWNING,
  );
});
