/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
/**
 * The admin pages on a 390×844 phone, with content in every list (a held rating, blocks with long
 * values, an open flag, audit entries): none widens the page; a wide table scrolls inside its own
 * labelled, focusable frame (web/ui/components/table-scroll.tsx), which axe accepts.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { networkKey } from '../../src/shared/ip-address.js';
import { storeOf } from '../../src/repositories.js';
import { useDemoSiteInChromium } from '../helpers/browser.js';
import { episodeIdOf } from '../helpers/factories.js';

const site = useDemoSiteInChromium();
const ADDRESS = '192.0.2.7';
const PHONE = { width: 390, height: 844 };

/** Ratings from one address on three episodes (one to hold), two blocks, an open flag; each audited where the site audits it. */
async function fillTheLists() {
  const db = site.database.handle.db;
  const { bulkModeration, moderation } = site.app.services;
  const actor = { id: null, email: 'admin@example.org' };
  const at = '2026-11-20T10:00:00.000Z';
  const episodes = await Promise.all([1, 2, 3].map((n) => episodeIdOf(db, 'kaleido-star', 1, n)));
  for (const [i, episodeId] of episodes.entries()) {
    await db
      .insertInto('votes')
      .values({
        episode_id: episodeId,
        voter_id: `a:phone-${i}`,
        voter_kind: 'anonymous',
        rating: 3 + i,
        ip: ADDRESS,
        network: networkKey(ADDRESS),
        cast_at: at,
        updated_at: at,
      })
      .execute();
  }
  await storeOf(db).transact((tx) => tx.recount.recountEpisodes(episodes));
  const selection = { show: 'kaleido-star', season: '1', episode: '3', address: ADDRESS };
  expect(await bulkModeration.apply(actor, selection, 'hold', '1')).toMatchObject({ done: true, count: 1 });
  await moderation.block(actor, 'ip', '2001:db8:1234:5678::/64');
  await moderation.block(actor, 'voter', 'a:a-rather-long-voter-id-that-does-not-break-anywhere-1234567890');
  await storeOf(db).read.flags.raise({
    episodeId: episodes[0]!,
    kind: 'burst',
    windowStart: '2026-11-20T09:00:00.000Z',
    now: '2026-11-20T11:00:00.000Z',
    reason: 'A burst made up for this test: 40 votes in an hour, 25 of them 10s',
  });
}

const PAGES = [
  '/admin',
  '/admin/audit',
  '/admin/shows/kaleido-star',
  '/admin/shows/kaleido-star/seasons/1/episodes/3',
  '/admin/import',
  '/admin/moderation',
  '/admin/moderation/shows/kaleido-star/seasons/1/episodes/1',
  '/admin/moderation/bulk',
  `/admin/moderation/bulk?show=kaleido-star&address=${ADDRESS}&preview=1`,
  '/admin/moderation/held',
  '/admin/moderation/people',
];

describe('the admin pages on a phone', () => {
  it('never scroll the page sideways; their wide tables scroll in a labelled frame that axe accepts', async () => {
    await fillTheLists();
    // Signed in as an admin through a session of its own (the sign-in form is admin-walk.test.ts's part).
    const { accounts } = site.app.services;
    const { user } = await accounts.createAdmin({ email: 'admin@example.org', displayName: 'Admin', password: 'the admin password' });
    const context = await site.browser.newContext({ viewport: PHONE });
    await context.addCookies([{ name: 'epirank_session', value: (await accounts.signInAs(user, null)).sessionToken, url: site.base }]);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);

    const widths: Record<string, number> = {};
    for (const path of PAGES) {
      const response = await page.goto(`${site.base}${path}`);
      expect(response?.status(), path).toBe(200);
      widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    expect(widths).toEqual(Object.fromEntries(PAGES.map((path) => [path, PHONE.width])));

    // The lists that are wider than a phone are there, and scroll inside their frames.
    await page.goto(`${site.base}/admin/moderation/held`);
    const frame = page.getByRole('region', { name: 'Held ratings' });
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await frame.getAttribute('tabindex')).toBe('0');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.goto(`${site.base}/admin/moderation`);
    expect(await page.getByRole('region', { name: 'Blocks' }).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await context.close();
  });
});
