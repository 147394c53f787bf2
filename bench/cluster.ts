/**
 * `npm run bench:cluster`: votes and page reads per second through HAProxy (the documented
 * docs/deploy/haproxy.cfg) in front of one and then three `epirank serve` processes from dist/ on
 * one PostgreSQL database, each without and with REDIS_URL, and what Redis costs a vote.
 *
 * PostgreSQL comes from BENCH_DATABASE_URL, else TEST_DATABASE_URL (its role must be able to
 * create databases: the benchmark works in a database of its own, `<name>_cluster_bench`, dropped
 * at the end). BENCH_SECONDS (5) and BENCH_CONNECTIONS (20) shape each measurement. Everything runs
 * on this machine, load generator included, so three instances share the cores one had: the
 * figures say what a balancer and Redis cost, not how far more machines would scale.
 *
 * Vote limits stay on (set far above what the load reaches) so every vote is counted against them
 * as in production: locally without Redis, in Redis with it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startHaproxy, type RunningBalancer } from '../test/helpers/haproxy.js';
import { startRedis, type TestRedis } from '../test/helpers/redis-server.js';
import { load, type Load, type Target } from './scale/measure.js';
import { freePort } from './scale/servers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const VOTERS = 500;
const SEASON = '/shows/kaleido-star/seasons/1';
const EPISODES = 26;
const HIGH_LIMIT = '1000000';

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function cli(args: string[], databaseUrl: string): string {
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  return `${run.stdout}${run.stderr}`.trim();
}

interface Instance {
  port: number;
  child: ChildProcess;
}

async function startInstance(databaseUrl: string, redisUrl: string | null): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      TRUST_PROXY: '127.0.0.1',
      KEEP_ALIVE_SECONDS: '65',
      VOTE_LIMIT_PER_IP: HIGH_LIMIT,
      VOTE_LIMIT_PER_VOTER: HIGH_LIMIT,
      VOTES_PER_NETWORK: '0',
      ...(redisUrl ? { REDIS_URL: redisUrl } : { REDIS_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`an instance exited with ${child.exitCode} before answering`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { port, child };
    if (i > 600) throw new Error('an instance did not answer within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

/** Returning voters: each casts a first vote through the balancer and keeps its cookie. */
async function voterCookies(balancer: RunningBalancer): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < VOTERS; i++) {
    const response = await fetch(`${balancer.url}${SEASON}/episodes/${1 + (i % EPISODES)}/rating`, {
      method: 'POST',
      body: new URLSearchParams({ rating: String(1 + (i % 10)) }),
      headers: { 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (response.status !== 303 || !cookie) throw new Error(`a first vote answered ${response.status} without a voter cookie`);
    cookies.push(cookie);
  }
  return cookies;
}

const votes = (cookies: string[]): Target => ({
  method: 'POST',
  path: () => `${SEASON}/episodes/${1 + Math.floor(Math.random() * EPISODES)}/rating`,
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept: 'text/html', 'accept-encoding': 'br, gzip' },
  body: () => new URLSearchParams({ rating: String(1 + Math.floor(Math.random() * 10)) }).toString(),
  cookies,
});

const page: Target = { method: 'GET', path: () => SEASON, headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } };

interface Row {
  label: string;
  votes: Load;
  page: Load;
  /** Redis commands per vote while votes were loaded; null without Redis. */
  redisPerVote: number | null;
}

async function commandsProcessed(redis: TestRedis): Promise<number> {
  const client = redis.client();
  try {
    return Number(/total_commands_processed:(\d+)/.exec(await client.info('stats'))![1]);
  } finally {
    client.disconnect();
  }
}

async function measure(databaseUrl: string, size: 1 | 3, redis: TestRedis | null): Promise<Row> {
  const instances = await Promise.all(Array.from({ length: size }, () => startInstance(databaseUrl, redis?.url ?? null)));
  const ports = instances.map((instance) => instance.port);
  const balancer = await startHaproxy(size === 1 ? [ports[0]!, ports[0]!, ports[0]!] : [ports[0]!, ports[1]!, ports[2]!]);
  try {
    const cookies = await voterCookies(balancer);
    const before = redis ? await commandsProcessed(redis) : 0;
    const voteLoad = await load(balancer.url, votes(cookies), '3xx', CONNECTIONS, SECONDS);
    // The warm-up second counts too: autocannon reports no total for it, so count from the measured rate.
    const commands = redis ? (await commandsProcessed(redis)) - before : 0;
    const votesSent = voteLoad.rps * (SECONDS + 1);
    const pageLoad = await load(balancer.url, page, '2xx', CONNECTIONS, SECONDS);
    return {
      label: `${size} instance${size === 1 ? '' : 's'}, ${redis ? 'with' : 'without'} Redis`,
      votes: voteLoad,
      page: pageLoad,
      redisPerVote: redis ? commands / votesSent : null,
    };
  } finally {
    await balancer.stop();
    await Promise.all(instances.map(stopInstance));
  }
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const problems = (l: Load) => (l.unexpected > 0 ? ` (${l.unexpectedText})` : '');

async function main(): Promise<void> {
  if (!SERVER_URL?.startsWith('postgres')) {
    console.error('bench:cluster runs on PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a postgres:// URL whose role may create databases.');
    process.exit(2);
  }
  const name = `${new URL(SERVER_URL).pathname.slice(1) || 'epirank'}_cluster_bench`;
  const databaseUrl = withDatabase(SERVER_URL, name);
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average at start ${loadAverage()}`);
  console.log(`${SECONDS} s per measurement after 1 s of warm-up, ${CONNECTIONS} connections, ${VOTERS} returning voters per configuration\n`);

  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const redis = await startRedis();
  const rows: Row[] = [];
  try {
    console.log(cli(['demo'], databaseUrl));
    for (const size of [1, 3] as const) {
      for (const shared of [null, redis]) {
        const row = await measure(databaseUrl, size, shared);
        rows.push(row);
        console.log(`measured: ${row.label} (load average ${loadAverage()})`);
      }
    }
    console.log('\n| Configuration | votes/s | vote p99 | season page/s | page p99 |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(
        `| ${row.label} | ${format(row.votes.rps)}${problems(row.votes)} | ${row.votes.p99} ms | ${format(row.page.rps)}${problems(row.page)} | ${row.page.p99} ms |`,
      );
    }
    const [alone, shared] = rows;
    const slower = 1 - shared!.votes.rps / alone!.votes.rps;
    // At full load the whole set-up finishes one vote every 1/rps seconds: the difference is Redis's share.
    const perVote = (rps: number) => (1e6 / rps).toFixed(0);
    console.log(
      `\nRedis's cost per vote on one instance: ${(slower * 100).toFixed(1)} % fewer votes/s ` +
        `(one vote per ${perVote(alone!.votes.rps)} µs without Redis, per ${perVote(shared!.votes.rps)} µs with it), ` +
        `${shared!.redisPerVote!.toFixed(1)} Redis commands per vote.`,
    );
    console.log(`recount --check: ${cli(['recount', '--check'], databaseUrl)}`);
    console.log(`Load average at the end: ${loadAverage()}`);
  } finally {
    await redis.stop();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
