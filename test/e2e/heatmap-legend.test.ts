/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
/**
 * The show page's heatmap in Chromium, on the demo catalogue: the legend states the show's own
 * range (its lowest and highest score, read from the cells), the switch to the whole scale changes
 * it without JavaScript, the last column can be scrolled into view beside the sticky season column
 * on a desktop and a phone, and a small show's caption stays short.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';
import { factories } from '../helpers/factories.js';

const site = useDemoSiteInChromium();
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/** The legend's steps, the scores' numbers in the cells, and the lowest and highest of them. */
async function readHeatmap(page: Page) {
  const values = (await page.locator('table.heatmap td a').allTextContents()).filter((t) => /^\d/.test(t));
  const numbers = values.map(Number);
  return {
    low: Math.min(...numbers).toFixed(2),
    high: Math.max(...numbers).toFixed(2),
    intro: await page.locator('#heatmap-legend-label').textContent(),
    steps: await page.locator('.heatmap-legend li').allTextContents(),
  };
}

describe('the heatmap in a browser', () => {
  it("states the show's own range in its legend, and the switch to the whole scale changes it, without JavaScript", async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false, viewport: SIZES[0] });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/shows/kaleido-star`);
    const relative = await readHeatmap(page);
    expect(relative.intro).toContain(`lowest ${relative.low}, highest ${relative.high}`);
    expect(relative.steps[0]).toMatch(new RegExp(`^${relative.low.replace('.', '\\.')}–`));
    expect(relative.steps[9]).toMatch(new RegExp(`–${relative.high.replace('.', '\\.')}$`));
    // The lowest and highest cells wear the darkest and the lightest colours.
    const classOf = (value: string) =>
      page
        .locator('table.heatmap td', { hasText: new RegExp(`^${value.replace('.', '\\.')}$`) })
        .first()
        .getAttribute('class');
    expect(await classOf(relative.low)).toBe('hm-0');
    expect(await classOf(relative.high)).toBe('hm-9');
    await page.getByRole('navigation', { name: 'Heatmap colours' }).getByRole('link', { name: 'Whole scale, 1–10' }).click();
    expect(page.url()).toBe(`${site.base}/shows/kaleido-star?scale=absolute#heatmap`);
    const absolute = await readHeatmap(page);
    expect(absolute.intro).toBe('Fan score, by colour:');
    expect(absolute.steps.slice(0, 2)).toEqual(['under 5', '5–6']);
    expect(absolute.steps).not.toContain(relative.steps[0]);
    // And back, keeping the measure chosen in between.
    await page.getByRole('navigation', { name: 'Heatmap measure' }).getByRole('link', { name: 'Average' }).click();
    expect(page.url()).toBe(`${site.base}/shows/kaleido-star?heatmap=average&scale=absolute#heatmap`);
    await page.getByRole('navigation', { name: 'Heatmap colours' }).getByRole('link', { name: "This show's range" }).click();
    expect(page.url()).toBe(`${site.base}/shows/kaleido-star?heatmap=average#heatmap`);
    const average = await readHeatmap(page);
    expect(average.intro).toBe(`Average, by colour, relative to this show's range (lowest ${average.low}, highest ${average.high}):`);
    await ctx.close();
  });

  for (const viewport of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`scrolls its last column into view beside the sticky season column at ${viewport.width}×${viewport.height}, ${colorScheme}`, async () => {
        const ctx = await site.browser.newContext({ viewport, colorScheme });
        const page = await ctx.newPage();
        await page.goto(`${site.base}/shows/kaleido-star`);
        // The page itself never scrolls sideways: the heatmap's own box does.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        const last = page.locator('table.heatmap tbody tr').first().locator('td').last();
        await last.scrollIntoViewIfNeeded();
        const boxes = await page.evaluate(() => {
          const rect = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
          const scroller = document.querySelector('.heatmap-scroll')!;
          const row = document.querySelector('table.heatmap tbody tr')!;
          return {
            scroller: rect(scroller),
            scrolled: scroller.scrollLeft,
            season: rect(row.querySelector('th')!),
            last: rect(row.querySelectorAll('td')[row.querySelectorAll('td').length - 1]!),
            seasonBackground: getComputedStyle(row.querySelector('th')!).backgroundColor,
            captionLines: Math.round(
              rect(document.querySelector('table.heatmap caption span')!).height /
                Number.parseFloat(getComputedStyle(document.querySelector('table.heatmap caption span')!).lineHeight),
            ),
          };
        });
        expect(boxes.scrolled).toBeGreaterThan(0);
        // The last cell is wholly inside the box, and right of the season column, which stayed at the box's left edge.
        expect(boxes.last.right).toBeLessThanOrEqual(boxes.scroller.right);
        expect(boxes.last.left).toBeGreaterThanOrEqual(boxes.season.right);
        expect(Math.abs(boxes.season.left - boxes.scroller.left)).toBeLessThanOrEqual(2);
        expect(boxes.last.right).toBeLessThanOrEqual(viewport.width);
        // The sticky column is opaque, so that cells slide under it rather than show through.
        expect(boxes.seasonBackground).not.toBe('rgba(0, 0, 0, 0)');
        expect(boxes.captionLines).toBeLessThanOrEqual(2);
        await page.locator('#heatmap').screenshot({ path: `${SCREENSHOT_DIR}heatmap-scrolled-${viewport.width}-${colorScheme}.png` });
        await ctx.close();
      });
    }
  }

  it("keeps a small show's caption to one line on a desktop and two on a phone", async () => {
    const f = factories(site.database.handle.db);
    const show = await f.show({ slug: 'tiny-show', title: 'Tiny Show' });
    const season = await f.season(show.id, 1);
    for (const [n, ratings] of [
      [1, [8, 9]],
      [2, [7]],
    ] as const) {
      const episode = await f.episode(season.id, n);
      await f.ratings(episode.id, [...ratings]);
    }
    for (const viewport of SIZES) {
      const ctx = await site.browser.newContext({ viewport });
      const page = await ctx.newPage();
      await page.goto(`${site.base}/shows/tiny-show`);
      const caption = page.locator('table.heatmap caption span');
      const lines = await caption.evaluate((span) => Math.round(span.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(span).lineHeight)));
      expect(lines, `${viewport.width}`).toBeLessThanOrEqual(viewport.width > 600 ? 1 : 2);
      await ctx.close();
    }
  });
});
