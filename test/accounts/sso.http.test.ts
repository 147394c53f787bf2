/**
 * Single sign-on end to end: the app in-process, a real OpenID provider (oidc-provider) on a
 * loopback port, and the browser's part played by hand: the app's redirect is followed at the
 * provider over HTTP, and the provider's redirect back is injected into the app with the cookies
 * a browser would carry.
 */
import { describe, expect, it } from 'vitest';
import { browserFor, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { TEST_SITE as SITE, useTestProvider } from '../helpers/oidc-provider.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

const sso = useTestProvider();
const context = useTestApp({ config: sso.config });

/** The `name=value` a browser would send back for each cookie the answer set. */
function cookiesOf(response: { headers: Record<string, unknown> }): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const header of ([] as string[]).concat((response.headers['set-cookie'] as string | string[] | undefined) ?? [])) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    cookies[pair!.slice(0, at)] = pair!.slice(at + 1);
  }
  return cookies;
}
let addresses = 0;
function post(url: string, fields: Record<string, string>, cookie = '') {
  return context.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    remoteAddress: `198.51.100.${++addresses % 250}`,
  });
}

/** Presses the button (POST /account/sso): the provider's authorization URL and the flow cookie. */
async function start(session = '', returnTo?: string) {
  const response = await post('/account/sso', returnTo ? { return: returnTo } : {}, session);
  expect(response.statusCode, response.body).toBe(303);
  return { location: response.headers.location as string, flowCookie: `epirank_sso=${cookiesOf(response).epirank_sso}`, response };
}

/** The provider's redirect back, as the browser follows it to the app. */
function callback(back: URL, cookie: string) {
  expect(`${back.origin}${back.pathname}`).toBe(`${SITE}/account/sso/callback`);
  return context.app.inject({ url: `${back.pathname}${back.search}`, headers: cookie ? { cookie } : {} });
}

/** A whole sign-in as `subject`: the callback's answer and the session cookie it set, if any. */
async function signInAs(subject: string, session = '') {
  const { location, flowCookie } = await start(session);
  const back = await sso.provider.authorize(location, { subject });
  const response = await callback(back, [flowCookie, session].filter(Boolean).join('; '));
  const set = cookiesOf(response).epirank_session;
  return { response, session: set ? `epirank_session=${set}` : '' };
}

let fans = 0;
/** An account made through the password sign-up form; `verified` marks its address as proven (the mail part's job). */
async function passwordAccount(verified: boolean) {
  const email = `fan${++fans}-${process.pid}@example.org`;
  await post('/account/sign-up', { email, displayName: `Fan ${fans}`, password: 'long enough password' });
  // Sign-up no longer signs in (issue 24): the session comes from the sign-in after it.
  const response = await post('/account/sign-in', { email, password: 'long enough password' });
  expect(response.statusCode, response.body).toBe(303);
  if (verified) {
    await context.database.handle.db.updateTable('users').set({ email_verified_at: '2026-12-01T00:00:00.000Z' }).where('email', '=', email).execute();
  }
  return { email, session: `epirank_session=${cookiesOf(response).epirank_session}` };
}

const db = () => context.database.handle.db;
const identitiesOf = (email: string) =>
  db().selectFrom('user_identities as i').innerJoin('users as u', 'u.id', 'i.user_id').select(['i.issuer', 'i.subject']).where('u.email', '=', email).execute();

describe('single sign-on', () => {
  it('offers the button on the sign-in page and lets its form lead to the provider', async () => {
    const response = await context.app.inject({ url: '/account/sign-in' });
    const $ = parsePage(response.body);
    expect($('form[action="/account/sso"] button').text()).toBe('Sign in with Fanclub ID');
    // The password form stays: SSO-only mode is off.
    expect($('input[name="password"]').length).toBe(1);
    expect(response.headers['content-security-policy']).toContain(`form-action 'self' ${sso.provider.issuer}`);
  });

  it('starts the authorization code flow with PKCE (S256), state and nonce, kept in a short-lived signed cookie', async () => {
    const { location, response } = await start();
    const url = new URL(location);
    expect(url.origin).toBe(sso.provider.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${SITE}/account/sso/callback`);
    const header = ([] as string[]).concat(response.headers['set-cookie'] as string).find((c) => c.startsWith('epirank_sso='))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\/account\/sso/);
    expect(header).toMatch(/Max-Age=600/);
    // The verifier travels only in the cookie, never to the provider in the clear.
    expect(location).not.toContain('code_verifier');
  });

  it('refuses a start sent from another site', async () => {
    const response = await browserFor(context).crossSitePost('/account/sso', {});
    expect(response.statusCode).toBe(403);
  });

  it('creates an account without a password on the first sign-in, then signs in to the same one', async () => {
    sso.provider.addAccount({ subject: 'new-fan', email: 'New.Fan@example.org', emailVerified: true, name: 'New Fan' });
    const first = await signInAs('new-fan');
    expect(first.response.statusCode, first.response.body).toBe(303);
    expect(first.response.headers.location).toBe('/account');
    expect(first.session).not.toBe('');
    // The flow cookie is single-use: the callback drops it.
    expect(cookiesOf(first.response).epirank_sso).toBe('');

    const user = await db().selectFrom('users').selectAll().where('email', '=', 'new.fan@example.org').executeTakeFirstOrThrow();
    expect(user.display_name).toBe('New Fan');
    expect(user.password_hash).toBe('');
    expect(user.email_verified_at).not.toBeNull();
    expect(await identitiesOf('new.fan@example.org')).toEqual([{ issuer: sso.provider.issuer, subject: 'new-fan' }]);

    const $ = parsePage((await context.app.inject({ url: '/account', headers: { cookie: first.session } })).body);
    expect($('.account-sso .sso-linked').text()).toContain('Linked: you can sign in with Fanclub ID');
    expect($('.no-password').text()).toContain('Your account has no password');
    expect($('form[action="/account/password"]').attr('hidden')).toBeDefined();

    const second = await signInAs('new-fan');
    expect(second.response.statusCode).toBe(303);
    const users = await db().selectFrom('users').select('id').where('email', '=', 'new.fan@example.org').execute();
    expect(users).toEqual([{ id: user.id }]);
    const account = await context.app.inject({ url: '/account', headers: { cookie: second.session } });
    expect(parsePage(account.body)('.facts dd').first().text()).toBe('New Fan');
  });

  it('does not let an account made by single sign-on use a password', async () => {
    sso.provider.addAccount({ subject: 'no-password', email: 'no-password@example.org', emailVerified: true });
    const { session } = await signInAs('no-password');
    const change = await post('/account/password', { current: '', password: 'a brand new password' }, session);
    expect(change.statusCode).toBe(400);
    expect(change.body).toContain('This account has no password');
    // Password sign-in with the empty password, or any other, fails like any wrong password.
    for (const password of ['', 'anything at all']) {
      const signIn = await post('/account/sign-in', { email: 'no-password@example.org', password });
      expect(signIn.statusCode).toBe(400);
    }
  });

  it('links the identity to an existing account when both sides have verified the address', async () => {
    const local = await passwordAccount(true);
    sso.provider.addAccount({ subject: 'verified-owner', email: local.email, emailVerified: true });
    const { response, session } = await signInAs('verified-owner');
    expect(response.statusCode, response.body).toBe(303);
    expect(await identitiesOf(local.email)).toEqual([{ issuer: sso.provider.issuer, subject: 'verified-owner' }]);
    const page = parsePage((await context.app.inject({ url: '/account', headers: { cookie: session } })).body);
    expect(page('.facts dd').eq(1).text()).toBe(local.email);
    // The password still works and can still be changed.
    expect(page('form[action="/account/password"]').attr('hidden')).toBeUndefined();
  });

  it('refuses to link to an account whose address is not verified here, and says what to do', async () => {
    const local = await passwordAccount(false);
    sso.provider.addAccount({ subject: 'claims-unverified-local', email: local.email, emailVerified: true });
    const { response, session } = await signInAs('claims-unverified-local');
    expect(response.statusCode).toBe(409);
    expect(session).toBe('');
    expect(response.body).toContain('Sign in with your e-mail address and password, then link Fanclub ID from your account page');
    expect(await identitiesOf(local.email)).toEqual([]);
  });

  it('refuses to link when the provider has not verified the address, even if the account here has', async () => {
    const local = await passwordAccount(true);
    sso.provider.addAccount({ subject: 'unverified-at-provider', email: local.email, emailVerified: false });
    const { response } = await signInAs('unverified-at-provider');
    expect(response.statusCode).toBe(409);
    expect(await identitiesOf(local.email)).toEqual([]);
  });

  it('lets a signed-in fan link the provider from the account page, then sign in with it', async () => {
    const local = await passwordAccount(false);
    let page = parsePage((await context.app.inject({ url: '/account', headers: { cookie: local.session } })).body);
    expect(page('.account-sso button').text()).toBe('Link Fanclub ID');
    // A different address at the provider: linking from a signed-in account needs no e-mail rule.
    sso.provider.addAccount({ subject: 'linker', email: 'somewhere-else@example.org', emailVerified: false });
    const { response } = await signInAs('linker', local.session);
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe('/account');
    expect(await identitiesOf(local.email)).toEqual([{ issuer: sso.provider.issuer, subject: 'linker' }]);
    page = parsePage((await context.app.inject({ url: '/account', headers: { cookie: local.session } })).body);
    expect(page('.sso-linked').text()).toContain('Linked');

    const later = await signInAs('linker');
    const account = parsePage((await context.app.inject({ url: '/account', headers: { cookie: later.session } })).body);
    expect(account('.facts dd').eq(1).text()).toBe(local.email);
  });

  it('refuses to link an identity that another account already has', async () => {
    sso.provider.addAccount({ subject: 'taken', email: 'taken@example.org', emailVerified: true });
    await signInAs('taken');
    const other = await passwordAccount(false);
    const { response } = await signInAs('taken', other.session);
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('already linked to another Epirank account');
  });

  it('refuses a callback whose state differs from the one this browser started with', async () => {
    sso.provider.addAccount({ subject: 'state-check', email: 'state@example.org', emailVerified: true });
    const { location, flowCookie } = await start();
    const back = await sso.provider.authorize(location, { subject: 'state-check' });
    back.searchParams.set('state', 'not-the-state-this-browser-started-with');
    const response = await callback(back, flowCookie);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('does not match the sign-in this browser started');
    expect(await identitiesOf('state@example.org')).toEqual([]);
  });

  it('refuses a replayed callback', async () => {
    sso.provider.addAccount({ subject: 'replayed', email: 'replayed@example.org', emailVerified: true });
    const { location, flowCookie } = await start();
    const back = await sso.provider.authorize(location, { subject: 'replayed' });
    expect((await callback(back, flowCookie)).statusCode).toBe(303);
    // The same answer again, even with the cookie a browser dropped kept by an attacker: the code is spent.
    const replay = await callback(back, flowCookie);
    expect(replay.statusCode).toBe(400);
    expect(cookiesOf(replay).epirank_session).toBeUndefined();
    // And without the cookie, as a browser that dropped it would send it.
    expect((await callback(back, '')).statusCode).toBe(400);
  });

  it('refuses a flow cookie past its lifetime, and one whose signature does not match', async () => {
    sso.provider.addAccount({ subject: 'late', email: 'late@example.org', emailVerified: true });
    const { location, flowCookie } = await start();
    const back = await sso.provider.authorize(location, { subject: 'late' });
    const signed = decodeURIComponent(flowCookie.slice('epirank_sso='.length));
    const pending = JSON.parse(Buffer.from(context.app.unsignCookie(signed).value!, 'base64url').toString('utf8'));
    const expired = context.app.signCookie(Buffer.from(JSON.stringify({ ...pending, expires: Date.now() - 1 })).toString('base64url'));
    const late = await callback(back, `epirank_sso=${encodeURIComponent(expired)}`);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('has expired');
    const forged = Buffer.from(JSON.stringify({ ...pending, expires: Date.now() + 600_000 })).toString('base64url');
    expect((await callback(back, `epirank_sso=${forged}.not-a-signature`)).statusCode).toBe(400);
    expect(await identitiesOf('late@example.org')).toEqual([]);
  });

  it('says so when the fan refuses at the provider (access_denied)', async () => {
    const { location, flowCookie } = await start();
    const back = await sso.provider.authorize(location, { deny: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    const response = await callback(back, flowCookie);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Signing in with Fanclub ID was cancelled or refused');
  });

  it('says why a sign-in cannot go on in the language of a Japanese visitor', async () => {
    const japanese = { 'accept-language': 'ja' };
    const { location, flowCookie } = await start();
    const back = await sso.provider.authorize(location, { deny: true });
    const denied = await context.app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie: flowCookie, ...japanese } });
    expect(denied.statusCode).toBe(403);
    const page = parsePage(denied.body);
    expect(page('h1').text()).toBe('ログインが取り消されました');
    expect(page('.error-detail').text()).toBe('Fanclub IDでのログインが取り消されたか拒否されたため、ログインしていません。');

    // The linking rule's refusal, whose sentence depends on which side has not confirmed the address.
    const local = await passwordAccount(false);
    sso.provider.addAccount({ subject: 'japanese-unverified-local', email: local.email, emailVerified: true });
    const started = await start();
    const returned = await sso.provider.authorize(started.location, { subject: 'japanese-unverified-local' });
    const refused = await context.app.inject({ url: `${returned.pathname}${returned.search}`, headers: { cookie: started.flowCookie, ...japanese } });
    expect(refused.statusCode).toBe(409);
    const refusal = parsePage(refused.body);
    expect(refusal('h1').text()).toBe('先にパスワードでログインしてください');
    expect(refusal('.error-detail').text()).toContain(`${local.email}はすでにEpirankのアカウントで使われていますが、そのアドレスはこちらで確認されていない`);
    expect(refused.body).not.toContain('Sign in with your e-mail address and password');
  });

  it('returns to the page the fan started from', async () => {
    sso.provider.addAccount({ subject: 'returning', email: 'returning@example.org', emailVerified: true });
    const { location, flowCookie } = await start('', '/top?page=2');
    const back = await sso.provider.authorize(location, { subject: 'returning' });
    expect((await callback(back, flowCookie)).headers.location).toBe('/top?page=2');
  });
});
