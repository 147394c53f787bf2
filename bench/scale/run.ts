/**
 * npm run bench:scale — issue 11's measurement: the same routes against a demo database and a big
 * one (10,100 shows, 150,000 episodes, 4.4 million votes), side by side, on one machine with the
 * load generator on the same cores, so the big/demo ratios are what the targets are about:
 * reads ≥ 0.7, votes ≥ 0.5, p99 < 100 ms at 20 connections, /healthz < 100 ms while the heaviest
 * route is loaded, and the big server's peak RSS < 300 MB. Search is measured too, against issue
 * 15's target (p99 < 100 ms at the big size); its ratio is printed but is not one of issue 11's. Ends with `recount --check` on the big
 * database. Exits 0 whatever it measured; each target gets a summary line.
 *
 * Options: --rebuild (build the big database again). Settings: BENCH_SCALE (1; e.g. 0.1 for a
 * quick run), BENCH_SECONDS (5 per route and database), BENCH_CONNECTIONS (20),
 * BENCH_DATABASE_URL (a postgres:// URL to run on PostgreSQL; its role must be able to create
 * databases). Needs `npm run build` first (the npm script does it).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prepareDatabases } from './databases.js';
import { healthWhile, load, sizeOf, type HealthLatency, type Load, type Size, type Target } from './measure.js';
import { MEASURED_SHOW, episodesOf, shapeFor, votesOf } from './shape.js';
import { peakRss, startServer, stopServer, type Server } from './servers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || undefined;
const REBUILD = process.argv.includes('--rebuild');

// The targets of issue 11.
const READ_RATIO = 0.7;
const VOTE_RATIO = 0.5;
const P99_MS = 100;
const HEALTH_MS = 100;
const RSS_BYTES = 300 * 1024 * 1024;

const VOTERS = 200;
const DEMO_SHOW = 'kaleido-star';
const DEMO_SEASON_EPISODES = 26;
const BIG_SEASON_EPISODES = 100;

interface Route {
  label: string;
  /**
   * Reads and votes have issue 11's ratio targets. Search has issue 15's p99 target only: the demo
   * catalogue's answers list one to five results where the big one's list a full page of 20, so
   * its ratio compares different work and is shown for reference.
   */
  kind: 'read' | 'search' | 'vote';
  expected: '2xx' | '3xx';
  demo: Target;
  big: Target;
}

interface Measured {
  route: Route;
  demo: Load;
  big: Load;
  demoSize: Size | null;
  bigSize: Size | null;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const number = (n: number) => Math.round(n).toLocaleString('en-US');

// What a browser sends, so a server that compresses is measured compressing (or serving what it stored compressed).
const PAGE = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip' };
const API = { accept: 'application/json', 'accept-encoding': 'br, gzip' };

const get = (path: string, headers: Record<string, string>): Target => ({ method: 'GET', path: () => path, headers });

function vote(show: string, episodes: number, accept: string, cookies: string[]): Target {
  const season = `/shows/${show}/seasons/1`;
  return {
    method: 'POST',
    path: () => `${season}/episodes/${1 + Math.floor(Math.random() * episodes)}/rating`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept, 'accept-encoding': 'br, gzip' },
    body: () => new URLSearchParams({ rating: String(1 + Math.floor(Math.random() * 10)), return: season, sort: 'score', scope: 'season' }).toString(),
    cookies,
  };
}

/** Voters with cookies, as returning visitors vote: each casts a first vote through the form. */
async function voterCookies(server: Server, show: string, episodes: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < VOTERS; i++) {
    const response = await fetch(`${server.url}/shows/${show}/seasons/1/episodes/${1 + (i % episodes)}/rating`, {
      method: 'POST',
      body: new URLSearchParams({ rating: String(1 + (i % 10)) }),
      headers: { 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (response.status !== 303 || !cookie) throw new Error(`${server.name}: a first vote answered ${response.status} without a voter cookie`);
    cookies.push(cookie);
  }
  return cookies;
}

function routes(demoCookies: string[], bigCookies: string[]): Route[] {
  const read = (label: string, demo: Target, big: Target): Route => ({ label, kind: 'read', expected: '2xx', demo, big });
  const search = (label: string, demo: Target, big: Target): Route => ({ label, kind: 'search', expected: '2xx', demo, big });
  const demoSeason = `/shows/${DEMO_SHOW}/seasons/1`;
  const bigSeason = `/shows/${MEASURED_SHOW}/seasons/1`;
  return [
    read('home page', get('/', PAGE), get('/', PAGE)),
    read('show page (26 vs 1000 episodes)', get(`/shows/${DEMO_SHOW}`, PAGE), get(`/shows/${MEASURED_SHOW}`, PAGE)),
    read('season page (26 vs 100 episodes)', get(demoSeason, PAGE), get(bigSeason, PAGE)),
    read('season page (the same 26 episodes)', get(demoSeason, PAGE), get(demoSeason, PAGE)),
    read('episode page', get(`${demoSeason}/episodes/7`, PAGE), get(`${bigSeason}/episodes/50`, PAGE)),
    read('show list API', get('/api/v1/shows', API), get('/api/v1/shows', API)),
    read('season ranking API (26 vs 100)', get(`/api/v1${demoSeason}/ranking`, API), get(`/api/v1${bigSeason}/ranking`, API)),
    read('show ranking API (26 vs 1000)', get(`/api/v1/shows/${DEMO_SHOW}/ranking`, API), get(`/api/v1/shows/${MEASURED_SHOW}/ranking`, API)),
    // Search (issue 15: under 100 ms p99 at the big size). The big catalogue's titles share twelve
    // words, so each word matches thousands of shows and episodes: the costly case, not a rare one.
    // Repeated words are found once per PAGE_CACHE_SECONDS (SearchService), as a popular search is.
    search('search page (a word)', get('/search?q=kaleido', PAGE), get('/search?q=meridian', PAGE)),
    search('search suggestions API (a prefix)', get('/api/v1/search?perPage=6&q=kalei', API), get('/api/v1/search?perPage=6&q=merid', API)),
    search('search page (a typo)', get('/search?q=kaleidp', PAGE), get('/search?q=meridain', PAGE)),
    search('search page (two words)', get('/search?q=kaleido+star', PAGE), get('/search?q=amber+harbour', PAGE)),
    {
      label: 'vote form (303)',
      kind: 'vote',
      expected: '3xx',
      demo: vote(DEMO_SHOW, DEMO_SEASON_EPISODES, 'text/html', demoCookies),
      big: vote(MEASURED_SHOW, BIG_SEASON_EPISODES, 'text/html', bigCookies),
    },
    {
      label: 'vote from the script (JSON)',
      kind: 'vote',
      expected: '2xx',
      demo: vote(DEMO_SHOW, DEMO_SEASON_EPISODES, 'application/json', demoCookies),
      big: vote(MEASURED_SHOW, BIG_SEASON_EPISODES, 'application/json', bigCookies),
    },
  ];
}

function recountCheck(databaseUrl: string): { clean: boolean; summary: string } {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'recount', '--check'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const lines = `${result.stdout}${result.stderr}`.trim().split('\n');
  const summary = lines.length > 4 ? [...lines.slice(0, 3), '…', lines.at(-1)].join('\n  ') : lines.join('\n  ');
  return { clean: result.status === 0, summary };
}

const p99Text = (l: Load) => (l.rps === 0 ? 'no answer' : `${l.p99} ms`);
const ratioOf = (m: Measured) => (m.demo.rps > 0 ? m.big.rps / m.demo.rps : 0);
const sizeText = (s: Size | null) => (s ? `${number(s.bytes)}${s.compressed !== null ? ` (${s.encoding} ${number(s.compressed)})` : ''}` : '–');

function verdict(m: Measured): string {
  const misses: string[] = [];
  const target = { read: READ_RATIO, vote: VOTE_RATIO, search: null }[m.route.kind];
  if (target !== null && ratioOf(m) < target) misses.push(`ratio < ${target}`);
  // No answer within the run leaves autocannon's p99 at 0, which must not read as fast.
  if (m.big.rps === 0) misses.push('big: no answer within the run');
  else if (m.big.p99 >= P99_MS) misses.push(`big p99 ≥ ${P99_MS} ms`);
  if (m.demo.rps === 0) misses.push('demo: no answer within the run');
  else if (m.demo.p99 >= P99_MS) misses.push(`demo p99 ≥ ${P99_MS} ms`);
  if (m.demo.unexpected > 0) misses.push(`demo answered ${m.demo.unexpectedText}`);
  if (m.big.unexpected > 0) misses.push(`big answered ${m.big.unexpectedText}`);
  return misses.length === 0 ? 'met' : `NOT met: ${misses.join(', ')}`;
}

function table(results: Measured[]): string {
  const header = ['route', 'demo req/s', 'big req/s', 'big/demo', 'demo p99', 'big p99', 'big 1st', 'demo bytes', 'big bytes', 'verdict'];
  const rows = results.map((m) => [
    m.route.label,
    number(m.demo.rps),
    number(m.big.rps),
    ratioOf(m).toFixed(2),
    p99Text(m.demo),
    p99Text(m.big),
    m.bigSize ? `${m.bigSize.firstMs.toFixed(0)} ms` : '–',
    sizeText(m.demoSize),
    sizeText(m.bigSize),
    verdict(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const shape = shapeFor(SCALE);
  const loadAtStart = load1();
  const databases = await prepareDatabases(ROOT, shape, REBUILD, POSTGRES_URL);
  const servers: Server[] = [];
  try {
    const demo = await startServer(ROOT, 'demo', databases.demoUrl);
    servers.push(demo);
    const big = await startServer(ROOT, 'big', databases.bigUrl);
    servers.push(big);
    const demoCookies = await voterCookies(demo, DEMO_SHOW, DEMO_SEASON_EPISODES);
    const bigCookies = await voterCookies(big, MEASURED_SHOW, BIG_SEASON_EPISODES);

    const results: Measured[] = [];
    for (const route of routes(demoCookies, bigCookies)) {
      const sized = route.kind !== 'vote' || route.expected === '2xx';
      const demoSize = sized ? await sizeOf(demo.url, route.demo) : null;
      const bigSize = sized ? await sizeOf(big.url, route.big) : null;
      const demoLoad = await load(demo.url, route.demo, route.expected, CONNECTIONS, SECONDS);
      const bigLoad = await load(big.url, route.big, route.expected, CONNECTIONS, SECONDS);
      const measured: Measured = { route, demo: demoLoad, big: bigLoad, demoSize, bigSize };
      results.push(measured);
      log(`${route.label}: demo ${number(demoLoad.rps)} req/s, big ${number(bigLoad.rps)} req/s (load average ${load1()})`);
    }

    // The heaviest route is the one the big server answers slowest; /healthz is sampled while it is loaded.
    const heaviest = results.reduce((a, b) => (b.big.rps < a.big.rps ? b : a));
    const health: HealthLatency = await healthWhile(ROOT, big.url, SECONDS, () =>
      load(big.url, heaviest.route.big, heaviest.route.expected, CONNECTIONS, SECONDS),
    );
    // The same probe against the demo under the same route: on a machine whose cores the load
    // generator and the probe share with the server, part of any wait is theirs, not the catalogue's.
    const demoHealth: HealthLatency = await healthWhile(ROOT, demo.url, SECONDS, () =>
      load(demo.url, heaviest.route.demo, heaviest.route.expected, CONNECTIONS, SECONDS),
    );
    const bigPeak = peakRss(big);
    const demoPeak = peakRss(demo);
    const loadAtEnd = load1();
    for (const server of servers.splice(0)) await stopServer(server);
    const recount = recountCheck(databases.bigUrl);

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const reads = results.filter((m) => m.route.kind === 'read');
    const votes = results.filter((m) => m.route.kind === 'vote');
    const list = (ms: Measured[], value: (m: Measured) => string) => ms.map((m) => `${m.route.label} ${value(m)}`).join('; ');
    const belowRatio = (ms: Measured[], target: number) => ms.filter((m) => ratioOf(m) < target);
    const slow = results.filter((m) => m.big.p99 >= P99_MS || m.demo.p99 >= P99_MS || m.big.rps === 0 || m.demo.rps === 0);

    console.log(`\nEpirank scale benchmark: ${databases.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, BENCH_SCALE=${shape.scale}`);
    console.log(
      `Big catalogue: ${number(shape.bigShows)} shows of 1,000 episodes + ${number(shape.smallShows)} of 5 + the demo show; ` +
        `${number(episodesOf(shape))} generated episodes, ${number(votesOf(shape))} seeded votes (plus the benchmark's own). ` +
        (databases.buildSeconds === null ? 'Cached from an earlier run.' : `Built in ${databases.buildSeconds.toFixed(0)} s.`),
    );
    console.log(
      `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${CONNECTIONS} connections, ${SECONDS} s per route and database, after 1 s of warm-up`,
    );
    console.log(`Load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAtEnd} at the end (the machine is shared; other work skews the figures)`);
    console.log(
      'Requests send Accept-Encoding: br, gzip as browsers do; sizes are the uncompressed body and, in brackets, what was sent compressed;\n' +
        '"big 1st" is the big server\'s first answer on that route, asked for before the load (its cold cost).\n',
    );
    console.log(table(results));
    console.log(
      '(Search has no ratio target, only p99: the demo finds one to five results where the big catalogue lists 20. Each search row repeats its words,\n' +
        ' which the search service reuses for PAGE_CACHE_SECONDS: the rows measure a popular search; "big 1st" is what the engines cost cold.)',
    );
    console.log(
      `\n/healthz while "${heaviest.route.label}" loads the big server: p99 ${health.p99.toFixed(0)} ms, max ${health.max.toFixed(0)} ms over ${health.samples} requests${health.failures ? `, ${health.failures} failed` : ''}` +
        ` (the demo server under the same route: p99 ${demoHealth.p99.toFixed(0)} ms, max ${demoHealth.max.toFixed(0)} ms over ${demoHealth.samples})`,
    );
    console.log(`Peak RSS: big server ${mb(bigPeak)}, demo server ${mb(demoPeak)}`);
    console.log(`recount --check on the big database (the benchmark's votes included):\n  ${recount.summary}`);

    const met = (ok: boolean) => (ok ? 'met    ' : 'NOT met');
    const slowReads = belowRatio(reads, READ_RATIO);
    const slowVotes = belowRatio(votes, VOTE_RATIO);
    console.log('\nTargets:');
    console.log(
      `  ${met(slowReads.length === 0)}  reads big/demo ≥ ${READ_RATIO}${slowReads.length ? `: ${list(slowReads, (m) => ratioOf(m).toFixed(2))}` : ''}`,
    );
    console.log(
      `  ${met(slowVotes.length === 0)}  votes big/demo ≥ ${VOTE_RATIO}${slowVotes.length ? `: ${list(slowVotes, (m) => ratioOf(m).toFixed(2))}` : ''}`,
    );
    console.log(
      `  ${met(slow.length === 0)}  p99 < ${P99_MS} ms at ${CONNECTIONS} connections${slow.length ? `: ${list(slow, (m) => `${p99Text(m.demo)} / ${p99Text(m.big)}`)}` : ''}`,
    );
    const failed = results.filter((m) => m.big.unexpected + m.demo.unexpected > 0);
    console.log(
      `  ${met(failed.length === 0)}  every answer as expected (2xx, 303 for the form)${failed.length ? `: ${list(failed, (m) => `(demo: ${m.demo.unexpectedText || 'none'}; big: ${m.big.unexpectedText || 'none'})`)}` : ''}`,
    );
    console.log(`  ${met(health.max < HEALTH_MS && health.failures === 0)}  /healthz < ${HEALTH_MS} ms under load (max ${health.max.toFixed(0)} ms)`);
    console.log(`  ${met(bigPeak < RSS_BYTES)}  big server RSS < ${mb(RSS_BYTES)} (peak ${mb(bigPeak)})`);
    console.log(`  ${met(recount.clean)}  recount --check clean after the benchmark's votes`);
  } finally {
    for (const server of servers) await stopServer(server);
  }
}

await main();
