/**
 * Single sign-on in a real browser: `epirank serve` as a process with OIDC_* pointing at a real
 * OpenID provider (oidc-provider, test/helpers/oidc-provider.ts) started here, and Chromium pressing
 * the buttons: "Sign in with …" on the sign-in page, the provider's own login form, back on the
 * account page signed in and linked; signed out and in again, the same account. And the fan who
 * says no at the provider ends on the site's 403 page that says so.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { launchChromium } from '../helpers/browser.js';
import { emptyDatabase } from '../helpers/database.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { freePort, startEpirank } from '../helpers/process.js';

const NAME = 'Fanclub ID';
const cleanups: Array<() => Promise<void>> = [];
let base = '';
let databaseUrl = '';
let provider: TestProvider;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The provider first: it registers the server's callback, and the server finds it by discovery.
  provider = await startTestProvider(`${base}/account/sso/callback`);
  cleanups.push(provider.close);
  const database = await emptyDatabase();
  cleanups.push(database.drop);
  databaseUrl = database.url;
  const server = await startEpirank({
    DATABASE_URL: database.url,
    PORT: String(port),
    DEMO_DATA: 'false',
    PUBLIC_URL: base,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: NAME,
  });
  cleanups.push(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A fresh browser (its own cookies) on the sign-in page, the provider's button pressed: at the provider's login form. */
async function atProviderLogin(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/account/sign-in`);
  await pressSsoButton(page);
  return page;
}

async function pressSsoButton(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Sign in with ${NAME}` }).click();
}

/** The rows the server wrote for an address, read from its database as it stands. */
async function rowsFor(email: string) {
  const handle = openDatabase(databaseUrl);
  try {
    const users = await handle.db.selectFrom('users').select(['id', 'email']).execute();
    const identities = await handle.db.selectFrom('user_identities').select(['issuer', 'subject', 'user_id']).execute();
    return { users, identities, user: users.find((user) => user.email === email) };
  } finally {
    await handle.close();
  }
}

describe('single sign-on in Chromium against a spawned server', () => {
  it('signs in through the provider, signs out, and signs in again to the same account', async () => {
    const email = 'browser.fan@example.org';
    provider.addAccount({ subject: 'browser-fan', email, emailVerified: true, name: 'Browser Fan' });
    const page = await atProviderLogin();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    await page.getByLabel('Subject').fill('browser-fan');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForURL(`${base}/account`);
    await expect.poll(() => page.locator('.facts dd').nth(1).textContent()).toBe(email);
    expect(await page.locator('.account-sso .sso-linked').textContent()).toContain(`Linked: you can sign in with ${NAME}`);
    const first = await rowsFor(email);
    expect(first.user).toBeDefined();
    expect(first.identities).toEqual([{ issuer: provider.issuer, subject: 'browser-fan', user_id: first.user!.id }]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === base && url.pathname !== '/account');
    // Signed out: the account page sends this browser to sign in.
    await page.goto(`${base}/account`);
    await page.waitForURL((url) => url.pathname === '/account/sign-in');

    // The provider still remembers this browser (its own session and the fan's grant), so it sends it
    // straight back without its login form: that is single sign-on.
    await pressSsoButton(page);
    await page.waitForURL(`${base}/account`);
    await expect.poll(() => page.locator('.facts dd').nth(1).textContent()).toBe(email);
    const second = await rowsFor(email);
    expect(second.users).toEqual([{ id: first.user!.id, email }]);
    expect(second.identities).toEqual(first.identities);
    await page.context().close();
  });

  it('ends on the site’s 403 page when the fan denies at the provider', async () => {
    const page = await atProviderLogin();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    const answer = page.waitForResponse((response) => response.url().startsWith(`${base}/account/sso/callback?`));
    await page.getByRole('button', { name: 'Deny' }).click();
    expect((await answer).status()).toBe(403);
    await page.waitForURL((url) => url.origin === base && url.pathname === '/account/sso/callback');
    expect(await page.locator('.error-status').textContent()).toBe('Error 403');
    expect(await page.locator('h1').textContent()).toBe('Sign-in cancelled');
    expect(await page.locator('.error-detail').textContent()).toBe(`Signing in with ${NAME} was cancelled or refused, so you are not signed in.`);
    await page.context().close();
  });
});
