/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser, so this file alone sees DOM types.
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

describe('an operator’s walk in Chromium', () => {
  it('a fan signs up and votes; an admin signs in, renames the episode, and the season page shows the new title', async () => {
    await site.app.services.accounts.createAdmin({ email: 'admin@example.org', displayName: 'Admin', password: 'the admin password' });

    // A fan signs up and rates an episode.
    const fan = await site.browser.newContext();
    const fanPage = await fan.newPage();
    fanPage.setDefaultTimeout(10_000);
    await fanPage.goto(`${site.base}/account/sign-up`);
    await fanPage.getByLabel('E-mail address').fill('fan@example.org');
    await fanPage.getByLabel('Display name').fill('A Fan');
    await fanPage.getByLabel('Password').fill('my long password');
    await fanPage.getByRole('button', { name: 'Create account' }).click();
    // Sign-up no longer signs in (issue 24): the sign-in page follows.
    await fanPage.waitForURL(`${site.base}/account/sign-in?done=sign-up`);
    await fanPage.getByLabel('E-mail address').fill('fan@example.org');
    await fanPage.getByLabel('Password').fill('my long password');
    await fanPage.getByRole('button', { name: 'Sign in' }).click();
    await fanPage.waitForURL(`${site.base}/account`);
    await fanPage.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    const card = fanPage.locator('ol.ranking article#s1e2');
    await card.getByRole('button', { name: /^Rate / }).click();
    await card.getByRole('button', { name: '9', exact: true }).click();
    await expect.poll(() => card.locator('.vote-status').textContent()).toBe('Saved: you rated it 9.');
    await expect(card.locator('.votes').textContent()).resolves.toBe('10 votes');
    await fan.close();

    // The admin signs in, finds the episode and renames it.
    const admin = await site.browser.newContext();
    const adminPage = await admin.newPage();
    adminPage.setDefaultTimeout(10_000);
    await adminPage.goto(`${site.base}/admin`);
    await adminPage.waitForURL(/\/account\/sign-in\?return=%2Fadmin$/);
    await adminPage.getByLabel('E-mail address').fill('admin@example.org');
    await adminPage.getByLabel('Password').fill('the admin password');
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.waitForURL(`${site.base}/admin`);
    await adminPage.getByRole('link', { name: 'Kaleido Star' }).click();
    await adminPage.getByRole('link', { name: '2. My Amazing And Lonely Challenge' }).click();
    await adminPage.getByLabel('Title', { exact: true }).fill('My Amazing and Lonely Challenge (renamed)');
    await adminPage.getByRole('button', { name: 'Save episode' }).click();
    await adminPage.waitForURL(`${site.base}/admin/shows/kaleido-star/seasons/1/episodes/2?saved=1`);
    // The form's own status line (the header's search suggestions have one of their own).
    await expect(adminPage.locator('p.form-saved[role=status]').textContent()).resolves.toBe('Saved.');
    await adminPage.getByRole('link', { name: 'Kaleido Star' }).click();
    await adminPage.waitForURL(`${site.base}/admin/shows/kaleido-star`);
    await adminPage.screenshot({ path: `${SCREENSHOT_DIR}admin-show.png`, fullPage: false });

    // Anyone now sees the new title on the season page, with the fan's vote still counted.
    const visitor = await site.browser.newPage();
    await visitor.goto(`${site.base}/shows/kaleido-star/seasons/1`);
    const renamed = visitor.locator('ol.ranking article#s1e2');
    await expect(renamed.locator('.episode-title').textContent()).resolves.toBe('My Amazing and Lonely Challenge (renamed)');
    await expect(renamed.locator('.votes').textContent()).resolves.toBe('10 votes');

    // And the audit log says who did it.
    await adminPage.goto(`${site.base}/admin/audit`);
    await expect(adminPage.locator('tr[data-action="episode.update"] td').nth(1).textContent()).resolves.toBe('admin@example.org');

    // On a 390 px phone the audit log fits the screen: nothing scrolls sideways.
    await adminPage.setViewportSize({ width: 390, height: 844 });
    await adminPage.reload();
    await expect(adminPage.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await adminPage.screenshot({ path: `${SCREENSHOT_DIR}admin-audit-phone.png`, fullPage: false });

    // Deleting an episode goes through a page that says what goes with it.
    await adminPage.setViewportSize({ width: 1280, height: 800 });
    await adminPage.goto(`${site.base}/admin/shows/kaleido-star/seasons/1/episodes/26`);
    await adminPage.getByRole('link', { name: 'Delete this episode…' }).click();
    await expect(adminPage.locator('.deletion-impact').textContent()).resolves.toMatch(/^This deletes Season 1, episode 26 of Kaleido Star with 0 ratings/);
    await adminPage.getByRole('button', { name: 'Delete episode 26' }).click();
    await adminPage.waitForURL(`${site.base}/admin/shows/kaleido-star`);
    await expect(adminPage.getByRole('link', { name: /^26\. / }).count()).resolves.toBe(0);
    await admin.close();
  });
});
