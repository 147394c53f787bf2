/**
 * The trend chart's progressive enhancement in Chromium: with JavaScript, a point that gets
 * keyboard focus shows its numbers beside it (a browser shows a <title> only on hover); without
 * JavaScript the heatmap and the chart are there all the same.
 */
import { describe, expect, it } from 'vitest';
import { useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

describe('the trend chart in a browser', () => {
  it('shows a focused point’s numbers in a tooltip, and hides it when focus leaves', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    const point = page.locator('svg.trend-chart a.tc-link').first();
    const name = await point.locator(':scope > title').textContent();
    expect(name).toMatch(/^S1E\d+ .+: \d+\.\d\d$/);
    await point.focus();
    const tip = page.locator('.chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe(name);
    await page.locator('svg.trend-chart a.tc-link').nth(1).focus();
    expect(await tip.textContent()).toBe(await page.locator('svg.trend-chart a.tc-link').nth(1).locator(':scope > title').textContent());
    await page.locator('h1').first().click();
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.close();
  });

  it('is legible on a phone, and each point is a link that opens its episode, by keyboard too', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    // The labels keep a readable size instead of shrinking with the drawing.
    const smallest = await page.locator('svg.trend-chart text').evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(11);
    // The page itself does not scroll sideways; the chart's frame does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const first = page.locator('svg.trend-chart').getByRole('link', { name: /^S1E1 .+: \d+\.\d\d$/ });
    await first.click();
    await page.waitForURL(`${site.base}/shows/kaleido-star/seasons/1/episodes/1`);
    await page.goBack();
    const last = page.locator('svg.trend-chart a.tc-link').last();
    const href = await last.getAttribute('href');
    await last.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.base}${href}`);
    expect(href).toMatch(/^\/shows\/kaleido-star\/seasons\/1\/episodes\/\d+$/);
    await ctx.close();
  });

  it('draws the heatmap and the chart with JavaScript off', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/shows/kaleido-star`);
    // Season 1's 26 episodes and the demo's unrated second season's 25.
    expect(await page.locator('table.heatmap td a').count()).toBe(51);
    expect(await page.locator('svg.trend-chart a.tc-link circle.tc-pt').count()).toBeGreaterThan(20);
    await page.getByRole('navigation', { name: 'Heatmap measure' }).getByRole('link', { name: 'Average' }).click();
    expect(page.url()).toBe(`${site.base}/shows/kaleido-star?heatmap=average#heatmap`);
    expect(await page.locator('table.heatmap caption').textContent()).toContain('Average of every episode');
    await ctx.close();
  });
});
