/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

// The fan-score order of the demo season, worked out by hand with exact fractions (T = 1502, N = 181, m = 5).
const FAN_SCORE_ORDER = [1, 13, 26, 8, 19, 3, 9, 4, 7, 12, 15, 10, 21, 5, 6, 24, 18, 22, 20, 2, 16, 17, 25, 11, 23];

const site = useDemoSiteInChromium();

describe('the demo season page in headless Chromium', () => {
  it('shows the episodes in fan-score order, with JavaScript on and no console errors', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    await expect(page.locator('h1').textContent()).resolves.toBe('The best episodes of Kaleido Star season 1');
    const order = await page.locator('ol.ranking article.episode').evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-episode'))));
    expect(order).toEqual(FAN_SCORE_ORDER);
    await expect(page.locator('ol.ranking article.episode').first().locator('.average-value').textContent()).resolves.toBe('9.40');
    await expect(page.locator('ul.unrated li a').textContent()).resolves.toBe('Episode 14');
    await page.screenshot({ path: `${SCREENSHOT_DIR}season-page.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works with JavaScript off: the sort links change the order', async () => {
    const noScript = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await noScript.newPage();
    await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    await page.getByRole('link', { name: 'Average', exact: true }).click();
    await page.waitForURL(/sort=average/);
    const order = await page.locator('ol.ranking article.episode').evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-episode'))));
    expect(order.slice(0, 5)).toEqual([1, 13, 26, 8, 19]);
    await expect(page.locator('.sort-switch [aria-current]').textContent()).resolves.toBe('Average');
    await page.screenshot({ path: `${SCREENSHOT_DIR}season-page-phone.png` });
    // On a phone the page must not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await noScript.close();
  });

  it('follows the system dark mode', async () => {
    const backgroundIn = async (colorScheme: 'light' | 'dark') => {
      const ctx = await site.browser.newContext({ colorScheme });
      const page = await ctx.newPage();
      await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
      const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (colorScheme === 'dark') await page.screenshot({ path: `${SCREENSHOT_DIR}season-page-dark.png` });
      await ctx.close();
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (r! + g! + b!) / 3;
    };
    expect(await backgroundIn('light')).toBeGreaterThan(200);
    expect(await backgroundIn('dark')).toBeLessThan(60);
  });

  it('copies the page link with the share button', async () => {
    const ctx = await site.browser.newContext();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    await page.getByRole('link', { name: 'Copy link' }).first().click();
    await expect.poll(() => page.locator('.copy-status').first().textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.base}/shows/kaleido-star/seasons/1`);
    expect(page.url()).toBe(`${site.base}/shows/kaleido-star/seasons/1`);
    await ctx.close();
  });

  it.each([
    ['light', '/shows/kaleido-star/seasons/1'],
    ['dark', '/shows/kaleido-star/seasons/1'],
    // A card's rating buttons open, as a page without JavaScript draws them.
    ['light', '/shows/kaleido-star/seasons/1?rate=s1e3'],
    ['dark', '/shows/kaleido-star/seasons/1?rate=s1e3'],
    ['light', '/shows/kaleido-star'],
    // The heatmap and trend chart in the other theme, and the heatmap's other measure.
    ['dark', '/shows/kaleido-star?heatmap=average'],
    ['light', '/shows/kaleido-star/seasons/1/episodes/1'],
    ['light', '/'],
    ['dark', '/nowhere'],
    ['light', '/api/v1/docs'],
    ['light', '/account/sign-in'],
    ['dark', '/account/sign-up'],
  ] as const)('has no accessibility violations found by axe (%s, %s)', async (colorScheme, path) => {
    const ctx = await site.browser.newContext({ colorScheme });
    const page = await ctx.newPage();
    await page.goto(`${site.base}${path}`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('can be used with the keyboard alone: the skip link comes first and moves focus to the content', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });
});
