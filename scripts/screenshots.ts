/**
 * The README's "At a glance" pictures: Chromium screenshots of the heatmap of a 40-season show and
 * of the trend chart and heatmap of a 1000-episode season, saved under docs/images/.
 *
 * Run with `npx tsx scripts/screenshots.ts` (Chromium at /usr/bin/chromium, or CHROMIUM_PATH). The
 * shows are generated here, imported through the catalogue importer with tallies as imported
 * votes, into a throwaway SQLite database served by an in-process app on a free port.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { parseCatalogFile } from '../src/importers/catalog-format.js';
import { importCatalog } from '../src/importers/catalog-import.js';
import { storeOf } from '../src/repositories.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';

const OUT = fileURLToPath(new URL('../docs/images/', import.meta.url));
/** A README picture should stay small enough to load quickly on the repository page. */
const MAX_IMAGE_BYTES = 300 * 1024;

const LONG_SHOW = 'forty-seasons';
const LONG_SEASON_SHOW = 'thousand-nights';

/** A repeatable pseudo-random number in [0, 1) from an integer. */
function noise(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * An imported tally whose average follows `mean` with some scatter; null leaves the episode
 * unrated (the newest episodes, as a running show has them).
 */
function tally(mean: number, seed: number): { count: number; sum: number } {
  const count = 20 + Math.floor(noise(seed) * 80);
  const average = Math.min(10, Math.max(1, mean + (noise(seed + 1) - 0.5) * 1.6));
  return { count, sum: Math.round(average * count) };
}

function episode(number: number, mean: number | null, seed: number) {
  return {
    number,
    title: `Chapter ${number}`,
    airDate: null,
    synopsis: '',
    directors: [],
    watchLinks: [],
    baseline: mean === null ? null : tally(mean, seed),
  };
}

/** Forty seasons of 10 to 26 episodes: a strong start, a slump in the middle, a late revival. */
function fortySeasons() {
  return {
    slug: LONG_SHOW,
    title: 'Forty Seasons',
    synopsis: 'A long-running show generated for the README screenshots.',
    network: 'Example Network',
    status: 'Running',
    lastUpdated: '2026-11-01',
    seasons: Array.from({ length: 40 }, (_, s) => {
      const length = 10 + Math.floor(noise(s * 7) * 17);
      const seasonMean = 8.6 - 2.4 * Math.sin((Math.PI * s) / 39) + (s > 30 ? (s - 30) * 0.12 : 0);
      return {
        number: s + 1,
        episodes: Array.from({ length }, (_, e) => {
          // The last season is still airing: its last few episodes have no votes yet.
          const unrated = s === 39 && e >= length - 4;
          return episode(e + 1, unrated ? null : seasonMean + (e / length - 0.5) * 0.6, s * 1000 + e);
        }),
      };
    }),
  };
}

/** One season of a thousand episodes, slowly declining, with a few unrated at the end. */
function thousandEpisodes() {
  return {
    slug: LONG_SEASON_SHOW,
    title: 'A Thousand Nights',
    synopsis: 'A single 1000-episode season generated for the README screenshots.',
    network: 'Example Network',
    status: 'Running',
    lastUpdated: '2026-11-01',
    seasons: [
      {
        number: 1,
        episodes: Array.from({ length: 1000 }, (_, e) => episode(e + 1, e >= 990 ? null : 8.8 - (e / 1000) * 2 + Math.sin(e / 60) * 0.5, 50_000 + e)),
      },
    ],
  };
}

/** Saves one element of a page as a PNG; `scrollTo` scrolls the heatmap's box sideways first. */
async function shoot(page: Page, url: string, selector: string, file: string, colorScheme: 'light' | 'dark', scrollTo = 0) {
  await page.emulateMedia({ colorScheme });
  await page.goto(url);
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  if (scrollTo > 0) {
    await page.locator('.heatmap-scroll').evaluate((box, left) => {
      box.scrollLeft = left;
    }, scrollTo);
  }
  const path = join(OUT, file);
  await target.screenshot({ path });
  const bytes = statSync(path).size;
  process.stdout.write(`${file}: ${Math.round(bytes / 1024)} KB\n`);
  if (bytes > MAX_IMAGE_BYTES) throw new Error(`${file} is ${bytes} bytes, over ${MAX_IMAGE_BYTES}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'epirank-screenshots-'));
  const database = openDatabase(join(dir, 'screenshots.db'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  try {
    await migrateToLatest(database.db, database.dialect);
    const document = { format: 'epirank-catalog', version: 1, shows: [fortySeasons(), thousandEpisodes()] };
    await importCatalog(storeOf(database.db), parseCatalogFile(document, 'screenshots'));
    const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'silent', demoData: false }, database, logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      mkdirSync(OUT, { recursive: true });
      // Tall enough for the heatmap's box (75% of the window) to hold all forty seasons.
      const page = await browser.newPage({ viewport: { width: 860, height: 1700 }, deviceScaleFactor: 1 });
      await shoot(page, `${base}/shows/${LONG_SHOW}`, 'section#heatmap', 'heatmap-40-seasons.png', 'light');
      await shoot(page, `${base}/shows/${LONG_SHOW}`, 'section.trend-section .trend-frame', 'trend-40-seasons.png', 'light');
      await shoot(page, `${base}/shows/${LONG_SEASON_SHOW}/seasons/1`, 'section.trend-section .trend-frame', 'trend-1000-episodes.png', 'light');
      // Scrolled to the middle of the thousand, where the season column stays in view.
      await shoot(page, `${base}/shows/${LONG_SEASON_SHOW}`, 'section#heatmap', 'heatmap-1000-episodes.png', 'light', 20_000);
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
