import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { EMPTY_CATALOGUE_HINT } from '../../src/shared/first-start.js';
import { emptyDatabase } from '../helpers/database.js';
import { parsePage, readRanking } from '../helpers/html.js';
import { freePort, runEpirank, startEpirank } from '../helpers/process.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('epirank serve', () => {
  it('creates the database and loads the demo on first start, keeps the data later, and stops cleanly', async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    const port = await freePort();
    const env = { DATABASE_URL: database.url, PORT: String(port) };
    const season = `http://127.0.0.1:${port}/shows/kaleido-star/seasons/1`;

    const first = await startEpirank(env);
    cleanups.push(async () => void first.child.kill('SIGKILL'));
    const page = await fetch(season);
    expect(page.status).toBe(200);
    expect(readRanking(parsePage(await page.text()))).toHaveLength(25);
    expect(first.output()).toContain('demo catalogue loaded');

    // Graceful shutdown: SIGTERM closes the server and the database, then exits 0.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');

    // An operator's edit made while the server was down must survive the next start.
    const handle = openDatabase(database.url);
    await handle.db.updateTable('shows').set({ title: 'Kaleido Star (edited)' }).where('slug', '=', 'kaleido-star').execute();
    await handle.close();

    const second = await startEpirank(env);
    cleanups.push(async () => void second.child.kill('SIGKILL'));
    const again = parsePage(await (await fetch(season)).text());
    expect(again('h1').text()).toBe('The best episodes of Kaleido Star (edited) season 1');
    expect(readRanking(again)).toHaveLength(25);
    expect(second.output()).not.toContain('demo catalogue loaded');
    expect(second.output()).not.toContain('no shows yet');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('says how to fill the catalogue when it starts on a database that `epirank migrate` made (no demo)', async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    expect((await runEpirank(['migrate'], { DATABASE_URL: database.url })).code).toBe(0);
    const port = await freePort();
    const server = await startEpirank({ DATABASE_URL: database.url, PORT: String(port) });
    cleanups.push(async () => void server.child.kill('SIGKILL'));
    expect(server.output()).not.toContain('demo catalogue loaded');
    expect(server.output()).toContain(EMPTY_CATALOGUE_HINT);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start with a malformed setting, naming it', async () => {
    const { code, output } = await runEpirank(['serve'], { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toContain('Configuration error: PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});
