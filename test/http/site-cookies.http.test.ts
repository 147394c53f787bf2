/**
 * The names and attributes of the site's cookies (src/http/site-cookies.ts, issue 24): over HTTPS
 * (the request through a trusted proxy, or PUBLIC_URL https) every cookie is `__Host-` with Secure,
 * Path=/ and no Domain, and only that name is read; over HTTP the plain names, and only those.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const PASSWORD = 'long enough password';
const EPISODE = '/shows/kaleido-star/seasons/1/episodes/2';

type SetCookie = { name: string; value: string; secure?: boolean; path?: string; domain?: string; httpOnly?: boolean; sameSite?: string };

/** Each cookie the site sets in one visit: a vote, a spoiler horizon, a sign-up and the sign-in after it (issue 24: sign-up no longer signs in); with the headers of the scheme under test. */
async function cookiesOfAVisit(app: FastifyInstance, headers: Record<string, string>, email: string) {
  const send = (url: string, fields: Record<string, string>, cookie = '') =>
    app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { ...FORM, ...headers, ...(cookie ? { cookie } : {}) } });
  const vote = await send(`${EPISODE}/rating`, { rating: '7' });
  const horizon = await send('/shows/kaleido-star/horizon', { season: '1', episode: '3' });
  await send('/account/sign-up', { email, displayName: 'Cookie', password: PASSWORD });
  const signIn = await send('/account/sign-in', { email, password: PASSWORD });
  return [...vote.cookies, ...horizon.cookies, ...signIn.cookies] as SetCookie[];
}

const named = (cookies: SetCookie[], name: string) => cookies.find((c) => c.name === name && c.value !== '');

/** Whether the account page sees the session that `cookie` carries. */
async function signedIn(app: FastifyInstance, cookie: string, headers: Record<string, string> = {}) {
  return (await app.inject({ url: '/account', headers: { ...headers, cookie } })).statusCode === 200;
}

describe('over plain HTTP', () => {
  const context = useTestApp({ seed: seedDemo });

  it('sets the plain names, without Secure, and reads only those', async () => {
    const cookies = await cookiesOfAVisit(context.app, {}, 'plain@example.org');
    for (const name of ['epirank_voter', 'epirank_horizons', 'epirank_session']) {
      expect(named(cookies, name), name).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
      expect(named(cookies, name)?.secure, name).toBeFalsy();
    }
    expect(cookies.filter((c) => c.name.startsWith('__Host-'))).toEqual([]);
    const token = named(cookies, 'epirank_session')!.value;
    expect(await signedIn(context.app, `epirank_session=${token}`)).toBe(true);
    expect(await signedIn(context.app, `__Host-epirank_session=${token}`)).toBe(false);
  });
});

describe('over HTTPS through a trusted proxy', () => {
  const context = useTestApp({ seed: seedDemo, config: { trustProxy: true } });
  const https = { 'x-forwarded-proto': 'https' };

  it('sets __Host- names with Secure, Path=/ and no Domain, and reads only those', async () => {
    const cookies = await cookiesOfAVisit(context.app, https, 'proxied@example.org');
    for (const name of ['__Host-epirank_voter', '__Host-epirank_horizons', '__Host-epirank_session']) {
      expect(named(cookies, name), name).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Lax' });
      expect(named(cookies, name)?.domain, name).toBeUndefined();
    }
    expect(cookies.filter((c) => c.name.startsWith('epirank_'))).toEqual([]);

    const token = named(cookies, '__Host-epirank_session')!.value;
    expect(await signedIn(context.app, `__Host-epirank_session=${token}`, https)).toBe(true);
    // A plain-named cookie (set by a sibling host, or over plain HTTP) is not read over HTTPS.
    expect(await signedIn(context.app, `epirank_session=${token}`, https)).toBe(false);
    // Over plain HTTP to the same app, the plain name is the one read.
    expect(await signedIn(context.app, `__Host-epirank_session=${token}`)).toBe(false);

    // The voter cookie is read under its __Host- name only: sent plain, the vote makes a new voter.
    const voter = named(cookies, '__Host-epirank_voter')!.value;
    const again = (cookie: string) =>
      context.app.inject({ method: 'POST', url: `${EPISODE}/rating`, payload: 'rating=8', headers: { ...FORM, ...https, cookie } });
    expect((await again(`__Host-epirank_voter=${voter}`)).cookies).toEqual([]);
    expect((await again(`epirank_voter=${voter}`)).cookies.map((c) => c.name)).toEqual(['__Host-epirank_voter']);

    // Signing out expires the __Host- cookies with the attributes a browser needs to accept it.
    const out = await context.app.inject({
      method: 'POST',
      url: '/account/sign-out',
      headers: { ...FORM, ...https, cookie: `__Host-epirank_session=${token}; __Host-epirank_voter=${voter}` },
    });
    for (const name of ['__Host-epirank_session', '__Host-epirank_voter']) {
      expect(
        out.cookies.find((c) => c.name === name),
        name,
      ).toMatchObject({ value: '', secure: true, path: '/' });
    }
  });
});

describe('with PUBLIC_URL on https', () => {
  const context = useTestApp({ seed: seedDemo, config: { publicUrl: 'https://epirank.example' } });

  it('uses the __Host- names even when the last hop was plain HTTP', async () => {
    const cookies = await cookiesOfAVisit(context.app, {}, 'public@example.org');
    // The voter cookie twice: set by the vote, dropped by the sign-in.
    expect(cookies.map((c) => c.name).sort()).toEqual(['__Host-epirank_horizons', '__Host-epirank_session', '__Host-epirank_voter', '__Host-epirank_voter']);
    expect(cookies.every((c) => c.secure === true && c.path === '/' && c.domain === undefined)).toBe(true);
  });
});
