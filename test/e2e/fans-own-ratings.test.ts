/// <reference lib="dom" />
/**
 * Issue 16 walked in one real Chromium context: a fan votes anonymously with the season page's
 * own controls, finds those ratings (with the crowd's average) at /account/ratings, downloads
 * them as CSV, signs up and adds them to the account when asked (issue 24), then imports a Trakt
 * export through the upload form and its preview; then, in a browser of its own, sets a spoiler
 * horizon with the season page's form and sees later episodes masked. Callbacks passed to evaluate() run in the browser, so this file
 * sees DOM types.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const site = useDemoSiteInChromium();

/**
 * A Trakt ratings-episodes.json matched by show title and numbers (the demo catalogue carries no
 * ids): episode 12 rated 10, and an episode 99 the season does not have.
 */
const TRAKT_EXPORT = JSON.stringify([
  {
    rated_at: '2025-03-01T20:00:00.000Z',
    rating: 10,
    type: 'episode',
    episode: { season: 1, number: 12, title: 'A Hot, Amazing, New Production', ids: { trakt: 9012, tvdb: null, imdb: null, tmdb: null } },
    show: { title: 'Kaleido Star', year: 2003, ids: { trakt: 90, slug: 'kaleido-star', tvdb: null, imdb: null, tmdb: null } },
  },
  {
    rated_at: '2025-03-02T20:00:00.000Z',
    rating: 6,
    type: 'episode',
    episode: { season: 1, number: 99, title: 'Not Made', ids: { trakt: 9099, tvdb: null, imdb: null, tmdb: null } },
    show: { title: 'Kaleido Star', year: 2003, ids: { trakt: 90, slug: 'kaleido-star', tvdb: null, imdb: null, tmdb: null } },
  },
]);

/** The /account/ratings table as "S1E10 · title | my rating | fans' average", in episode order. */
async function listedRatings(page: Page): Promise<string[]> {
  const rows = await page
    .locator('table.my-ratings-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
  return rows
    .map(([, episode, mine, average]) => `${episode} | ${mine} | ${average}`)
    .sort((a, b) => Number(/^S1E(\d+)/.exec(a)?.[1]) - Number(/^S1E(\d+)/.exec(b)?.[1]));
}

/** Votes with the season page's controls (JavaScript on): "Rate" opens the card, a number votes. */
async function rate(page: Page, episode: number, rating: number) {
  const card = page.locator(`ol.ranking article#s1e${episode}`);
  await card.getByRole('button', { name: /^Rate / }).click();
  await card.getByRole('button', { name: String(rating), exact: true }).click();
  await expect.poll(() => card.locator('.vote-status').textContent()).toBe(`Saved: you rated it ${rating}.`);
}

describe('a fan’s own ratings in Chromium (issue 16)', () => {
  it('votes anonymously, lists and downloads the ratings, keeps them through sign-up, and imports a Trakt file', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Anonymous votes. Episode 10 has 6 votes summing 48, episode 11 has 4 summing 30.
    await page.goto(`${site.base}${SEASON}`);
    await rate(page, 10, 8);
    await rate(page, 11, 5);

    // The list, reached from the header's link, shows both with the crowd's average counting them.
    await page.locator('header .ratings-link').click();
    await page.waitForURL(`${site.base}/account/ratings`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your ratings');
    await expect(page.locator('.lede').textContent()).resolves.toMatch(/^The episodes rated from this browser\./);
    const anonymousList = ['S1E10 · Facing An Amazing Wall | 8 | 8.00', "S1E11 · Anna's Not So Amazing Father | 5 | 7.00"];
    expect(await listedRatings(page)).toEqual(anonymousList);

    // The page's CSV link downloads the same two ratings.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('epirank-ratings.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...records] = csv.split('\r\n');
    expect(header).toBe('show,season,episode,title,rating,rated_at');
    expect(records.pop()).toBe('');
    expect(records).toHaveLength(2);
    const timestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
    const byEpisode = records.map((line) => line.split(',')).sort((a, b) => Number(a[2]) - Number(b[2]));
    expect(byEpisode.map((fields) => fields.slice(0, 5))).toEqual([
      ['Kaleido Star', '1', '10', 'Facing An Amazing Wall', '8'],
      ['Kaleido Star', '1', '11', "Anna's Not So Amazing Father", '5'],
    ]);
    for (const fields of byEpisode) expect(fields[5]).toMatch(timestamp);

    // Signing up, then in, in the same browser lists the ratings and asks (issue 24); adding them moves them to the account.
    await page.goto(`${site.base}/account/sign-up`);
    await page.getByLabel('E-mail address').fill('sora@example.org');
    await page.getByLabel('Display name').fill('Sora');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    // Sign-up no longer signs in (issue 24): the sign-in page follows.
    await page.waitForURL(`${site.base}/account/sign-in?done=sign-up`);
    await page.getByLabel('E-mail address').fill('sora@example.org');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site.base}/account/join-ratings`);
    await expect(page.locator('table.my-ratings-table tbody tr').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Add them to my account' }).click();
    await page.waitForURL(`${site.base}/account`);
    await page.goto(`${site.base}/account/ratings`);
    await expect(page.locator('.lede').textContent()).resolves.toBe('Every episode you rated, with the fans’ average beside your rating.');
    expect(await listedRatings(page)).toEqual(anonymousList);
    await expect(page.getByRole('link', { name: 'Delete all my ratings' }).count()).resolves.toBe(1);

    // Importing a Trakt export: the page's link, the upload form, the preview, the confirmation.
    await page.getByRole('link', { name: 'Import ratings' }).click();
    await page.waitForURL(`${site.base}/account/ratings/import`);
    await page.getByLabel('Ratings file').setInputFiles({ name: 'ratings-episodes.json', mimeType: 'application/json', buffer: Buffer.from(TRAKT_EXPORT) });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Check before importing');
    await expect(page.locator('.lede').textContent()).resolves.toMatch(/^ratings-episodes\.json is a Trakt/);
    const counts = await page.locator('ul.import-counts li').allTextContents();
    expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      '1 rating matches an episode here',
      '0 differ from your rating here',
      '1 found no episode',
    ]);
    const matched = page.locator('table.import-matched tbody tr');
    expect(await matched.count()).toBe(1);
    await expect(matched.locator('td').nth(1).textContent()).resolves.toBe('10');
    await expect(matched.locator('td').nth(2).textContent()).resolves.toBe('Kaleido Star S1E12 “A Hot, Amazing, New Production”');
    const unmatched = page.locator('table.import-unmatched tbody tr');
    expect(await unmatched.count()).toBe(1);
    await expect(unmatched.locator('td').first().textContent()).resolves.toMatch(/^Kaleido Star S1E99/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}ratings-import-preview.png` });

    // Until it is confirmed, the preview has saved nothing: another tab still lists two ratings.
    const otherTab = await ctx.newPage();
    await otherTab.goto(`${site.base}/account/ratings`);
    expect(await listedRatings(otherTab)).toEqual(anonymousList);
    await otherTab.close();

    await page.getByRole('button', { name: 'Import 1 rating' }).click();
    await page.waitForURL(`${site.base}/account/ratings`);
    // Episode 12 had 5 votes summing 40: the imported 10 counts like any other vote.
    expect(await listedRatings(page)).toEqual([...anonymousList, 'S1E12 · A Hot, Amazing, New Production | 10 | 8.33']);
    await page.screenshot({ path: `${SCREENSHOT_DIR}my-ratings-after-import.png` });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('sets a spoiler horizon on the season page and sees later episodes masked, there and on their pages', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cards = page.locator('ol.ranking article.episode');
    /** The season's episode numbers in ranking order, shown or masked. */
    const episodesWhere = async (masked: boolean) =>
      (await cards.evaluateAll((articles) => articles.map((a) => [Number(a.getAttribute('data-episode')), a.classList.contains('masked-episode')] as const)))
        .filter(([, isMasked]) => isMasked === masked)
        .map(([episode]) => episode)
        .sort((a, b) => a - b);
    // Episode 14 has no votes: it is listed under "Not yet rated", not in the ranking.
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((e) => e !== 14);
    const unrated = page.locator('ul.unrated li#s1e14');

    // "Watched up to S1E5" with the season page's own form.
    await page.goto(`${site.base}${SEASON}`);
    // The form waits in the closed "Spoiler settings" disclosure (issue 25: out of the ranking's way).
    await page.getByText('Spoiler settings', { exact: true }).click();
    const form = page.locator('form.horizon-form');
    // Issue 25: the form is a picker of the show's episodes, not two number boxes.
    await form.getByLabel('Watched up to').selectOption('1x5');
    await form.getByRole('button', { name: 'Hide spoilers after this' }).click();
    await page.waitForURL(`${site.base}${SEASON}?upto=1x5`);
    await expect(page.locator('.horizon-banner p').textContent()).resolves.toBe('Spoilers hidden after S1E5');
    expect(await episodesWhere(false)).toEqual(range(1, 5));
    expect(await episodesWhere(true)).toEqual(range(6, 26));
    for (const text of await page.locator('ol.ranking .masked-episode .masked').allTextContents()) expect(text).toMatch(/^S1E\d+ · Hidden: after S1E5$/);
    await expect(unrated.textContent()).resolves.toBe('S1E14 · Hidden: after S1E5');
    await expect(page.getByText('A Hot, Amazing, New Production').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}spoiler-horizon-season.png` });

    // The plain address now brings the cookie's horizon back.
    await page.goto(`${site.base}${SEASON}`);
    await page.waitForURL(`${site.base}${SEASON}?upto=1x5`);

    // Episode 5, the last one watched, opens from the list in full; the next one is masked on its page.
    await page.locator('ol.ranking article#s1e5 .episode-title a').click();
    await page.waitForURL(`${site.base}${SEASON}/episodes/5?upto=1x5`);
    await expect(page.locator('h1').textContent()).resolves.toBe('My Amazingly Distant Family');
    await expect(page.locator('a[rel=next]').textContent()).resolves.toBe('Next: S1 E6');
    await page.locator('a[rel=next]').click();
    await page.waitForURL(`${site.base}${SEASON}/episodes/6?upto=1x5`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Season 1, episode 6');
    await expect(page.locator('.masked').textContent()).resolves.toBe('S1E6 · Hidden: after S1E5');
    await expect(page.title()).resolves.not.toContain('The Amazing Seal');
    await expect(page.getByText('The Amazing Seal').count()).resolves.toBe(0);
    await expect(page.locator('form.vote-form').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}spoiler-horizon-episode.png` });

    // "Show everything" forgets the horizon: the episode and then the whole season are back in full.
    await page.getByRole('button', { name: 'Show everything' }).click();
    await page.waitForURL(`${site.base}${SEASON}/episodes/6`);
    await expect(page.locator('h1').textContent()).resolves.toBe('The Amazing Seal');
    await page.goto(`${site.base}${SEASON}`);
    expect(page.url()).toBe(`${site.base}${SEASON}`);
    expect(await episodesWhere(true)).toEqual([]);
    expect(await episodesWhere(false)).toEqual(range(1, 26));
    await expect(page.locator('ol.ranking article#s1e12 .episode-title').textContent()).resolves.toBe('A Hot, Amazing, New Production');
    await expect(unrated.locator('a').textContent()).resolves.toBe('Episode 14');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
