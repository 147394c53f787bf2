/**
 * `epirank serve` processes from dist/ for the scale benchmark: one per database, with the
 * settings a measurement needs (warn-level logs, every vote limit off), and their memory as the
 * kernel reports it (/proc/PID/status).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Server {
  name: string;
  url: string;
  process: ChildProcess;
  /** Highest resident set seen by sampling, in bytes (a fallback where VmHWM is missing). */
  sampledPeakRss: number;
  /** Set once the benchmark asks it to stop, so that exit is not reported as a crash. */
  stopping: boolean;
}

// Vote limits would turn most benchmark votes into 429s, and the per-network rule would hold all but
// three ratings of each episode from the load generator's one address: the benchmark measures the
// cost of counting votes, so both are off (VOTES_PER_NETWORK=0), as issue 12 asks of load tests.
const MEASUREMENT_ENV = {
  LOG_LEVEL: 'warn',
  VOTE_LIMIT_PER_VOTER: '0',
  VOTE_LIMIT_PER_IP: '0',
  VOTES_PER_NETWORK: '0',
  // The daily ranking snapshot walks every show once at start-up: not what a request costs.
  SNAPSHOT_CHECK_SECONDS: '0',
  DEMO_DATA: 'false',
  HOST: '127.0.0.1',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(root: string, name: string, databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    cwd: root,
    env: { ...process.env, ...MEASUREMENT_ENV, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const server: Server = { name, url: `http://127.0.0.1:${port}`, process: child, sampledPeakRss: 0, stopping: false };
  child.once('exit', (code, signal) => {
    if (!server.stopping) console.error(`The ${name} server exited (${code ?? signal}):\n${output}`);
  });
  await waitFor(`${server.url}/healthz`, child);
  const sampler = setInterval(() => {
    server.sampledPeakRss = Math.max(server.sampledPeakRss, memoryOf(child.pid!).rss ?? 0);
  }, 250);
  sampler.unref();
  child.once('exit', () => clearInterval(sampler));
  return server;
}

/** Resident set now and its peak since start (VmRSS, VmHWM), in bytes; null where /proc is missing. */
export function memoryOf(pid: number): { rss: number | null; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? Number(match[1]) * 1024 : null;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: null, peak: null };
  }
}

export function peakRss(server: Server): number {
  return memoryOf(server.process.pid!).peak ?? server.sampledPeakRss;
}

export async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.stopping = true;
  server.process.kill('SIGTERM');
  await exited;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  // A big SQLite file or a PostgreSQL database may take a while to open and migrate.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server for ${url} exited before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within a minute`);
}
