/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
/**
 * One visual language for controls (issue 25, item 2), read from what Chromium computes: every
 * visible button, select, text box, file box and checkbox on the demo's public, account and admin
 * pages takes the site's shared style instead of the browser's default (its font, rounded corners,
 * a pointer, the drawn select arrow, the accent colour), buttons side by side never touch, and
 * every data table's number and date columns align right, and axe finds no WCAG 2 A or AA
 * violation on any of those pages.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { episodeIdOf } from '../helpers/factories.js';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

const PUBLIC_PAGES = [
  '/',
  '/shows',
  '/top',
  '/search?q=kaleido',
  '/shows/kaleido-star',
  '/shows/kaleido-star/seasons/1',
  '/shows/kaleido-star/seasons/1?upto=1x5',
  '/shows/kaleido-star/seasons/1/episodes/2',
  '/account/sign-in',
  '/account/sign-up',
];
const SIGNED_IN_PAGES = ['/account', '/account/ratings', '/account/ratings/import', '/account/tokens'];
const ADMIN_PAGES = [
  '/admin',
  '/admin/shows/kaleido-star',
  '/admin/import',
  '/admin/audit',
  '/admin/moderation',
  '/admin/moderation/held',
  '/admin/moderation/people',
  '/admin/moderation/bulk',
  '/admin/moderation/bulk?show=kaleido-star&address=203.0.113.7&preview=1',
  '/admin/moderation/shows/kaleido-star/seasons/1/episodes/2',
];

/** Every visible control that does not look like the site's, with the reason; [] when all do. */
function unstyledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const bodyFont = getComputedStyle(document.body).fontFamily;
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> “${(el.textContent ?? '').trim().slice(0, 30) || el.getAttribute('name')}”`;
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const controls = [...document.querySelectorAll('button, select, textarea, input:not([type="hidden"])')].filter(visible);
    for (const el of controls) {
      const style = getComputedStyle(el);
      const type = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
      if (style.fontFamily !== bodyFont) problems.push(`${name(el)}: the browser's font`);
      if (type === 'checkbox' || type === 'radio') {
        if (style.accentColor === 'auto') problems.push(`${name(el)}: the browser's colour`);
        continue;
      }
      if (type === 'file') {
        const chooser = getComputedStyle(el, '::file-selector-button');
        if (chooser.borderRadius === '0px' || chooser.cursor !== 'pointer') problems.push(`${name(el)}: the browser's file button`);
        continue;
      }
      const isButton = type === 'button' || type === 'submit' || type === 'reset';
      if (isButton && el.classList.contains('button-link')) continue; // Drawn as a link on purpose.
      if (style.borderRadius === '0px') problems.push(`${name(el)}: square corners`);
      if (isButton && style.cursor !== 'pointer') problems.push(`${name(el)}: no pointer`);
      if (type === 'select' && style.appearance !== 'none') problems.push(`${name(el)}: the browser's arrow`);
      if (el.getBoundingClientRect().height < 32) problems.push(`${name(el)}: ${el.getBoundingClientRect().height}px tall`);
    }
    // Buttons side by side (same parent, same line) keep a gap.
    const buttons = controls.filter((el) => el.tagName === 'BUTTON');
    for (const el of buttons) {
      const next = el.nextElementSibling;
      if (next?.tagName !== 'BUTTON' || !visible(next)) continue;
      const a = el.getBoundingClientRect();
      const b = next.getBoundingClientRect();
      const sameLine = a.top < b.bottom && b.top < a.bottom;
      if (sameLine && b.left - a.right < 4) problems.push(`${name(el)} and ${name(next)}: touching`);
    }
    // Data tables: a heading marked num aligns right, every other left.
    for (const cell of document.querySelectorAll('table.data :is(th, td)')) {
      if (!visible(cell)) continue;
      const align = getComputedStyle(cell).textAlign;
      const wanted = cell.classList.contains('num') ? 'right' : 'left';
      if (!(align === wanted || (wanted === 'left' && align === 'start'))) problems.push(`${name(cell)}: aligned ${align}, not ${wanted}`);
    }
    return problems;
  });
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${site.base}/account/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$|\/admin$/);
}

async function check(page: Page, paths: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    const response = await page.goto(`${site.base}${path}`);
    expect(response?.status(), path).toBe(200);
    const problems = await unstyledControls(page);
    // Styled controls stay accessible: contrast, labels and names (axe's WCAG 2 A and AA rules).
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    for (const v of axe.violations) problems.push(`axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (problems.length > 0) found[path] = problems;
  }
  return found;
}

const COMBINATIONS = ['light', 'dark'].flatMap((colorScheme) =>
  [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ].map((viewport) => ({ colorScheme: colorScheme as 'light' | 'dark', viewport })),
);

describe('controls in Chromium', () => {
  beforeAll(async () => {
    await site.app.services.accounts.createAdmin({ email: 'admin@example.org', displayName: 'Admin', password: 'the admin password' });
    // A held rating, so the held-ratings page shows its Release and Discard buttons.
    const db = site.database.handle.db;
    await db
      .insertInto('held_ratings')
      .values({
        episode_id: await episodeIdOf(db, 'kaleido-star', 1, 2),
        voter_id: 'a:held-voter',
        voter_kind: 'anonymous',
        rating: 3,
        ip: '203.0.113.7',
        network: '203.0.113.7',
        updated_at: '2026-03-01T10:00:00.000Z',
        reason: 'moderator',
        held_at: '2026-03-01T10:00:00.000Z',
      })
      .execute();
  });

  it.each(COMBINATIONS)(
    'take the shared style on every public, account and admin page ($colorScheme, $viewport.width px)',
    async ({ colorScheme, viewport }) => {
      const context = await site.browser.newContext({ colorScheme, viewport });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      expect(await check(page, PUBLIC_PAGES)).toEqual({});
      await signIn(page, 'admin@example.org', 'the admin password');
      expect(await check(page, [...SIGNED_IN_PAGES, ...ADMIN_PAGES])).toEqual({});
      await page.goto(`${site.base}/admin/moderation/held`);
      await page.screenshot({ path: `${SCREENSHOT_DIR}controls-held-${colorScheme}-${viewport.width}.png`, fullPage: true });
      await context.close();
    },
  );
});
