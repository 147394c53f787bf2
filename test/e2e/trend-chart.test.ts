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
    const point = page.locator('svg.trend-chart circle.tc-pt').first();
    const name = await point.locator('title').textContent();
    expect(name).toMatch(/^S1E\d+ .+: \d+\.\d\d$/);
    await point.focus();
    const tip = page.locator('.chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe(name);
    await page.locator('svg.trend-chart circle.tc-pt').nth(1).focus();
    expect(await tip.textContent()).toBe(await page.locator('svg.trend-chart circle.tc-pt').nth(1).locator('title').textContent());
    await page.locator('h1').first().click();
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.close();
  });

  it('draws the heatmap and the chart with JavaScript off', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/shows/kaleido-star`);
    expect(await page.locator('table.heatmap td a').count()).toBe(26);
    expect(await page.locator('svg.trend-chart circle.tc-pt').count()).toBeGreaterThan(20);
    await page.getByRole('navigation', { name: 'Heatmap measure' }).getByRole('link', { name: 'Average' }).click();
    expect(page.url()).toBe(`${site.base}/shows/kaleido-star?heatmap=average#heatmap`);
    expect(await page.locator('table.heatmap caption').textContent()).toContain('Average of every episode');
    await ctx.close();
  });
});
