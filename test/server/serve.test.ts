import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { emptyDatabase } from '../helpers/database.js';
import { parsePage, readRanking } from '../helpers/html.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `epirank serve` as an operator would, and waits until it listens. */
async function serve(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Server listening')) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => output, exited };
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('epirank serve', () => {
  it('creates the database and loads the demo on first start, keeps the data later, and stops cleanly', async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    const port = await freePort();
    const env = { DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1' };
    const season = `http://127.0.0.1:${port}/shows/kaleido-star/seasons/1`;

    const first = await serve(env);
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

    const second = await serve(env);
    cleanups.push(async () => void second.child.kill('SIGKILL'));
    const again = parsePage(await (await fetch(season)).text());
    expect(again('h1').text()).toBe('The best episodes of Kaleido Star (edited) season 1');
    expect(readRanking(again)).toHaveLength(25);
    expect(second.output()).not.toContain('demo catalogue loaded');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start with a malformed setting, naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Configuration error: PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});
