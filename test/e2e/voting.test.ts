/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const site = useDemoSiteInChromium();

const rankedOrder = (page: Page) =>
  page.locator('ol.ranking article.episode').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-episode'))));

describe('voting without JavaScript', () => {
  it('rates an unrated episode with the form, lands back on it, then withdraws the rating', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}${SEASON}`);
    const unrated = page.locator('ul.unrated li#s1e14');
    await unrated.getByRole('radio', { name: '9' }).check();
    await unrated.getByRole('button', { name: 'Rate' }).click();
    await page.waitForURL(`${site.base}${SEASON}#s1e14`);

    const card = page.locator('ol.ranking article#s1e14');
    await expect(card.locator('.average-value').textContent()).resolves.toBe('9.00');
    await expect(card.locator('.votes').textContent()).resolves.toBe('1 vote');
    await expect(card.getByRole('radio', { name: '9' }).isChecked()).resolves.toBe(true);
    await expect(card.locator('.vote-status').textContent()).resolves.toBe('You rated it 9.');
    expect(await page.locator('ul.unrated').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}vote-no-js.png` });

    await card.getByRole('button', { name: 'Remove my rating' }).click();
    await page.waitForURL(`${site.base}${SEASON}#s1e14`);
    expect(await page.locator('ul.unrated li#s1e14').count()).toBe(1);
    expect(await page.locator('ol.ranking article#s1e14').count()).toBe(0);
    await ctx.close();
  });
});

describe('voting with JavaScript', () => {
  it('updates numbers and rank positions in place, without reloading the page', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    page.setDefaultTimeout(5000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.base}${SEASON}`);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    // Episodes 13 and 26 tie exactly (42 points over 5 votes); one 10 for episode 26 breaks it.
    expect((await rankedOrder(page)).slice(0, 3)).toEqual([1, 13, 26]);
    await expect(page.locator('ol.ranking article#s1e26 .vote-submit').isVisible()).resolves.toBe(false);

    const card = page.locator('ol.ranking article#s1e26');
    await card.getByRole('radio', { name: '10' }).click();
    await expect.poll(() => card.locator('.vote-status').textContent()).toBe('Saved: you rated it 10.');
    await expect(card.locator('.average-value').textContent()).resolves.toBe('8.67');
    await expect(card.locator('.votes').textContent()).resolves.toBe('6 votes');
    await expect(card.locator('.rank').textContent()).resolves.toBe('Rank #2');
    expect((await rankedOrder(page)).slice(0, 3)).toEqual([1, 26, 13]);
    await expect(page.locator('ol.ranking article#s1e13 .rank').textContent()).resolves.toBe('Rank #3');
    await expect(card.getByRole('button', { name: 'Remove my rating' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}vote-js.png` });

    // Changing the vote replaces it: still 6 votes.
    await card.getByRole('radio', { name: '4' }).click();
    await expect.poll(() => card.locator('.vote-status').textContent()).toBe('Saved: you rated it 4.');
    await expect(card.locator('.votes').textContent()).resolves.toBe('6 votes');
    await expect(card.locator('.average-value').textContent()).resolves.toBe('7.67');

    await card.getByRole('button', { name: 'Remove my rating' }).click();
    await expect.poll(() => card.locator('.vote-status').textContent()).toBe('Your rating was removed.');
    await expect(card.locator('.votes').textContent()).resolves.toBe('5 votes');
    expect((await rankedOrder(page)).slice(0, 3)).toEqual([1, 13, 26]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('rates with the keyboard alone and updates the histogram on the episode page', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}${SEASON}/episodes/2`);
    expect(await page.locator('table.histogram').count()).toBe(0);
    await page.getByRole('radio', { name: '6' }).focus();
    await page.keyboard.press('Space');
    // The first vote cast here adds the histogram table: the page redraws itself once.
    await expect.poll(() => page.locator('table.histogram tr[data-rating="6"] .histogram-count').textContent().catch(() => null)).toBe('1');
    await page.getByRole('radio', { name: '6' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.vote-status').textContent()).toBe('Saved: you rated it 8.');
    await expect(page.locator('table.histogram tr[data-rating="8"] .histogram-count').textContent()).resolves.toBe('1');
    await expect(page.locator('table.histogram tr[data-rating="6"] .histogram-count').textContent()).resolves.toBe('0');
    await expect(page.locator('.votes').first().textContent()).resolves.toBe('10 votes');
    await ctx.close();
  });
});
