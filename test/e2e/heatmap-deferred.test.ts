/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
/**
 * The show page's heatmap is rendered only when it nears the viewport (content-visibility: auto in
 * site.css, for the main-thread time a 1,000-episode show's table costs a phone on load): on a
 * phone's first screen its table is skipped, scrolled to it is drawn with its real height, and the
 * embed, where the heatmap is the first screen, draws it at once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

/** Whether the browser draws the heatmap's table now (false while content-visibility skips it). */
const drawn = (page: Page) =>
  page.evaluate(() => document.querySelector('table.heatmap')!.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions));

describe('the heatmap deferred below the first screen', () => {
  it('is skipped on the show page until scrolled to, then drawn at its own height', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/shows/kaleido-star`);
    expect(await drawn(page)).toBe(false);
    await page.locator('#heatmap-heading').scrollIntoViewIfNeeded();
    await expect.poll(() => drawn(page)).toBe(true);
    const heights = await page.evaluate(() => {
      const box = document.querySelector('.heatmap-scroll')!;
      return { box: box.getBoundingClientRect().height, table: document.querySelector('table.heatmap')!.getBoundingClientRect().height };
    });
    // The box holds its table (plus its border), not the 12rem placeholder.
    expect(Math.abs(heights.box - heights.table)).toBeLessThan(4);
    await ctx.close();
  });

  it('is drawn at once in the embed', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/embed/shows/kaleido-star/heatmap`);
    expect(await drawn(page)).toBe(true);
    await ctx.close();
  });
});
