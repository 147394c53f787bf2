/**
 * Full-page Chromium screenshots of every page a fan, a visitor and an operator see (the list:
 * scripts/page-list.ts), at a 390×844 phone and a 1280×800 desktop, light and dark, into
 * tmp/page-shots/<name>-<width>-<scheme>.png, for people to look at after a design change.
 *
 * Run with `npm run screenshots:pages` (Chromium at /usr/bin/chromium, or CHROMIUM_PATH). The site is
 * an in-process app on a throwaway SQLite database holding the demo catalogue and two generated
 * shows (scripts/generated-shows.ts), an admin and a fan, the fan's ratings, one held rating, one
 * open flag and the audit entry of the hold, so the admin pages have something to show. A page that
 * answers other than its expected status fails the run, after the others are taken.
 *
 * `-- --lang=ja,es` takes them again in other interface languages (the browser asks for the language,
 * as a visitor's would), into <name>-<width>-<scheme>-<lang>.png; `-- --only=season,episode` takes
 * only the pages of those names.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDemoCatalog } from '../src/importers/demo/demo.js';
import { storeOf } from '../src/repositories.js';
import { episodeIdOf } from '../test/helpers/factories.js';
import { paths } from '../src/shared/paths.js';
import { CHROMIUM_FLAGS, requireChromium } from './chromium.js';
import { hundredEpisodeSeason, importGeneratedShows, thousandEpisodes } from './generated-shows.js';
import { DEMO_SHOW, PAGES, type PageShot, type Viewer } from './page-list.js';

const OUT = fileURLToPath(new URL('../tmp/page-shots/', import.meta.url));
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
const PASSWORD = 'screenshots only password';

/** `--name=a,b` from the command line, or undefined. */
function listOption(name: string): string[] | undefined {
  const given = process.argv.find((argument) => argument.startsWith(`--${name}=`));
  return given
    ?.slice(name.length + 3)
    .split(',')
    .filter(Boolean);
}
const LANGUAGES = listOption('lang') ?? ['en'];
const ONLY = listOption('only');
const SHOTS = ONLY ? PAGES.filter((page) => ONLY.includes(page.name)) : PAGES;
/** The fan votes from this address; the held rating is the one the admin holds by it. */
const FAN_ADDRESS = '192.0.2.7';

/** A port nobody holds now, so PUBLIC_URL (which mailed links need) can name it before the app listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The fan's ratings, through the vote form as a browser posts it. */
async function vote(app: FastifyInstance, cookie: string, season: number, episode: number, rating: number) {
  const response = await app.inject({
    method: 'POST',
    url: `${paths.episode(DEMO_SHOW, season, episode)}/rating`,
    payload: new URLSearchParams({ rating: String(rating) }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie },
    remoteAddress: FAN_ADDRESS,
  });
  if (response.statusCode !== 303) throw new Error(`the fan's vote answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
}

/** An admin and a fan with ratings, one of them held, an open flag and an audit entry; answers each viewer's session token. */
async function populate(app: FastifyInstance, db: Parameters<typeof storeOf>[0]): Promise<Record<Exclude<Viewer, 'visitor'>, string>> {
  const { accounts, bulkModeration } = app.services;
  const { user: adminUser } = await accounts.createAdmin({ email: 'admin@example.org', displayName: 'Ada Admin', password: PASSWORD });
  const fanUser = await accounts.signUp({ email: 'fan@example.org', displayName: 'Fran Fan', password: PASSWORD, ip: FAN_ADDRESS });
  if (!fanUser) throw new Error('the fan could not sign up');
  const adminSession = (await accounts.signInAs(adminUser, null)).sessionToken;
  const fanSession = (await accounts.signInAs(fanUser, null)).sessionToken;
  const fanCookie = `epirank_session=${fanSession}`;
  for (const [episode, rating] of [
    [1, 10],
    [2, 8],
    [3, 3],
    [8, 9],
    [13, 7],
  ] as const)
    await vote(app, fanCookie, 1, episode, rating);
  // Holding the fan's rating of episode 3 writes the audit entry too.
  const selection = { show: DEMO_SHOW, season: '1', episode: '3', address: FAN_ADDRESS };
  const { matched } = await bulkModeration.preview(selection);
  const held = await bulkModeration.apply({ id: adminUser.id, email: adminUser.email }, selection, 'hold', String(matched));
  if (!held.done || held.count !== 1) throw new Error('the rating to hold was not held');
  // The flag is made up (the stuffing check would need a real burst of votes): on episode 13, which the fan rated.
  const flaggedEpisode = await episodeIdOf(db, DEMO_SHOW, 1, 13);
  const now = new Date().toISOString();
  await storeOf(db).read.flags.raise({
    episodeId: flaggedEpisode,
    kind: 'burst',
    windowStart: new Date(Date.now() - 3_600_000).toISOString(),
    now,
    reason: 'Made up for the page screenshots: 40 votes in an hour, 25 of them 10s',
  });
  return { admin: adminSession, fan: fanSession };
}

/** Takes one page at every size and scheme; answers the files written and what went wrong. */
async function shootAll(browser: Browser, base: string, sessions: Record<Exclude<Viewer, 'visitor'>, string>) {
  const written: string[] = [];
  const failures: string[] = [];
  for (const language of LANGUAGES)
    for (const size of SIZES) {
      for (const colorScheme of SCHEMES) {
        const contexts = new Map<Viewer, Awaited<ReturnType<Browser['newContext']>>>();
        for (const viewer of ['visitor', 'fan', 'admin'] as const) {
          const context = await browser.newContext({ viewport: size, colorScheme, deviceScaleFactor: 1, locale: language });
          if (viewer !== 'visitor') await context.addCookies([{ name: 'epirank_session', value: sessions[viewer], url: base }]);
          contexts.set(viewer, context);
        }
        for (const shot of SHOTS) {
          const file = join(OUT, `${shot.name}-${size.width}-${colorScheme}${language === 'en' ? '' : `-${language}`}.png`);
          const failure = await shoot(contexts.get(shot.as)!, base, shot, file);
          if (failure) failures.push(`${shot.name} (${size.width}, ${colorScheme}, ${language}): ${failure}`);
          else written.push(file);
        }
        for (const context of contexts.values()) await context.close();
      }
    }
  return { written, failures };
}

async function shoot(context: Awaited<ReturnType<Browser['newContext']>>, base: string, shot: PageShot, file: string): Promise<string | null> {
  const page = await context.newPage();
  try {
    const response = await page.goto(`${base}${shot.path}`);
    const status = response?.status();
    if (status !== shot.status) return `${shot.path} answered ${status}, expected ${shot.status}`;
    if (shot.typeInSearch) {
      await page.locator('header input[type="search"]').first().pressSequentially(shot.typeInSearch);
      await page.locator('.search-suggestions [role="option"]').first().waitFor();
    }
    await page.screenshot({ path: file, fullPage: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  } finally {
    await page.close();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'epirank-page-shots-'));
  const database = openDatabase(join(dir, 'pages.db'));
  const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_FLAGS });
  try {
    await migrateToLatest(database.db, database.dialect);
    await loadDemoCatalog(storeOf(database.db));
    await importGeneratedShows(database.db, [hundredEpisodeSeason(), thousandEpisodes()]);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Mail set up (to a server nobody needs: no page here sends any) so the mailed links' pages exist;
    // the proof of work and the one-vote-per-network rule off, as the fan votes from one address.
    const config = {
      ...loadConfig({}),
      logLevel: 'silent' as const,
      demoData: false,
      publicUrl: base,
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'Epirank <no-reply@example.org>',
      proofOfWorkDifficulty: 0,
      votesPerNetwork: 0,
      moderationCheckSeconds: 0,
      snapshotCheckSeconds: 0,
    };
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port, host: '127.0.0.1' });
    try {
      const sessions = await populate(app, database.db);
      mkdirSync(OUT, { recursive: true });
      const { written, failures } = await shootAll(browser, base, sessions);
      for (const file of written) process.stdout.write(`${file}\n`);
      process.stdout.write(`${written.length} screenshots of ${SHOTS.length} pages in ${LANGUAGES.join(', ')} in ${OUT}\n`);
      if (failures.length > 0) {
        process.stderr.write(`${failures.length} pages did not answer as expected:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
        return 1;
      }
      return 0;
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
