/**
 * The two databases the scale benchmark serves: the demo catalogue (made fresh each run, it takes
 * a second) and the big catalogue (minutes to build, so kept between runs). On SQLite they are
 * files under tmp/bench-scale/ with a stamp file beside the big one; on PostgreSQL
 * (BENCH_DATABASE_URL) they are databases created next to the one named, the stamp kept as the big
 * database's comment. A stamp that differs (another scale, another BENCH_VERSION), a schema
 * migration the cached database has not seen, or --rebuild builds it again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadDemoCatalog } from '../../src/importers/demo/demo.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { loadConfig } from '../../src/config.js';
import { TopEpisodesRefresher } from '../../src/ranking/top-episodes.refresher.js';
import { parseCatalogFile } from '../../src/importers/catalog-format.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { seedVotes } from './seed-votes.js';
import { catalogChunks, episodesOf, type Shape } from './shape.js';
import { storeOf } from '../../src/repositories.js';

// Raise it whenever the generated catalogue or the seeded votes change, so cached copies are rebuilt.
const BENCH_VERSION = 1;

export interface BenchDatabases {
  dialect: 'sqlite' | 'postgres';
  demoUrl: string;
  bigUrl: string;
  /** Seconds the big database took to build on this run; null when the cached one was used. */
  buildSeconds: number | null;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const stampOf = (shape: Shape) => JSON.stringify({ bench: BENCH_VERSION, ...shape });
const scaleTag = (shape: Shape) => String(shape.scale).replace('.', '_');
/** A database URL fit for a log line: a PostgreSQL password is left out. */
const shown = (url: string) => (url.includes('://') ? Object.assign(new URL(url), { password: '' }).toString() : url);

export async function prepareDatabases(root: string, shape: Shape, rebuild: boolean, postgresUrl: string | undefined): Promise<BenchDatabases> {
  const prepared = await (postgresUrl ? preparePostgres(postgresUrl, shape, rebuild) : prepareSqlite(join(root, 'tmp', 'bench-scale'), shape, rebuild));
  for (const url of [prepared.demoUrl, prepared.bigUrl]) await bringTopListsCurrent(url);
  return prepared;
}

/**
 * Computes the site-wide lists of every show whose rows are behind, as a running site has them:
 * otherwise the server's first sweep would compute all 10,100 shows during the measurement. A
 * cached database only has the shows voted on since its last run to do.
 */
async function bringTopListsCurrent(url: string): Promise<void> {
  const database = openDatabase(url);
  const started = performance.now();
  try {
    const config = loadConfig({});
    const settings = { priorVotes: config.rankPriorVotes, minVotes: config.topMinVotes };
    await new TopEpisodesRefresher(storeOf(database.db), settings, { onError: (error) => log(String(error)) }).sweep();
    log(`Site-wide lists of ${shown(url)} current in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.close();
  }
}

async function prepareSqlite(dir: string, shape: Shape, rebuild: boolean): Promise<BenchDatabases> {
  mkdirSync(dir, { recursive: true });
  const demoUrl = join(dir, 'demo.db');
  const bigUrl = join(dir, `big-${scaleTag(shape)}.db`);
  const stampFile = `${bigUrl}.stamp`;
  const removeSqlite = (path: string) =>
    ['', '-wal', '-shm'].forEach((suffix) => {
      rmSync(path + suffix, { force: true });
    });

  removeSqlite(demoUrl);
  await buildDemo(demoUrl);

  const cached = !rebuild && existsSync(bigUrl) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stampOf(shape);
  if (cached && (await upToDate(bigUrl))) return { dialect: 'sqlite', demoUrl, bigUrl, buildSeconds: null };
  removeSqlite(bigUrl);
  rmSync(stampFile, { force: true });
  const buildSeconds = await buildBig(bigUrl, shape);
  writeFileSync(stampFile, stampOf(shape));
  return { dialect: 'sqlite', demoUrl, bigUrl, buildSeconds };
}

async function preparePostgres(adminUrl: string, shape: Shape, rebuild: boolean): Promise<BenchDatabases> {
  const base = new URL(adminUrl).pathname.slice(1) || 'epirank';
  const urlOf = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const demoName = `${base}_scale_demo`;
  const bigName = `${base}_scale_big_${scaleTag(shape)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const recreate = async (name: string) => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
    };
    await recreate(demoName);
    await buildDemo(urlOf(demoName));

    const found = await admin.query<{ stamp: string | null }>("select shobj_description(oid, 'pg_database') as stamp from pg_database where datname = $1", [
      bigName,
    ]);
    const cached = !rebuild && found.rows[0]?.stamp === stampOf(shape);
    if (cached && (await upToDate(urlOf(bigName)))) return { dialect: 'postgres', demoUrl: urlOf(demoName), bigUrl: urlOf(bigName), buildSeconds: null };
    await recreate(bigName);
    const buildSeconds = await buildBig(urlOf(bigName), shape);
    // The stamp goes on last, so an interrupted build is never taken for a finished one.
    await admin.query(`comment on database "${bigName}" is '${stampOf(shape).replaceAll("'", "''")}'`);
    return { dialect: 'postgres', demoUrl: urlOf(demoName), bigUrl: urlOf(bigName), buildSeconds };
  } finally {
    await admin.end();
  }
}

/** A cached database is used only if it already has every migration of this checkout. */
async function upToDate(url: string): Promise<boolean> {
  const database = openDatabase(url);
  try {
    const { applied } = await migrateToLatest(database.db, database.dialect);
    if (applied.length > 0) log(`The cached big database lacked ${applied.join(', ')}: building it again.`);
    return applied.length === 0;
  } finally {
    await database.close();
  }
}

async function buildDemo(url: string): Promise<void> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    await loadDemoCatalog(storeOf(database.db));
  } finally {
    await database.close();
  }
}

/** Builds the big catalogue through the importer, then seeds the votes; returns the seconds it took. */
async function buildBig(url: string, shape: Shape): Promise<number> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  log(`Building the big catalogue (${episodesOf(shape).toLocaleString('en-US')} episodes) in ${shown(url)}; this is kept for later runs.`);
  const database: DatabaseHandle = openDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    // The demo show too, so one route compares the very same 26-episode season in both catalogues.
    await loadDemoCatalog(storeOf(database.db));
    let imported = 0;
    for (const chunk of catalogChunks(shape)) {
      await importCatalog(storeOf(database.db), parseCatalogFile(chunk.document, `bench:scale ${chunk.label}`));
      imported += chunk.episodes;
      log(`  imported ${chunk.label}: ${imported.toLocaleString('en-US')} episodes, ${seconds()} s`);
    }
    const importSeconds = seconds();
    let shown = 0;
    const votes = await seedVotes(database, url, (done, total) => {
      if (done - shown >= 500_000 || done === total) {
        shown = done;
        log(`  seeded ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} votes, ${seconds()} s`);
      }
    });
    log(
      `Built: ${episodesOf(shape).toLocaleString('en-US')} episodes imported in ${importSeconds} s, ${votes.toLocaleString('en-US')} votes and tallies by ${seconds()} s.`,
    );
  } finally {
    await database.close();
  }
  return (performance.now() - started) / 1000;
}
