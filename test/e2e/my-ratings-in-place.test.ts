/// <reference lib="dom" />
/**
 * Your ratings (/account/ratings) on a 390×844 phone in real Chromium (issue 25, item 6): a
 * signed-in fan changes a rating from its row and finds it changed after a reload, with the script
 * and without it; the page does not scroll sideways and each date stays on one line; axe finds
 * nothing, light and dark. Screenshots at both sizes are left for people to look at. Callbacks
 * passed to evaluate() run in the browser, so this file sees DOM types.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../helpers/accounts.js';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium({ voteLimitPerIp: 0, voteLimitPerVoter: 0 });
const PHONE = { width: 390, height: 844 };

/** A new fan, signed in, who rated Kaleido Star S1E3 9 and S1E5 2; returns their session cookie's value. */
async function fanWithRatings(): Promise<string> {
  const cookie = await signedInAs(site.app, site.database, 'fan');
  for (const [episode, rating] of [
    [3, 9],
    [5, 2],
  ]) {
    const response = await site.app.inject({
      method: 'POST',
      url: `/shows/kaleido-star/seasons/1/episodes/${episode}/rating`,
      payload: `rating=${rating}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.statusCode).toBe(303);
  }
  return cookie.slice(cookie.indexOf('=') + 1);
}

async function signedInPage(options: BrowserContextOptions = {}): Promise<Page> {
  const ctx = await site.browser.newContext({ viewport: PHONE, ...options });
  await ctx.addCookies([{ name: 'epirank_session', value: await fanWithRatings(), url: site.base }]);
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** The list's rows as "S1E3=9". */
async function listed(page: Page): Promise<string[]> {
  const rows = await page
    .locator('tr.my-rating-row')
    .evaluateAll((trs) =>
      trs.map(
        (tr) => `${/S\d+E\d+/.exec(tr.querySelector('.my-rating-episode')?.textContent ?? '')?.[0]}=${tr.querySelector('.my-rating')?.textContent?.trim()}`,
      ),
    );
  return rows.sort();
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('Your ratings on a phone (issue 25, item 6)', () => {
  it('changes a rating in place with the script, and it stays changed after a reload', async () => {
    const page = await signedInPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.base}/account/ratings`);
    expect(await listed(page)).toEqual(['S1E3=9', 'S1E5=2']);

    // No sideways scrolling, and each day rated on one line.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const dateLines = await page.locator('td.my-rating-date time').evaluateAll((times) => times.map((t) => t.getClientRects().length));
    expect(dateLines).toEqual([1, 1]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}my-ratings-phone.png`, fullPage: true });

    const row = page.locator('tr.my-rating-row', { hasText: 'S1E3 ·' });
    await row.locator('summary').click();
    await row.getByRole('button', { name: '4', exact: true }).click();
    await expect.poll(() => row.locator('.vote-status').textContent()).toBe('Saved: you rated it 4.');
    await expect(row.locator('.my-rating').textContent()).resolves.toBe('4');
    // The page was not reloaded: the rating changed in its row, the buttons still open.
    await expect(row.locator('details').getAttribute('open')).resolves.toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOT_DIR}my-ratings-phone-changing.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    expect(await listed(page)).toEqual(['S1E3=4', 'S1E5=2']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('changes a rating without the script: the form posts and the list says what the rating is now', async () => {
    const page = await signedInPage({ javaScriptEnabled: false });
    await page.goto(`${site.base}/account/ratings?sort=rating`);
    const row = page.locator('tr.my-rating-row', { hasText: 'S1E5 ·' });
    await row.locator('summary').click();
    await row.getByRole('button', { name: '7', exact: true }).click();
    await page.waitForURL(/\/account\/ratings\?sort=rating&rated=\d+#s1e5$/);
    await expect(page.locator('p.my-ratings-notice').textContent()).resolves.toMatch(/^Saved: your rating of Kaleido Star S1E5 · .+ is 7\.$/);
    await page.reload();
    expect(await listed(page)).toEqual(['S1E3=9', 'S1E5=7']);
    await page.context().close();
  });

  it.each([
    ['light', PHONE],
    ['dark', PHONE],
    ['light', { width: 1280, height: 800 }],
    ['dark', { width: 1280, height: 800 }],
  ] as const)('has no accessibility violations found by axe (%s, %o)', async (colorScheme, viewport) => {
    const page = await signedInPage({ colorScheme, viewport });
    await page.goto(`${site.base}/account/ratings`);
    // With one row's rating buttons open, as a fan changing a rating sees it.
    await page.locator('tr.my-rating-row').first().locator('summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}my-ratings-${viewport.width}-${colorScheme}.png`, fullPage: true });
    await page.context().close();
  });
});
