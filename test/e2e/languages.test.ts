/**
 * Choosing a language in Chromium (issue 26): the header's language menu, with JavaScript and
 * without, on a phone and a desktop; the choice outlasts a reload and outvotes the browser's own
 * language; a browser set to Japanese gets Japanese pages with Japanese dates from the start, and
 * the next browser, set to English, gets the English page the same server cached beside it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();
const SEASON = '/shows/kaleido-star/seasons/1';

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** Opens the language menu as a person does (on a phone, inside the header's Menu first) and picks a language by its name. */
async function choose(page: Page, name: string) {
  const menu = page.locator('.site-menu > summary');
  if (await menu.isVisible()) await menu.click();
  await page.locator('.language-menu > summary').click();
  await Promise.all([page.waitForURL(`**${SEASON}`), page.getByRole('link', { name, exact: true }).click()]);
}

async function withContext<T>(options: Parameters<typeof site.browser.newContext>[0], work: (context: BrowserContext) => Promise<T>) {
  const context = await site.browser.newContext(options);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

describe('the language menu in a browser', () => {
  it.each([
    ['without JavaScript, on a phone', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } }],
    ['with JavaScript, on a desktop', { javaScriptEnabled: true, viewport: { width: 1280, height: 800 } }],
  ])('switches the page’s language %s, and keeps it after a reload', async (_how, options) => {
    await withContext({ ...options, locale: 'en-US' }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${site.base}${SEASON}`);
      expect(await htmlLang(page)).toBe('en');

      await choose(page, '日本語');
      expect(await htmlLang(page)).toBe('ja');
      expect(await page.locator('.skip-link').textContent()).toBe('本文へ移動');
      // Back on the same page, which the browser still asks for in English: the choice outvotes it.
      expect(new URL(page.url()).pathname).toBe(SEASON);
      await page.reload();
      expect(await htmlLang(page)).toBe('ja');

      await choose(page, 'Español');
      expect(await htmlLang(page)).toBe('es');
      expect(await page.locator('.skip-link').textContent()).toBe('Ir al contenido');
    });
  });
});

describe('the browser’s own language', () => {
  it('gets a Japanese page with Japanese dates, and the next, English, browser the English page cached beside it', async () => {
    const japanese = await withContext({ locale: 'ja-JP' }, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(`${site.base}${SEASON}`);
      return { lang: await htmlLang(page), vary: response?.headers().vary ?? '', text: await page.locator('main').innerText() };
    });
    expect(japanese.lang).toBe('ja');
    expect(japanese.vary).toContain('Accept-Language');
    // The demo season aired from 2003: a Japanese page writes its dates as 2003年…月…日.
    expect(japanese.text).toMatch(/2003年\d{1,2}月\d{1,2}日/);

    const english = await withContext({ locale: 'en-US' }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${site.base}${SEASON}`);
      return { lang: await htmlLang(page), text: await page.locator('main').innerText() };
    });
    expect(english.lang).toBe('en');
    expect(english.text).not.toMatch(/2003年/);
    expect(english.text).toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 2003/);
  });
});
