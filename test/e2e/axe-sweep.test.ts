/**
 * axe, light and dark, on the demo's public pages and on pages at scale: a show with a 100-episode
 * season and a 1,000-episode show (scripts/generated-shows.ts, as the page screenshots have them).
 * Zero violations is the bar (issue 25). The season page with a card's rating buttons open is swept
 * by season-page.test.ts. The pages are the page screenshots' own (scripts/page-list.ts),
 * by name, so both look at the same addresses. The home, season, episode and sign-in pages are
 * swept again in Japanese and Spanish (issue 26): other words, other lengths, `lang` on every
 * title in another language.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hundredEpisodeSeason, importGeneratedShows, thousandEpisodes } from '../../scripts/generated-shows.js';
import { PAGES } from '../../scripts/page-list.js';
import { seedDemo } from '../helpers/app.js';
import { useDemoSiteInChromium } from '../helpers/browser.js';
import type { TestDatabase } from '../helpers/database.js';

const site = useDemoSiteInChromium({}, async (database: TestDatabase) => {
  await seedDemo(database);
  await importGeneratedShows(database.handle.db, [hundredEpisodeSeason(), thousandEpisodes()]);
});

/** The public pages swept; the mailed links' pages need mail set up, and the signed-in ones a session. */
const SWEPT = [
  'home',
  'shows',
  'top',
  'search-results',
  'show',
  'show-heatmap-average',
  'season',
  'episode',
  'embed-heatmap',
  'embed-season',
  'api-docs',
  'sign-in',
  'sign-up',
  'error-404',
  'error-400',
  'season-100',
  'show-1000',
];

/** Issue 26: the pages a visitor meets first, again at their Japanese and Spanish addresses. */
const IN_OTHER_LANGUAGES = ['home', 'season', 'episode', 'sign-in'];
const LANGUAGES = ['ja', 'es'];

const pages = SWEPT.map((name) => {
  const page = PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`no page named ${name} in scripts/page-list.ts`);
  return page;
});

/** What a dark page can break that a light one does not: the dark scheme changes colours only (site.css). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

const violationsOf = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('axe on the public pages and on pages at scale', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await site.browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await context.close();
  });

  // Every rule in light; then the same page in dark with the colour rules, which keeps the sweep of a
  // 1,000-episode page to one load and one full run.
  const inLanguages = LANGUAGES.flatMap((language) =>
    pages
      .filter((page) => IN_OTHER_LANGUAGES.includes(page.name))
      .map((page) => [`${page.name} (${language})`, { ...page, path: `${page.path}${page.path.includes('?') ? '&' : '?'}lang=${language}` }] as const),
  );
  it.each([...pages.map((page) => [page.name, page] as const), ...inLanguages])(
    'finds no violations on %s, light and dark',
    async (_name, shot) => {
      const page = await context.newPage();
      const response = await page.goto(`${site.base}${shot.path}`);
      expect(response?.status()).toBe(shot.status);
      const light = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
      await page.emulateMedia({ colorScheme: 'dark' });
      // The colour transitions the switch starts run out first: a rating button still fading from its
      // light background once failed the contrast check.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      const dark = await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze();
      await page.close();
      expect({ light: violationsOf(light), dark: violationsOf(dark) }).toEqual({ light: [], dark: [] });
      // axe reads every one of a 1,000-episode page's heatmap cells and chart points: a minute when the machine is shared.
    },
    300_000,
  );
});
