/**
 * A throwaway PostgreSQL server of a test's own, for tests that stop and restart the database
 * (the shared test server must never be disturbed: other test files and other runs use it). It
 * is built from the Debian server binaries in a temporary directory, listens on 127.0.0.1 on a
 * free port, trusts local connections, and is removed by destroy().
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './process.js';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** A database URL for the `epirank` database on this server. */
  url: string;
  /** `pg_ctl restart -m fast`: sessions are terminated (57P01) and the server comes back. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m fast`: the server is gone until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The server's own log, for failure messages. */
  log(): string;
  /** Stops the server if it runs and deletes its files. */
  destroy(): Promise<void>;
}

/** The newest installed server binaries, or an error that says what to install. */
function serverBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) {
    throw new Error(
      'This test starts its own PostgreSQL server and needs the server binaries in /usr/lib/postgresql/<version>/bin ' +
        '(initdb, pg_ctl, postgres). Install them with `apt-get install postgresql` (CI does).',
    );
  }
  return join(root, newest, 'bin');
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = serverBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'epirank-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  // PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const pgRun = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);

  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const pgCtl = (...args: string[]) => pgRun('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', ...args]);

  await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await pgCtl('-o', options, 'start');
  const url = `postgres://postgres@127.0.0.1:${port}/epirank`;
  await pgRun('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE epirank']);

  let running = true;
  return {
    url,
    async restart() {
      await pgCtl('-m', 'fast', '-o', options, 'restart');
      running = true;
    },
    async stop() {
      await pgCtl('-m', 'fast', 'stop');
      running = false;
    },
    async start() {
      await pgCtl('-o', options, 'start');
      running = true;
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async destroy() {
      if (running) await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
