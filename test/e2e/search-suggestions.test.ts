/**
 * The header's search suggestions in Chromium (issue 25): an ARIA combobox whose list is wide
 * enough for a title on one line, where ArrowDown and ArrowUp move the active suggestion
 * (aria-activedescendant), Enter opens its page and Escape closes the list; without JavaScript
 * the form goes to the results page as before.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

/** Types into the header's box, as a person does, and waits for the suggestions. */
async function typeAndWait(page: Page, text: string) {
  const box = page.locator('#site-search-q');
  await box.pressSequentially(text);
  // On a loaded machine a prefix's suggestions can arrive first and be replaced: wait for the list
  // that answers the whole text (the script marks it data-for).
  await expect.poll(() => page.locator('#site-search-q-suggestions').getAttribute('data-for')).toBe(text);
  await expect.poll(() => page.locator('#site-search-q-suggestions [role=option]').count()).toBeGreaterThan(0);
  return box;
}

describe('search suggestions in a browser', () => {
  it('ArrowDown then Enter opens the chosen suggestion’s page, not the results page', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.base);
    const box = await typeAndWait(page, 'debut');
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-controls')).toBe('site-search-q-suggestions');
    expect(await page.locator('#site-search-q-suggestions').getAttribute('role')).toBe('listbox');
    const first = page.locator('#site-search-q-suggestions [role=option]').first();
    const path = await first.getAttribute('data-path');
    expect(path).toBe('/shows/kaleido-star/seasons/1/episodes/1');
    // Wide enough for the title: wider than the box, and the suggestion on one line.
    const list = (await page.locator('#site-search-q-suggestions').boundingBox())!;
    expect(list.width).toBeGreaterThan((await box.boundingBox())!.width);
    const lines = await first.evaluate((option) => {
      const range = document.createRange();
      range.selectNodeContents(option);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    expect(list.x + list.width).toBeLessThanOrEqual(1280);

    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await page.waitForURL(`${site.base}${path}`);
    expect(await page.locator('h1').first().textContent()).toContain('My Amazing Stage Debut');
    await page.close();
  });

  it('ArrowUp wraps to the last suggestion, Escape closes the list, and Enter without a choice searches', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.base);
    const box = await typeAndWait(page, 'kaleido');
    const options = page.locator('#site-search-q-suggestions [role=option]');
    const last = options.nth((await options.count()) - 1);
    await box.press('ArrowUp');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await last.getAttribute('id'));
    const list = (await page.locator('#site-search-q-suggestions').boundingBox())!;
    expect(list.x).toBeGreaterThanOrEqual(0);
    expect(list.x + list.width).toBeLessThanOrEqual(390);
    await box.press('Escape');
    expect(await options.count()).toBe(0);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await box.inputValue()).toBe('kaleido');
    await box.press('Enter');
    await page.waitForURL(`${site.base}/search?q=kaleido`);
    await page.close();
  });

  it('searches from the header without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.base);
    const box = page.locator('#site-search-q');
    expect(await box.getAttribute('role')).toBeNull();
    await box.fill('debut');
    await box.press('Enter');
    await page.waitForURL(`${site.base}/search?q=debut`);
    expect(await page.locator('ol.search-results li a').first().getAttribute('href')).toBe('/shows/kaleido-star/seasons/1/episodes/1');
    await context.close();
  });
});
