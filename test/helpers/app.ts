import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadDemoCatalog } from '../../src/importers/demo/demo.js';
import { loadConfig, type Config } from '../../src/config.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { storeOf } from '../../src/repositories.js';
import type { Role } from '../../src/db/schema.js';
import { signedInAs } from './accounts.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  // scrypt at 2^10 instead of 2^17: tests create many accounts, and strength is not under test.
  // VOTES_PER_NETWORK off: tests vote many times from one address (inject's 127.0.0.1); the tests
  // of the per-network rule turn it on themselves.
  // The stuffing check and the daily ranking snapshot off too: tests run them by hand at the times they choose.
  // Addresses kept for a century, so the retention worker never forgets the dated votes tests write;
  // its own tests run it with a clock of their choosing.
  // The proof of work off: tests sign up many accounts; the tests of the proof of work turn it on.
  return {
    ...loadConfig({}),
    logLevel: 'silent',
    demoData: false,
    passwordCostLog2: 10,
    votesPerNetwork: 0,
    moderationCheckSeconds: 0,
    snapshotCheckSeconds: 0,
    addressRetentionDays: 36_500,
    proofOfWorkDifficulty: 0,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
}

/**
 * An app on its own fresh database for the whole test file (like the Fastify demo's `build(t)`,
 * but per file, because a database copy costs more than an app). `seed` runs once before the tests.
 */
export function useTestApp(options: { config?: Partial<Config>; seed?: (database: TestDatabase) => Promise<void> } = {}) {
  let current: TestApp | undefined;
  beforeAll(async () => {
    const database = await freshDatabase();
    await options.seed?.(database);
    const app = await buildApp({ config: testConfig(options.config), database: database.handle, logger: false });
    await app.ready();
    current = { app, database };
  });
  afterAll(async () => {
    await current?.app.close();
    await current?.database.drop();
  });
  return {
    get app() {
      if (!current) throw new Error('the test app is only available inside tests');
      return current.app;
    },
    get database() {
      if (!current) throw new Error('the test app is only available inside tests');
      return current.database;
    },
  };
}

/** A seed that loads the demo catalogue (Kaleido Star season 1 with the reference page's tallies, season 2 unvoted). */
export async function seedDemo(database: TestDatabase): Promise<void> {
  await loadDemoCatalog(storeOf(database.handle.db));
}

/**
 * What a browser sends a test app: a GET, a same-origin form POST (a field given several values is
 * sent once per value), each with an optional session cookie, and a new session for a role; and the
 * same form POST sent from another site, as a forged form would arrive (the app must refuse it).
 */
export function browserFor(context: { readonly app: FastifyInstance; readonly database: TestDatabase }) {
  const formFrom =
    (site: 'same-origin' | 'cross-site') =>
    (url: string, fields: Record<string, string | readonly string[]>, cookie = '', remoteAddress = '127.0.0.1') => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) body.append(name, v);
      const headers = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': site, ...(cookie ? { cookie } : {}) };
      return context.app.inject({ method: 'POST', url, payload: body.toString(), headers, remoteAddress });
    };
  return {
    session: (role: Role) => signedInAs(context.app, context.database, role),
    get: (url: string, cookie = '') => context.app.inject({ url, headers: cookie ? { cookie } : {} }),
    post: formFrom('same-origin'),
    crossSitePost: formFrom('cross-site'),
  };
}
