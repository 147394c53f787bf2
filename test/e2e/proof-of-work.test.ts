/// <reference lib="dom" />
/**
 * The proof of work in a real Chromium (issue 24, item 5): site.js solves the sign-up form's
 * challenge with crypto.subtle at the default POW_DIFFICULTY and the account is created; an
 * anonymous voter past the network's share is asked by the vote's answer, and the voting script
 * solves the challenge and sends the vote again, which is then held for review as usual.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { tIn } from '../../src/i18n/translate.js';
import { useDemoSiteInChromium } from '../helpers/browser.js';

/** What a voter whose rating was held is told, in English. */
const HELD_RATING_MESSAGE = tIn('en', 'ranking.heldRating');

const site = useDemoSiteInChromium({ proofOfWorkDifficulty: loadConfig({}).proofOfWorkDifficulty, votesPerNetwork: 1 });

/** A new browser page on the sign-up form, filled in; `beforeLoad` runs in the page before its scripts. */
async function filledSignUp(email: string, beforeLoad?: () => void): Promise<Page> {
  const page = await (await site.browser.newContext()).newPage();
  page.setDefaultTimeout(60_000);
  if (beforeLoad) await page.addInitScript(beforeLoad);
  await page.goto(`${site.base}/account/sign-up`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Display name').fill(email.split('@')[0]!);
  await page.getByLabel('Password').fill('a long enough password');
  return page;
}

const status = (page: Page) => page.locator('.proof-of-work-status').textContent();

describe('the proof of work in Chromium', () => {
  it('signs up with the form’s challenge solved by site.js', async () => {
    const page = await filledSignUp('solver@example.org');
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('Anti-spam calculation done: the form can be sent.');
    const { solution } = JSON.parse(Buffer.from(await page.locator('input[name=proofOfWork]').inputValue(), 'base64').toString('utf8'));
    console.info(`site.js tried ${solution.counter + 1} counters in ${solution.time} ms (POW_DIFFICULTY=${loadConfig({}).proofOfWorkDifficulty})`);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Sign-up does not sign in (issue 24): the sign-in page follows.
    await page.waitForURL(`${site.base}/account/sign-in?done=sign-up`);
    const user = await site.app.services.accounts.signIn({ email: 'solver@example.org', password: 'a long enough password', ip: '192.0.2.1' }, null);
    expect(user.user.displayName).toBe('solver');
    await page.context().close();
  });

  it('keeps the button usable: a form sent before the calculation is done goes once it is', async () => {
    // Every digest waits until the test lets the calculation go on, so the form is surely early.
    const page = await filledSignUp('hasty@example.org', () => {
      const digest = crypto.subtle.digest.bind(crypto.subtle);
      let release: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      Object.assign(window, { releaseDigests: () => release() });
      crypto.subtle.digest = async (...args: Parameters<typeof digest>) => {
        await released;
        return digest(...args);
      };
    });
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await status(page)).toBe('Finishing the anti-spam calculation; the form is sent as soon as it is done…');
    expect(page.url()).toBe(`${site.base}/account/sign-up`);
    await page.evaluate(() => (window as unknown as { releaseDigests: () => void }).releaseDigests());
    // Sign-up does not sign in (issue 24): the sign-in page follows.
    await page.waitForURL(`${site.base}/account/sign-in?done=sign-up`);
    await page.context().close();
  });

  it('solves the challenge a held vote is answered with, and the vote is held as usual', async () => {
    const first = await site.browser.newContext();
    const second = await site.browser.newContext();
    for (const [context, rating] of [
      [first, 9],
      [second, 2],
    ] as const) {
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${site.base}/shows/kaleido-star/seasons/1`);
      const card = page.locator('ol.ranking article#s1e4');
      await card.getByRole('button', { name: /^Rate / }).click();
      await card.getByRole('button', { name: String(rating), exact: true }).click();
      const expected = rating === 9 ? 'Saved: you rated it 9.' : `Saved: you rated it 2. ${HELD_RATING_MESSAGE}`;
      await expect.poll(() => card.locator('.vote-status').textContent(), { timeout: 60_000 }).toBe(expected);
    }
    const db = site.database.handle.db;
    const episode = await db.selectFrom('episodes').select('id').where('number', '=', 4).executeTakeFirstOrThrow();
    expect(await site.app.services.votes.heldCount(episode.id)).toBe(1);
    await first.close();
    await second.close();
  });
});
