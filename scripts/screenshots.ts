/**
 * The README's "At a glance" pictures: Chromium screenshots of the heatmap of a 40-season show and
 * of the trend chart and heatmap of a 1000-episode season, saved under docs/images/.
 *
 * Run with `npx tsx scripts/screenshots.ts` (Chromium at /usr/bin/chromium, or CHROMIUM_PATH). The
 * shows are generated (scripts/generated-shows.ts), imported through the catalogue importer with tallies as imported
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
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';
import { FORTY_SEASONS_SHOW, fortySeasons, importGeneratedShows, THOUSAND_EPISODES_SHOW, thousandEpisodes } from './generated-shows.js';

const OUT = fileURLToPath(new URL('../docs/images/', import.meta.url));
/** A README picture should stay small enough to load quickly on the repository page. */
const MAX_IMAGE_BYTES = 300 * 1024;

const LONG_SHOW = FORTY_SEASONS_SHOW;
const LONG_SEASON_SHOW = THOUSAND_EPISODES_SHOW;

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
    await importGeneratedShows(database.db, [fortySeasons(), thousandEpisodes()]);
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
