/// <reference lib="dom" />
/**
 * The proof of work in a real Chromium (issue 24, item 5): site.js solves the sign-up form's
 * challenge with crypto.subtle at the default POW_DIFFICULTY and the account is created; an
 * anonymous voter past the network's share is asked by the vote's answer, and the voting script
 * solves the challenge and sends the vote again, which is then held for review as usual.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { HELD_RATING_MESSAGE } from '../../src/votes/network-allowance.js';
import { useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium({ proofOfWorkDifficulty: loadConfig({}).proofOfWorkDifficulty, votesPerNetwork: 1 });

describe('the proof of work in Chromium', () => {
  it('signs up with the form’s challenge solved by site.js', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${site.base}/account/sign-up`);
    await page.getByLabel('E-mail address').fill('solver@example.org');
    await page.getByLabel('Display name').fill('Solver');
    await page.getByLabel('Password').fill('a long enough password');
    await expect.poll(() => page.locator('.proof-of-work-status').textContent(), { timeout: 60_000 }).toBe('Anti-spam calculation done: the form can be sent.');
    const { solution } = JSON.parse(Buffer.from(await page.locator('input[name=proofOfWork]').inputValue(), 'base64').toString('utf8'));
    console.info(`site.js tried ${solution.counter + 1} counters in ${solution.time} ms (POW_DIFFICULTY=${loadConfig({}).proofOfWorkDifficulty})`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${site.base}/account`);
    const user = await site.app.services.accounts.signIn({ email: 'solver@example.org', password: 'a long enough password', ip: '192.0.2.1' }, null);
    expect(user.user.displayName).toBe('Solver');
    await context.close();
  });

  it('sends a form pressed before the calculation is done once it is', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${site.base}/account/sign-up`);
    await page.getByLabel('E-mail address').fill('hasty@example.org');
    await page.getByLabel('Display name').fill('Hasty');
    await page.getByLabel('Password').fill('a long enough password');
    // Pressed at once: the button stays usable and the form goes when the answer is ready.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${site.base}/account`);
    await context.close();
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
