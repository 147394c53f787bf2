/**
 * A real Redis for the tests that share limits and cache drops between instances: Debian's
 * `redis-server` run as a plain child process on a free port, keeping nothing on disk. It can be
 * killed and started again on the same port to play an outage. A missing binary fails the test with
 * what to install; it never skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './process.js';

const BINARY = process.env.REDIS_SERVER_PATH ?? 'redis-server';

export interface TestRedis {
  url: string;
  port: number;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** A short-lived client for looking inside. */
  client(): Redis;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const found = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(`redis-server is needed for this test and was not found (${BINARY}): apt-get install redis-server, or set REDIS_SERVER_PATH`);
  }
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async () => {
    const started = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    started.stdout!.on('data', (chunk) => (output += chunk));
    started.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 10_000;
    while (!output.includes('Ready to accept connections')) {
      if (started.exitCode !== null) throw new Error(`redis-server exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child = started;
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    kill,
    restart: launch,
    client: () => new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 }),
    stop: kill,
  };
}
