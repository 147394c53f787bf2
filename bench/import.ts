/**
 * npm run bench:import — generates a catalogue of 100,000 episodes (100 shows × 10 seasons × 100
 * episodes, with directors, watch links and baselines), imports it into an empty database, imports
 * it again (every record matched, nothing changed), and reports both rates.
 * BENCH_DATABASE_URL picks the database (default: a new SQLite file); BENCH_EPISODES the size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { CatalogFile } from '../src/importers/catalog-format.js';
import { importCatalog } from '../src/importers/catalog-import.js';
import { describeImport, ImportProgress } from '../src/importers/import-report.js';
import { readCatalogSource } from '../src/importers/read-catalog.js';
import { storeOf } from '../src/repositories.js';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 100_000);
const PER_SEASON = 100;
const SEASONS = 10;

function generate(): CatalogFile {
  const shows = Math.ceil(EPISODES / (PER_SEASON * SEASONS));
  let left = EPISODES;
  const file: CatalogFile = { format: 'epirank-catalog', version: 1, shows: [] };
  for (let s = 1; s <= shows && left > 0; s++) {
    const seasons = [];
    for (let n = 1; n <= SEASONS && left > 0; n++) {
      const episodes = [];
      for (let e = 1; e <= PER_SEASON && left > 0; e++, left--) {
        episodes.push({
          number: e,
          title: `Generated episode ${s}.${n}.${e}`,
          airDate: `20${String(10 + (n % 10)).padStart(2, '0')}-0${1 + (e % 9)}-1${e % 10}`,
          synopsis: e % 3 === 0 ? null : `Synopsis of generated episode ${e} of season ${n}.`,
          directors: e % 2 === 0 ? ['Generated Director'] : [],
          watchLinks: [{ provider: 'Example TV', url: `https://tv.example/show-${s}/${n}/${e}` }],
          baseline: { count: 10 + (e % 7), sum: (10 + (e % 7)) * (5 + (e % 5)) },
        });
      }
      seasons.push({ number: n, episodes });
    }
    file.shows.push({
      slug: `generated-show-${s}`,
      title: `Generated Show ${s}`,
      synopsis: 'A show generated for the import benchmark.',
      network: 'Bench Network',
      status: 'Running',
      lastUpdated: '2026-01-01',
      seasons,
    });
  }
  return file;
}

const dir = mkdtempSync(join(tmpdir(), 'epirank-import-bench-'));
try {
  const path = join(dir, 'generated.json');
  writeFileSync(path, JSON.stringify(generate()));
  const url = process.env.BENCH_DATABASE_URL ?? join(dir, 'bench.db');
  const database = openDatabase(url);
  await migrateToLatest(database.db, database.dialect);
  for (const label of ['first import', 'same file again']) {
    const started = performance.now();
    const file = readCatalogSource(path);
    const progress = new ImportProgress(process.stderr);
    const summary = await importCatalog(storeOf(database.db), file, { onEpisode: (done, total) => progress.update(done, total) });
    progress.finish();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\n${label}: ${EPISODES.toLocaleString('en-US')} episodes in ${seconds.toFixed(1)} s = ${Math.round(EPISODES / seconds).toLocaleString('en-US')} episodes/s (${database.dialect}, reading and validating the file included)`,
    );
    console.log(describeImport(summary));
  }
  await database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
