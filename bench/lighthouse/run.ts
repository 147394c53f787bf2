/**
 * npm run bench:lighthouse — the scale issue's page-quality check: Lighthouse's mobile run (its
 * default) on the home, show, season and episode pages and the discovery pages (the show browser,
 * the site-wide top list, search results), the demo's home, show, season and episode pages in
 * Japanese and Spanish too, served by `epirank serve` from dist/ on a
 * fresh demo database; on a fresh database of the generated shows (issue 25's 1,000-episode show,
 * 100-episode season and one of their episodes); and, when `npm run bench:scale` has cached one,
 * on a copy of the big SQLite database (a 1000-episode show with 100-episode seasons). Prints the four category scores per
 * page and, under the target, the titles of the audits that cost points. Exits 0 whatever it
 * measured (it is a measurement); exits 1 when Lighthouse cannot run at all. LIGHTHOUSE_RUNS (3)
 * runs each page that many times and reports the run with the median performance score;
 * --demo-only leaves the generated shows and the big database out (a quick run while working on the pages).
 *
 * It drives Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium) through chrome-launcher
 * and never downloads a browser. Needs `npm run build` first (the npm script does it).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, requireChromium } from '../../scripts/chromium.js';
import { HUNDRED_EPISODE_SEASON_SHOW, THOUSAND_EPISODES_SHOW } from '../../scripts/generated-shows.js';
import { paths } from '../../src/shared/paths.js';
import { type LanguageTag, languageAddress, SOURCE_LANGUAGE } from '../../src/i18n/languages.js';
import { MEASURED_SHOW } from '../scale/shape.js';
import { startServer, stopServer, type Server } from '../scale/servers.js';
import { auditPage, CATEGORIES, type PageScores } from './audit.js';
import { copyOfBig, freshDemo, freshGenerated, removeSqlite } from './databases.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK_DIR = join(ROOT, 'tmp', 'bench-lighthouse');
const CACHED_BIG = join(ROOT, 'tmp', 'bench-scale', 'big-1.db');
// The scale issue's target, for every category of every page.
const TARGET = 0.95;
// Runs per page; the median counts (see auditPage).
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const DEMO_SHOW = 'kaleido-star';
const DEMO_ONLY = process.argv.includes('--demo-only');

interface Page {
  label: string;
  path: string;
}

/** A show, its first season and that season's first episode. */
const showPages = (show: { slug: string; episodes: number }, season: { slug: string; episodes: number }): Page[] => [
  { label: `show (${show.episodes} episodes)`, path: paths.show(show.slug) },
  { label: `season (${season.episodes} episodes)`, path: paths.season(season.slug, 1) },
  { label: 'episode', path: paths.episode(season.slug, 1, 1) },
];

/** `searchWord` is a word of many titles, so the results page is a full one. */
const pagesOf = (show: string, seasonEpisodes: number, showEpisodes: number, searchWord: string): Page[] => [
  { label: 'home', path: paths.home() },
  ...showPages({ slug: show, episodes: showEpisodes }, { slug: show, episodes: seasonEpisodes }),
  { label: 'show browser', path: paths.shows() },
  { label: 'top episodes', path: paths.top() },
  { label: 'search form', path: paths.search() },
  { label: `search "${searchWord}"`, path: paths.search(searchWord) },
];

/** Issue 26: the demo's home, show, season and episode pages at their Japanese and Spanish addresses. */
const inOtherLanguages = (show: string): Page[] =>
  ['ja', 'es'].flatMap((language) =>
    [
      { label: 'home', path: paths.home() },
      { label: 'show', path: paths.show(show) },
      { label: 'season', path: paths.season(show, 1) },
      { label: 'episode', path: paths.episode(show, 1, 1) },
    ].map((page) => ({ label: `${page.label} (${language})`, path: languageAddress(page.path, language as LanguageTag, SOURCE_LANGUAGE) })),
  );

/** Issue 25's sizes without bench:scale: the 1,000-episode show, the 100-episode season, an episode of it. */
const GENERATED_PAGES = showPages({ slug: THOUSAND_EPISODES_SHOW, episodes: 1000 }, { slug: HUNDRED_EPISODE_SEASON_SHOW, episodes: 100 });

const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
const shownScore = (score: number | null) => (score === null ? '—' : score < TARGET ? `**${score.toFixed(2)}**` : score.toFixed(2));

async function main(): Promise<void> {
  if (!(Number.isInteger(RUNS) && RUNS >= 1)) throw new Error(`LIGHTHOUSE_RUNS must be a whole number of at least 1, not ${process.env.LIGHTHOUSE_RUNS}`);
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const chromePath = requireChromium();

  const catalogues: { name: string; database: string; pages: Page[] }[] = [
    { name: 'demo', database: await freshDemo(WORK_DIR), pages: [...pagesOf(DEMO_SHOW, 26, 51, 'star'), ...inOtherLanguages(DEMO_SHOW)] },
  ];
  if (!DEMO_ONLY) catalogues.push({ name: 'generated', database: await freshGenerated(WORK_DIR), pages: GENERATED_PAGES });
  log(
    DEMO_ONLY
      ? 'The demo catalogue only (--demo-only).'
      : existsSync(CACHED_BIG)
        ? `Copying ${CACHED_BIG} (a minute for 1.2 GB)…`
        : `No ${CACHED_BIG}: run \`npm run bench:scale\` once to measure the big catalogue too.`,
  );
  const big = DEMO_ONLY ? null : await copyOfBig(CACHED_BIG, WORK_DIR);
  if (big) catalogues.push({ name: 'big', database: big, pages: pagesOf(MEASURED_SHOW, 100, 1000, 'meridian') });

  const userDataDir = mkdtempSync(join(tmpdir(), 'epirank-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', ...CHROMIUM_FLAGS], userDataDir });
  const rows: { catalogue: string; page: Page; result: PageScores }[] = [];
  try {
    for (const catalogue of catalogues) {
      const server: Server = await startServer(ROOT, catalogue.name, catalogue.database);
      try {
        for (const page of catalogue.pages) {
          log(`Lighthouse: ${catalogue.name} ${page.label} (${page.path})…`);
          rows.push({ catalogue: catalogue.name, page, result: await auditPage(server.url + page.path, chrome.port, TARGET, RUNS) });
        }
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
    for (const catalogue of catalogues) removeSqlite(catalogue.database);
  }
  report(rows);
}

function report(rows: { catalogue: string; page: Page; result: PageScores }[]): void {
  const lines = [
    `Lighthouse (mobile), the median of ${RUNS} runs per page; target ${TARGET} in every category:`,
    '',
    `| Page | ${CATEGORIES.join(' | ')} | FCP / LCP | TBT | CLS | bytes |`,
    `| --- |${CATEGORIES.map(() => ' ---: |').join('')} ---: | ---: | ---: | ---: |`,
    ...rows.map(({ catalogue, page, result }) => {
      const { fcp, lcp, tbt, cls } = result.metrics;
      const figures = [
        `${ms(fcp)} / ${ms(lcp)}`,
        ms(tbt),
        cls === null ? '—' : cls.toFixed(3),
        result.transferBytes === null ? '—' : Math.round(result.transferBytes).toLocaleString('en-US'),
      ];
      return `| ${catalogue} ${page.label} | ${CATEGORIES.map((c) => shownScore(result.scores[c])).join(' | ')} | ${figures.join(' | ')} |`;
    }),
    '',
  ];
  for (const { catalogue, page, result } of rows) {
    if (result.runWarning) lines.push(`${catalogue} ${page.label}: Lighthouse says: ${result.runWarning}`);
    for (const [category, audits] of Object.entries(result.failing)) {
      lines.push(`${catalogue} ${page.label}, ${category} under ${TARGET}: ${audits.length ? audits.join('; ') : '(no single audit below 0.9)'}`);
    }
  }
  const under = rows.filter(({ result }) => CATEGORIES.some((c) => (result.scores[c] ?? 0) < TARGET)).length;
  lines.push(under === 0 ? `Every page meets ${TARGET} in every category.` : `${under} of ${rows.length} pages are under ${TARGET} in some category.`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`bench:lighthouse could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
