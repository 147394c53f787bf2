/// <reference lib="dom" />
/**
 * The first-screen rule of issue 25 in Chromium: on a show's and a season's page, at a 390×844
 * phone and a 1280×800 desktop, light and dark, the #1 episode's title and score are inside the
 * viewport before any scrolling; its details (synopsis, directors, watch links) open with a click,
 * and are in the page without JavaScript; the mobile header stays one slim row; axe finds nothing.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
const PAGES = {
  season: '/shows/kaleido-star/seasons/1',
  show: '/shows/kaleido-star',
} as const;
const CASES = (['phone', 'desktop'] as const).flatMap((size) =>
  (['light', 'dark'] as const).flatMap((scheme) => (['season', 'show'] as const).map((page) => [size, scheme, page] as const)),
);

/** Whether `locator`'s box lies wholly inside the viewport of `page`, which has not scrolled. */
async function inFirstScreen(page: Page, locator: Locator, size: { width: number; height: number }) {
  const box = await locator.boundingBox();
  expect(box, 'the element is drawn').not.toBeNull();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  return box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= size.width && box!.y + box!.height <= size.height;
}

async function open(size: keyof typeof SIZES, colorScheme: 'light' | 'dark', path: string, javaScriptEnabled = true) {
  const context = await site.browser.newContext({ viewport: SIZES[size], colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${site.base}${path}`);
  return { context, page };
}

describe('the first screen of a ranking page', () => {
  it.each(CASES)("shows #1's title and score without scrolling (%s, %s, %s page)", async (size, scheme, name) => {
    const { context, page } = await open(size, scheme, PAGES[name]);
    const first = page.locator('ol.ranking > li').first().locator('article.episode');
    await expect(first.locator('.rank').textContent()).resolves.toContain('#1');
    expect(await inFirstScreen(page, first.locator('.episode-title'), SIZES[size]), 'the title').toBe(true);
    expect(await inFirstScreen(page, first.locator('.average-value'), SIZES[size]), 'the score').toBe(true);
    expect(await inFirstScreen(page, first.locator('.votes'), SIZES[size]), 'the votes').toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}first-screen-${name}-${size}-${scheme}.png` });
    await context.close();
  });

  it.each(['phone', 'desktop'] as const)('keeps the header slim and on the page (%s)', async (size) => {
    const { context, page } = await open(size, 'light', PAGES.season);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(80);
    // Every link of the header is reachable: in the row on a desktop, one tap away on a phone.
    const ratings = page.locator('.site-header .ratings-link');
    if (size === 'phone') {
      expect(await ratings.isVisible()).toBe(false);
      await page.locator('.site-menu > summary').click();
    }
    expect(await ratings.isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('keeps the 26-episode demo season short on a phone (it was 13,600 px with every synopsis open)', async () => {
    const { context, page } = await open('phone', 'light', PAGES.season);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // 5,177 px when this was written, the trend chart and footer included.
    expect(height).toBeLessThan(6000);
    await context.close();
  });

  it("opens #1's details with a click", async () => {
    const { context, page } = await open('phone', 'light', PAGES.season);
    const first = page.locator('article#s1e1');
    const synopsis = first.locator('.synopsis');
    expect(await synopsis.isVisible()).toBe(false);
    await first.locator('.episode-details > summary').click();
    expect(await synopsis.isVisible()).toBe(true);
    expect(await first.locator('.directors').textContent()).toBe('Director: Junichi Sato');
    expect(await first.locator('.watch-link').allTextContents()).toEqual(['Amazon', 'Apple TV']);
    await context.close();
  });

  it('has the details in the page and a working disclosure without JavaScript', async () => {
    const { context, page } = await open('phone', 'light', PAGES.season, false);
    const html = await page.content();
    expect(html).toContain('Sora Naegino flies from Japan to Los Angeles hoping to join Kaleido Stage');
    expect(html).toContain('Director: Junichi Sato');
    const first = page.locator('article#s1e1');
    await first.locator('.episode-details > summary').click();
    expect(await first.locator('.synopsis').isVisible()).toBe(true);
    // The show's synopsis and facts too, behind "About the show".
    await page.locator('.about-show > summary').click();
    expect(await page.locator('.show-synopsis').isVisible()).toBe(true);
    await context.close();
  });

  it.each(CASES.filter(([, scheme]) => scheme === 'light').flatMap(([size, , name]) => [[size, 'light', name] as const, [size, 'dark', name] as const]))(
    'has no accessibility violations found by axe (%s, %s, %s page)',
    async (size, scheme, name) => {
      const { context, page } = await open(size, scheme, PAGES[name]);
      // With the first card's details and the header's menu open, so that what they hold is checked too.
      await page.locator('article#s1e1 .episode-details > summary').click();
      if (size === 'phone') await page.locator('.site-menu > summary').click();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    },
  );
});
