/// <reference lib="dom" />
/**
 * An operator's show field in Chromium (issue 25: pickers, not typed slugs): on the held ratings
 * page the field is a combobox over the site's search; ArrowDown and Enter choose a show, which
 * writes its title into the box and its slug into the hidden field, and the filter then shows the
 * title. The page, suggestions open, has no axe violations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useDemoSiteInChromium } from '../helpers/browser.js';

const site = useDemoSiteInChromium();

describe('show pickers in a browser', () => {
  it('choose a show by its title from the suggestions and filter by it', async () => {
    await site.app.services.accounts.createAdmin({ email: 'admin@example.org', displayName: 'Admin', password: 'the admin password' });
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${site.base}/account/sign-in?return=%2Fadmin%2Fmoderation%2Fheld`);
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password').fill('the admin password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site.base}/admin/moderation/held`);

    const box = page.locator('#field-show');
    expect(await box.getAttribute('role')).toBe('combobox');
    await box.pressSequentially('kaleido');
    const options = page.locator('#field-show-suggestions [role=option]');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    // Shows only, each once: the demo's episodes stand for their show.
    expect(await options.allTextContents()).toEqual(['Kaleido Star']);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Kaleido Star');
    expect(await page.locator('#field-show-slug').inputValue()).toBe('kaleido-star');
    expect(await options.count()).toBe(0);
    expect(page.url()).toBe(`${site.base}/admin/moderation/held`);

    // Typing again forgets the choice; choosing again restores it; the filter button sends it.
    await box.press('Backspace');
    expect(await page.locator('#field-show-slug').inputValue()).toBe('');
    await box.fill('');
    await box.pressSequentially('Kaleido');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await options.first().click();
    expect(await page.locator('#field-show-slug').inputValue()).toBe('kaleido-star');
    await page.locator('form.held-filter button[type=submit]').click();
    await page.waitForURL(/showSlug=kaleido-star/);
    expect(await box.inputValue()).toBe('Kaleido Star');
    expect(await page.locator('p.empty').textContent()).toBe('No held ratings among the held ratings of Kaleido Star.');
    await context.close();
  });
});
