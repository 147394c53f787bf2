/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const site = useDemoSiteInChromium();

const rankedOrder = (page: Page) => page.locator('ol.ranking article.episode').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-episode'))));

describe('voting without JavaScript', () => {
  it('rates an unrated episode with the form, lands back on it, then withdraws the rating', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}${SEASON}`);
    // "Rate" reloads the page with that card's rating buttons open; one press of a number votes.
    await page.locator('ul.unrated li#s1e14').getByRole('link', { name: 'Rate Episode 14' }).click();
    await page.waitForURL(`${site.base}${SEASON}?rate=s1e14#s1e14`);
    await page.locator('ul.unrated li#s1e14').getByRole('button', { name: '9', exact: true }).click();
    await page.waitForURL(`${site.base}${SEASON}#s1e14`);

    const card = page.locator('ol.ranking article#s1e14');
    await expect(card.locator('.average-value').textContent()).resolves.toBe('9.00');
    await expect(card.locator('.votes').textContent()).resolves.toBe('1 vote');
    await expect(card.locator('a.vote-open').textContent()).resolves.toBe('Your rating: 9');
    expect(await page.locator('ul.unrated').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}vote-no-js.png` });

    await card.getByRole('link', { name: /^Your rating: 9, change/ }).click();
    await page.waitForURL(`${site.base}${SEASON}?rate=s1e14#s1e14`);
    await expect(card.getByRole('button', { name: '9', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(card.locator('.vote-status').textContent()).resolves.toBe('You rated it 9.');
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

    // "Rate" opens the card's rating buttons in place, without loading a page.
    const card = page.locator('ol.ranking article#s1e26');
    const opener = card.getByRole('button', { name: /^Rate / });
    await expect(opener.getAttribute('aria-expanded')).resolves.toBe('false');
    await opener.click();
    await expect(opener.getAttribute('aria-expanded')).resolves.toBe('true');
    await card.getByRole('button', { name: '10', exact: true }).click();
    await expect.poll(() => card.locator('.vote-status').textContent()).toBe('Saved: you rated it 10.');
    await expect(card.locator('.average-value').textContent()).resolves.toBe('8.67');
    await expect(card.locator('.votes').textContent()).resolves.toBe('6 votes');
    await expect(card.locator('.rank').textContent()).resolves.toBe('Rank #2');
    expect((await rankedOrder(page)).slice(0, 3)).toEqual([1, 26, 13]);
    await expect(page.locator('ol.ranking article#s1e13 .rank').textContent()).resolves.toBe('Rank #3');
    await expect(card.getByRole('button', { name: 'Remove my rating' }).isVisible()).resolves.toBe(true);
    await expect(card.getByRole('button', { name: '10', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(card.locator('.vote-open').textContent()).resolves.toBe('Your rating: 10');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}vote-js.png` });

    // Changing the vote replaces it: still 6 votes.
    await card.getByRole('button', { name: '4', exact: true }).click();
    await expect.poll(() => card.locator('.vote-status').textContent()).toBe('Saved: you rated it 4.');
    await expect(card.locator('[aria-pressed="true"]').textContent()).resolves.toBe('4');
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
    // The episode page shows its rating buttons open.
    await page.getByRole('button', { name: '6', exact: true }).focus();
    await page.keyboard.press('Space');
    // The first vote cast here adds the histogram table: the page redraws itself once.
    await expect
      .poll(() =>
        page
          .locator('table.histogram tr[data-rating="6"] .histogram-count')
          .textContent()
          .catch(() => null),
      )
      .toBe('1');
    await page.getByRole('button', { name: '6', exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.vote-status').textContent()).toBe('Saved: you rated it 8.');
    await expect(page.locator('table.histogram tr[data-rating="8"] .histogram-count').textContent()).resolves.toBe('1');
    await expect(page.locator('table.histogram tr[data-rating="6"] .histogram-count').textContent()).resolves.toBe('0');
    await expect(page.locator('.votes').first().textContent()).resolves.toBe('10 votes');
    await ctx.close();
  });
});

describe('voting with JavaScript far down a ranking', () => {
  /** The card's distance from the top of the viewport, and the page's scroll position. */
  const where = (page: Page, id: string) =>
    page.evaluate((cardId) => ({ top: document.getElementById(cardId)!.getBoundingClientRect().top, scrollY: window.scrollY }), id);
  const rankOf = async (page: Page, id: string) => Number(await page.locator(`ol.ranking article#${id}`).getAttribute('data-rank'));

  it('keeps the voted card where it is on screen, whether its rank changes or not', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(5000);
    // By average, the 12th card is episode 10: 6 votes summing 48, exactly 8.00.
    await page.goto(`${site.base}${SEASON}?sort=average`);
    const twelfth = page.locator('ol.ranking > li').nth(11).locator('article.episode');
    const id = (await twelfth.getAttribute('id'))!;
    await twelfth.evaluate((card) => card.scrollIntoView({ block: 'center' }));
    const card = page.locator(`ol.ranking article#${id}`);
    // Opened with the keyboard: Enter on "Rate", then Tab to the first number.
    await card.getByRole('button', { name: /^Rate / }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('1');
    const start = await where(page, id);
    // Far enough down that the page has scrolled a screen (compact rows since issue 25: it was 2,000 px).
    expect(start.scrollY).toBeGreaterThan(600);
    const status = card.locator('.vote-status');

    // An 8 keeps its average: the vote count changes, the rank does not.
    expect(id).toBe('s1e10');
    await card.getByRole('button', { name: '8', exact: true }).click();
    await expect.poll(() => status.textContent()).toBe('Saved: you rated it 8.');
    await expect(card.locator('.votes').textContent()).resolves.toBe('7 votes');
    expect(await rankOf(page, id)).toBe(12);
    const afterSameRank = await where(page, id);
    expect(Math.abs(afterSameRank.top - start.top)).toBeLessThanOrEqual(2);

    // A 10 lifts it several places: the list moves around it, the card stays under the pointer.
    await card.getByRole('button', { name: '10', exact: true }).click();
    await expect.poll(() => status.textContent()).toBe('Saved: you rated it 10.');
    expect(await rankOf(page, id)).toBeLessThan(12);
    expect(
      await page
        .locator('ol.ranking > li')
        .nth((await rankOf(page, id)) - 1)
        .locator('article.episode')
        .getAttribute('id'),
    ).toBe(id);
    const afterMove = await where(page, id);
    expect(Math.abs(afterMove.top - start.top)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}vote-js-far-down.png` });

    // Remove my rating with the keyboard: the button hides itself, and focus lands on the
    // card's first rating instead of falling to the page body.
    await card.getByRole('button', { name: 'Remove my rating' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Your rating was removed.');
    expect(await rankOf(page, id)).toBe(12);
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLButtonElement | null;
      return { card: active?.closest('article.episode')?.id, name: active?.name, value: active?.value };
    });
    expect(focused).toEqual({ card: id, name: 'rating', value: '1' });
    const afterRemove = await where(page, id);
    expect(Math.abs(afterRemove.top - start.top)).toBeLessThanOrEqual(2);
    await ctx.close();
  });
});

describe('voting without JavaScript, with no rating chosen', () => {
  // Only a hand-made request (or a page from before the rating buttons) posts no rating; the form
  // route sends it here (test/web/choose-rating.test.ts).
  it('opens the card, which asks for a rating', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}${SEASON}?sort=votes&choose-rating=s1e12#s1e12`);
    await expect(page.locator('ol.ranking article#s1e12 .vote-status').textContent()).resolves.toBe('Choose a rating from 1 to 10.');
    await expect(page.locator('ol.ranking article#s1e12 button[name="rating"]').count()).resolves.toBe(10);
    await page.screenshot({ path: `${SCREENSHOT_DIR}vote-no-rating-chosen.png` });
    const url = page.url();
    await ctx.close();

    // axe runs as a script in the page, so it looks with JavaScript on: at the message, and at an
    // episode page whose histogram has a caption (the keyboard test above voted on episode 2).
    const scripted = await site.browser.newContext();
    const scan = await scripted.newPage();
    await scan.goto(url);
    expect(await axeViolations(scan)).toEqual([]);
    await scan.goto(`${site.base}${SEASON}/episodes/2`);
    await expect(scan.locator('table.histogram caption').textContent()).resolves.toMatch(/^Ratings of the 1 vote cast on Epirank/);
    expect(await axeViolations(scan)).toEqual([]);
    await scripted.close();
  });
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
