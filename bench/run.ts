/**
 * npm run bench — requests per second of Epirank against bare Fastify doing the same work, in one
 * run on one machine (load generator included), so only the ratios mean anything:
 *   - season page: the real route vs. a bare server sending the same bytes from memory (and, for
 *     reference, an ASCII string of the same size: autocannon once read non-ASCII bodies slower, until
 *     bench/load-generator.ts stopped it decoding bodies at all);
 *   - vote: the real vote route vs. a bare server doing the same SQLite transaction.
 * Targets: page ≥ 70 %, vote ≥ 50 % of the bare server. Settings: BENCH_SECONDS (10),
 * BENCH_CONNECTIONS (32). The app runs from dist/ with LOG_LEVEL=warn and vote limits off.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from './load-generator.js';
import { loadDemoCatalog } from '../src/importers/demo/demo.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { storeOf } from '../src/repositories.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const VOTERS = 1000;
const SEASON_PATH = '/shows/kaleido-star/seasons/1';

async function preparedDatabase(path: string): Promise<number[]> {
  const database = openDatabase(path);
  await migrateToLatest(database.db, database.dialect);
  await loadDemoCatalog(storeOf(database.db));
  const rows = await database.db.selectFrom('episodes').select('id').orderBy('number').execute();
  await database.close();
  return rows.map((r) => r.id);
}

/** Starts a server process; callers wait for it with waitFor(). Its output is kept for errors. */
function start(command: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.once('exit', (code, signal) => {
    // The app answers SIGTERM by closing gracefully and exiting 0: only another end is news.
    if (signal !== 'SIGTERM' && code !== 0) console.error(`${command.join(' ')} exited (${code ?? signal}):\n${output}`);
  });
  return child;
}

async function load(name: string, url: string, request: Parameters<typeof autocannon>[0]['requests']): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests: request }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: request });
  const failed = result['4xx'] + result['5xx'] + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${name}: ${failed} failed requests (4xx ${result['4xx']}, 5xx ${result['5xx']}, errors ${result.errors})`);
  return result;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const rating = () => String(1 + Math.floor(Math.random() * 10));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'epirank-bench-'));
  const children: ChildProcess[] = [];
  try {
    await preparedDatabase(join(dir, 'app.db'));
    const bareEpisodes = await preparedDatabase(join(dir, 'bare.db'));
    const appPort = 4301;
    const barePort = 4302;
    const app = `http://127.0.0.1:${appPort}`;
    const bare = `http://127.0.0.1:${barePort}`;

    children.push(
      start(['dist/cli.js', 'serve'], {
        DATABASE_URL: join(dir, 'app.db'),
        PORT: String(appPort),
        LOG_LEVEL: 'warn',
        VOTE_LIMIT_PER_VOTER: '0',
        VOTE_LIMIT_PER_IP: '0',
        // Every benchmark vote comes from 127.0.0.1: the per-network rule would hold all but three.
        VOTES_PER_NETWORK: '0',
        DEMO_DATA: 'false',
      }),
    );
    await waitFor(`${app}/healthz`);
    const page = Buffer.from(await (await fetch(`${app}${SEASON_PATH}`)).arrayBuffer());
    const pageBytes = page.length;
    writeFileSync(join(dir, 'page.html'), page);
    children.push(start(['--import', 'tsx', 'bench/bare-server.ts', join(dir, 'bare.db'), join(dir, 'page.html'), String(barePort)], {}));
    await waitFor(`${bare}/page`);

    // Voters with cookies, as returning visitors have them: one first vote each.
    const cookies: string[] = [];
    for (let i = 0; i < VOTERS; i++) {
      const response = await fetch(`${app}${SEASON_PATH}/episodes/${1 + (i % 26)}/rating`, {
        method: 'POST',
        body: new URLSearchParams({ rating: rating() }),
        headers: { 'sec-fetch-site': 'same-origin' },
        redirect: 'manual',
      });
      cookies.push(response.headers.get('set-cookie')!.split(';')[0]!);
    }
    const voterIds = Array.from({ length: VOTERS }, (_, i) => `bench-${i}`);
    const episodeNumbers = Array.from({ length: 26 }, (_, i) => i + 1);

    const results: Record<string, Result> = {};
    results.barePage = await load('bare page', bare, [{ method: 'GET', path: '/page' }]);
    results.barePageAscii = await load('bare page (ascii)', bare, [{ method: 'GET', path: '/page-ascii' }]);
    results.seasonPage = await load('season page', app, [{ method: 'GET', path: SEASON_PATH }]);
    results.bareVote = await load('bare vote', bare, [
      {
        method: 'POST',
        path: '/vote',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (request) => ({
          ...request,
          body: new URLSearchParams({ episode: String(pick(bareEpisodes)), voter: pick(voterIds), rating: rating() }).toString(),
        }),
      },
    ]);
    const voteRequest = (accept: string) => [
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept },
        setupRequest: (request: { headers?: Record<string, string> }) => ({
          ...request,
          path: `${SEASON_PATH}/episodes/${pick(episodeNumbers)}/rating`,
          headers: { ...request.headers, cookie: pick(cookies) },
          body: new URLSearchParams({ rating: rating(), return: SEASON_PATH }).toString(),
        }),
      },
    ];
    results.formVote = await load('vote form', app, voteRequest('text/html'));
    results.scriptVote = await load('vote via script (JSON)', app, voteRequest('application/json'));

    const rps = (r: Result) => r.requests.average;
    const row = (label: string, r: Result) =>
      `${label.padEnd(44)} ${rps(r).toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms`;
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(`\nEpirank benchmark — ${cpus().length} × ${cpu}, Node ${process.version}, SQLite, ${CONNECTIONS} connections, ${SECONDS} s each`);
    console.log(`Season page: ${pageBytes} bytes\n`);
    console.log(row('bare Fastify: the page bytes, static', results.barePage));
    console.log(row('bare Fastify: "x" × page size, static', results.barePageAscii));
    console.log(row('Epirank: season page (visitor without cookie)', results.seasonPage));
    console.log(row('bare Fastify: vote upsert + tally update', results.bareVote));
    console.log(row('Epirank: vote form (no JavaScript, 303)', results.formVote));
    console.log(row('Epirank: vote from the script (JSON + ranking)', results.scriptVote));
    const pageRatio = rps(results.seasonPage) / rps(results.barePage);
    const voteRatio = rps(results.formVote) / rps(results.bareVote);
    const scriptRatio = rps(results.scriptVote) / rps(results.bareVote);
    console.log('');
    const asciiRatio = rps(results.seasonPage) / rps(results.barePageAscii);
    console.log(`season page / bare page:   ${(100 * pageRatio).toFixed(0)} %  (target ≥ 70 %) ${pageRatio >= 0.7 ? 'met' : 'NOT met'}`);
    console.log(
      `season page / bare "x":    ${(100 * asciiRatio).toFixed(0)} %  (the same size in ASCII: a check that the load generator does not read bodies)`,
    );
    console.log(`vote form / bare vote:     ${(100 * voteRatio).toFixed(0)} %  (target ≥ 50 %) ${voteRatio >= 0.5 ? 'met' : 'NOT met'}`);
    console.log(`script vote / bare vote:   ${(100 * scriptRatio).toFixed(0)} %  (no target: also ranks the season)`);

    // Cross-check of the page figures with a load generator written in C, when one is installed.
    const wrk = (url: string) => {
      const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, url], { encoding: 'utf8' });
      return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
    };
    let wrkFound = true;
    try {
      execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    } catch (error) {
      wrkFound = (error as { status?: number }).status === 1; // wrk --version exits 1 after printing
    }
    if (wrkFound) {
      const bytes = wrk(`${bare}/page`);
      const ascii = wrk(`${bare}/page-ascii`);
      const season = wrk(`${app}${SEASON_PATH}`);
      console.log('\nCross-check with wrk:');
      console.log(`  bare page bytes ${bytes.toFixed(0)} req/s, bare "x" string ${ascii.toFixed(0)} req/s, season page ${season.toFixed(0)} req/s`);
      console.log(`  season page / bare page bytes: ${((100 * season) / bytes).toFixed(0)} %; / bare "x" string: ${((100 * season) / ascii).toFixed(0)} %`);
    } else {
      console.log('\n(Install wrk for a cross-check of the page figures with a second load generator.)');
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

await main();
