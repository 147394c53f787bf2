/**
 * Single sign-on's other settings: SSO-only mode (OIDC_SSO_ONLY) switches password sign-in and
 * sign-up off and says so; a provider that cannot be reached neither stops the site starting nor
 * turns a sign-in into a 500.
 */
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { TEST_SITE as SITE, useTestProvider } from '../helpers/oidc-provider.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

describe('SSO-only mode', () => {
  const sso = useTestProvider({ only: true });
  const context = useTestApp({ config: sso.config });
  const post = (url: string, fields: Record<string, string>) =>
    context.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: FORM });

  it('shows no password form on the sign-in and sign-up pages, and says why', async () => {
    for (const url of ['/account/sign-in', '/account/sign-up']) {
      const $ = parsePage((await context.app.inject({ url })).body);
      expect($('input[type="password"]').length, url).toBe(0);
      expect($('.sso-only').text(), url).toContain('Password sign-in and sign-up are switched off on this site');
      expect($('form[action="/account/sso"] button').text(), url).toBe('Sign in with Fanclub ID');
    }
  });

  it('refuses password sign-in and sign-up', async () => {
    const signUp = await post('/account/sign-up', { email: 'fan@example.org', displayName: 'Fan', password: 'long enough password' });
    expect(signUp.statusCode).toBe(403);
    expect(signUp.body).toContain('sign in with Fanclub ID');
    expect(await context.database.handle.db.selectFrom('users').select('id').execute()).toEqual([]);
    const signIn = await post('/account/sign-in', { email: 'fan@example.org', password: 'long enough password' });
    expect(signIn.statusCode).toBe(403);
  });

  it('still signs fans in through the provider', async () => {
    sso.provider.addAccount({ subject: 'only-fan', email: 'only@example.org', emailVerified: true, name: 'Only Fan' });
    const started = await post('/account/sso', {});
    const flow = ([] as string[])
      .concat(started.headers['set-cookie'] as string)
      .find((c) => c.startsWith('epirank_sso='))!
      .split(';')[0]!;
    const back = await sso.provider.authorize(started.headers.location as string, { subject: 'only-fan' });
    const response = await context.app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie: flow } });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.cookies.some((c) => c.name === 'epirank_session')).toBe(true);
  });
});

describe('a provider that cannot be reached', () => {
  const config: Partial<Config> = { publicUrl: SITE };
  beforeAll(async () => {
    // A loopback port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    config.sso = { issuer: `http://127.0.0.1:${port}`, clientId: 'epirank', clientSecret: 'secret', name: 'Fanclub ID', only: false };
  });
  // The app is built and ready although discovery would fail: it is only tried when a fan asks.
  const context = useTestApp({ config });

  it('keeps the site up and answers a sign-in with 503 and a page that says so', async () => {
    expect((await context.app.inject({ url: '/account/sign-in' })).statusCode).toBe(200);
    const response = await context.app.inject({ method: 'POST', url: '/account/sso', payload: '', headers: FORM });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.body).toContain('Fanclub ID cannot be reached right now');
  });

  it('answers a callback without a sign-in in progress with 400, not 500', async () => {
    const response = await context.app.inject({ url: '/account/sso/callback?code=x&state=y' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Start again from the sign-in page');
  });
});

describe('without OIDC_ISSUER', () => {
  const context = useTestApp();
  it('has no single sign-on at all', async () => {
    expect(parsePage((await context.app.inject({ url: '/account/sign-in' })).body)('form[action="/account/sso"]').length).toBe(0);
    expect((await context.app.inject({ method: 'POST', url: '/account/sso', payload: '', headers: FORM })).statusCode).toBe(404);
    expect((await context.app.inject({ url: '/account/sso/callback?code=x' })).statusCode).toBe(404);
  });
});
