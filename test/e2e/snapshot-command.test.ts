/**
 * `epirank snapshot [--date]` as a subprocess: it records a day once, refuses a day before the
 * latest one taken (exit 1) and a date that is not a day (exit 2).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { emptyDatabase } from '../helpers/database.js';
import { runEpirank } from '../helpers/process.js';

// Each CLI process compiles the sources with tsx: slow on a busy machine.
const SPAWNING = 180_000;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('epirank snapshot', () => {
  it(
    'records a day once, in order',
    async () => {
      const database = await emptyDatabase();
      cleanups.push(database.drop);
      const epirank = (...args: string[]) => runEpirank(args, { DATABASE_URL: database.url });
      expect((await epirank('demo')).code).toBe(0);

      expect(await epirank('snapshot', '--date', '2026-01-05')).toEqual({
        code: 0,
        output: 'Snapshot of 2026-01-05: 1 show with votes, 1 with a changed ranking.\n',
      });
      expect(await epirank('snapshot', '--date', '2026-01-05')).toMatchObject({ code: 0, output: expect.stringContaining('already taken') });
      expect(await epirank('snapshot', '--date', '2026-01-04')).toMatchObject({ code: 1, output: expect.stringContaining('taken in order') });
      expect(await epirank('snapshot', '--date', '2026-13-01')).toMatchObject({ code: 2, output: expect.stringContaining('--date must be a day') });

      const handle = openDatabase(database.url);
      try {
        const rows = await handle.db.selectFrom('ranking_snapshots').select(['day']).execute();
        expect(rows).toEqual([{ day: '2026-01-05' }]);
      } finally {
        await handle.close();
      }
    },
    SPAWNING,
  );
});
