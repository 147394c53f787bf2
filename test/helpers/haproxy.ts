/**
 * Debian's HAProxy in front of spawned instances, run with the documented configuration
 * (docs/deploy/haproxy.cfg) itself: the file reads its listening address and its three servers'
 * addresses from the environment, so nothing here copies or edits it. HAProxy runs in the
 * foreground (`-db`) as a child process, and its log (servers going DOWN and UP, failed requests)
 * is collected. A missing binary fails with what to install; it never skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './process.js';

// Debian installs it in /usr/sbin, which is not on every user's PATH.
const BINARY = process.env.HAPROXY_PATH ?? (spawnSync('haproxy', ['-v']).error ? '/usr/sbin/haproxy' : 'haproxy');
export const HAPROXY_CONFIG = fileURLToPath(new URL('../../docs/deploy/haproxy.cfg', import.meta.url));

export interface RunningBalancer {
  /** The balancer's own address, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  /** Everything HAProxy logged so far. */
  output(): string;
  /** Resolves once the log contains `text`, failing after a deadline far beyond the expected moment. */
  waitForLog(text: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts HAProxy balancing over three instance ports (the documented file names three servers; pass
 * one port three times to put a single instance behind it) and waits until it answers through them.
 */
export async function startHaproxy(servers: readonly [number, number, number]): Promise<RunningBalancer> {
  const found = spawnSync(BINARY, ['-v'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(`haproxy is needed for this test and was not found (${BINARY}): apt-get install --no-install-recommends haproxy, or set HAPROXY_PATH`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(BINARY, ['-f', HAPROXY_CONFIG, '-db'], {
    env: {
      ...process.env,
      EPIRANK_BIND: `127.0.0.1:${port}`,
      EPIRANK_APP1: `127.0.0.1:${servers[0]}`,
      EPIRANK_APP2: `127.0.0.1:${servers[1]}`,
      EPIRANK_APP3: `127.0.0.1:${servers[2]}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const waitForLog = async (text: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(text)) {
      if (child.exitCode !== null) throw new Error(`haproxy exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`haproxy never logged "${text}":\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };

  // Ready once a health check passes through it to an instance.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited early:\n${output}`);
    const status = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not start answering (last status ${status}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, port, output: () => output, waitForLog, stop };
}
