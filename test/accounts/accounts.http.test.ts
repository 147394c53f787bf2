import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { storeOf } from '../../src/repositories.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const { crossSitePost } = browserFor(context);
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

/**
 * Freezes `Date` (only `Date`: timers and I/O stay real) and returns a function that moves it one
 * second on, so that two votes get distinct timestamps without sleeping.
 */
function steppedClock(): () => void {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T12:00:00.000Z') });
  return () => vi.setSystemTime(Date.now() + 1_000);
}
afterEach(() => {
  vi.useRealTimers();
});

let addresses = 0;
/** Posts a form; each request comes from its own address unless one is given (sign-in is throttled per address). */
function post(url: string, fields: Record<string, string>, cookie = '', app: FastifyInstance = context.app, remoteAddress?: string) {
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    remoteAddress: remoteAddress ?? `198.51.100.${++addresses % 250}`,
  });
}

function cookieFrom(response: { cookies: Array<{ name: string; value: string }> }, name: string): string {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie`);
  return `${name}=${cookie.value}`;
}

let accountNumber = 0;
async function signUp(password = 'long enough password', cookie = '') {
  const email = `fan${++accountNumber}@example.org`;
  const response = await post('/account/sign-up', { email, displayName: `Fan ${accountNumber}`, password }, cookie);
  expect(response.statusCode, response.body).toBe(303);
  // Sign-up no longer signs in (issue 24): the fan signs in next, with the same browser.
  const signedIn = await post('/account/sign-in', { email, password }, cookie);
  expect(signedIn.statusCode, signedIn.body).toBe(303);
  return { email, password, session: cookieFrom(signedIn, 'epirank_session'), location: signedIn.headers.location };
}

const accountPage = async (cookie: string) => context.app.inject({ url: '/account', headers: { cookie } });
const vote = (episode: number, rating: string, cookie = '') => post(`/shows/kaleido-star/seasons/1/episodes/${episode}/rating`, { rating }, cookie);

async function ratingsOf(voterId: string) {
  const rows = await context.database.handle.db
    .selectFrom('votes as v')
    .innerJoin('episodes as e', 'e.id', 'v.episode_id')
    .select(['e.number', 'v.rating', 'v.voter_kind'])
    .where('v.voter_id', '=', voterId)
    .orderBy('e.number')
    .execute();
  return rows.map((r) => `${r.number}=${r.rating}:${r.voter_kind}`);
}

async function userId(email: string) {
  return (await context.database.handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

describe('accounts', () => {
  it('signs up, then in with an HttpOnly SameSite=Lax session cookie, and shows the account', async () => {
    // Issue 24: sign-up sends the fan to sign in (the same answer as for a taken address).
    const response = await post('/account/sign-up', { email: 'New.Fan@Example.org', displayName: 'New Fan', password: 'long enough password' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in?done=sign-up');
    expect(response.cookies.find((c) => c.name === 'epirank_session')).toBeUndefined();
    const signInPage = parsePage((await context.app.inject({ url: response.headers.location as string })).body);
    expect(signInPage('[role=status]').text()).toBe('Your account is ready: sign in.');
    expect(signInPage('.password-reset').text()).toContain('Password reset is unavailable on this site');
    const signedIn = await post('/account/sign-in', { email: 'new.fan@example.org', password: 'long enough password' });
    const cookie = signedIn.cookies.find((c) => c.name === 'epirank_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const page = parsePage((await accountPage(`epirank_session=${cookie.value}`)).body);
    expect(
      page('dl.facts dd')
        .toArray()
        .map((d) => page(d).text()),
    ).toEqual(['New Fan', 'new.fan@example.org', 'fan']);
    const stored = await context.database.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'new.fan@example.org')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(stored.password_hash).not.toContain('long enough password');
  });

  it('shows every field problem beside its field, and creates nothing', async () => {
    const response = await post('/account/sign-up', { email: 'not-an-email', displayName: '', password: 'short' });
    expect(response.statusCode).toBe(400);
    const page = parsePage(response.body);
    expect(page('#field-email-error').text()).toBe('Enter an e-mail address like name@example.org.');
    expect(page('#field-displayName-error').text()).toBe('Enter a display name of 1 to 80 characters.');
    expect(page('#field-password-error').text()).toBe('Use at least 10 characters.');
    expect(page('#field-email').attr('aria-invalid')).toBe('true');
    expect(page('#field-email').attr('value')).toBe('not-an-email');
    expect(await context.database.handle.db.selectFrom('users').select('id').where('email', '=', 'not-an-email').execute()).toEqual([]);
  });

  it('makes no second account for the same e-mail, whatever its case, and does not say the address is taken', async () => {
    // Issue 24: a taken address gets the same answer as a new one, so sign-up reveals no account.
    const { email } = await signUp();
    const owner = `Fan ${accountNumber}`;
    const again = await post('/account/sign-up', { email: email.toUpperCase(), displayName: 'Copy', password: 'long enough password' });
    const fresh = await post('/account/sign-up', { email: `new-${email}`, displayName: 'New', password: 'long enough password' });
    for (const answer of [again, fresh]) {
      expect(answer.statusCode).toBe(303);
      expect(answer.headers.location).toBe('/account/sign-in?done=sign-up');
      expect(answer.body).toBe('');
    }
    const copies = await context.database.handle.db.selectFrom('users').select('display_name').where('email', '=', email).execute();
    expect(copies).toEqual([{ display_name: owner }]);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const { email } = await signUp();
    const wrong = await post('/account/sign-in', { email, password: 'not the password' });
    const unknown = await post('/account/sign-in', { email: 'nobody@example.org', password: 'not the password' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(400);
      expect(parsePage(response.body)('.form-error').text()).toBe('That e-mail address and password do not match an account.');
    }
    const right = await post('/account/sign-in', { email: email.toUpperCase(), password: 'long enough password', return: '/shows/kaleido-star' });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/shows/kaleido-star');
  });

  it('never locks the owner out: failures from elsewhere leave a sign-in from a clean address alone', async () => {
    const { email, password } = await signUp();
    // One wrong guess from each of many addresses (a throttle per e-mail used to lock the owner out).
    for (let i = 0; i < 12; i++) expect((await post('/account/sign-in', { email, password: `guess ${i}` })).statusCode).toBe(400);
    // One address hammering the e-mail is refused, even when it finally sends the right password.
    const attacker = '203.0.113.9';
    const guesses: number[] = [];
    for (let i = 0; i < 6; i++) guesses.push((await post('/account/sign-in', { email, password: `guess ${i}` }, '', context.app, attacker)).statusCode);
    expect(guesses).toEqual([400, 400, 400, 400, 400, 429]);
    expect((await post('/account/sign-in', { email, password }, '', context.app, attacker)).statusCode).toBe(429);
    expect((await post('/account/sign-in', { email, password })).statusCode).toBe(303);
  });

  it('throttles failed sign-ins per address across e-mails, with a readable 429 page', async () => {
    const address = '203.0.113.10';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await post('/account/sign-in', { email: `guess${i}@example.org`, password: 'whatever it is' }, '', context.app, address)).statusCode);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
    const refused = await post('/account/sign-in', { email: 'x@example.org', password: 'y' }, '', context.app, address);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(parsePage(refused.body)('h1').text()).toBe('Too many requests');
  });

  it('does not count correct passwords against an address', async () => {
    const { email, password } = await signUp();
    for (let i = 0; i < 12; i++) expect((await post('/account/sign-in', { email, password }, '', context.app, '203.0.113.11')).statusCode).toBe(303);
  });

  it('throttles sign-ups per network, an IPv6 /64 counting as one', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const fields = { email: `flood${i}@example.org`, displayName: `Flood ${i}`, password: 'long enough password' };
      statuses.push((await post('/account/sign-up', fields, '', context.app, `2001:db8:5:5::${i}`)).statusCode);
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    expect(await context.database.handle.db.selectFrom('users').select('id').where('email', '=', 'flood6@example.org').execute()).toEqual([]);
    // A form with mistakes is answered as usual: it costs no password hash, so no budget.
    const mistaken = await post('/account/sign-up', { email: 'flood7@example.org', displayName: '', password: 'short' }, '', context.app, '2001:db8:5:5::7');
    expect(mistaken.statusCode).toBe(400);
    const elsewhere = { email: 'flood8@example.org', displayName: 'Flood 8', password: 'long enough password' };
    expect((await post('/account/sign-up', elsewhere, '', context.app, '2001:db8:5:6::1')).statusCode).toBe(303);
  });

  it('throttles password changes per account, from any address', async () => {
    const { session } = await signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post('/account/password', { current: `guess ${i}`, password: 'a brand new password' }, session)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('signs out: the session no longer works anywhere', async () => {
    const { session } = await signUp();
    expect((await accountPage(session)).statusCode).toBe(200);
    const out = await post('/account/sign-out', {}, session);
    expect(out.statusCode).toBe(303);
    expect(out.cookies.find((c) => c.name === 'epirank_session')?.value).toBe('');
    const after = await accountPage(session);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/account/sign-in?return=%2Faccount');
  });

  it('changes the password and signs out the account’s other sessions', async () => {
    const { email, session } = await signUp();
    const other = cookieFrom(await post('/account/sign-in', { email, password: 'long enough password' }), 'epirank_session');
    const wrongCurrent = await post('/account/password', { current: 'nope', password: 'a brand new password' }, session);
    expect(parsePage(wrongCurrent.body)('#field-current-error').text()).toBe('That is not your current password.');
    const tooShort = await post('/account/password', { current: 'long enough password', password: 'short' }, session);
    expect(parsePage(tooShort.body)('#field-password-error').text()).toBe('Use at least 10 characters.');
    const changed = await post('/account/password', { current: 'long enough password', password: 'a brand new password' }, session);
    expect(changed.statusCode, changed.body.slice(0, 3000)).toBe(200);
    expect(parsePage(changed.body)('.form-saved').text()).toContain('Your password was changed.');
    expect((await accountPage(session)).statusCode).toBe(200);
    expect((await accountPage(other)).statusCode).toBe(303);
    expect((await post('/account/sign-in', { email, password: 'a brand new password' })).statusCode).toBe(303);
  });

  it('treats a forged session cookie as signed out, and refuses cross-site account forms', async () => {
    expect((await accountPage('epirank_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(303);
    const forged = await crossSitePost('/account/sign-in', { email: 'a@b.c', password: 'x' });
    expect(forged.statusCode).toBe(403);
  });
});

// Issue 24: ratings no longer move silently at sign-in; the fan is asked first (/account/join-ratings,
// test/accounts/join-ratings.http.test.ts). These tests add the fan's "Add them to my account".
const addThem = (session: string, app: FastifyInstance = context.app) => post('/account/join-ratings', { choice: 'join' }, session, app);

describe('ratings move from the anonymous visitor to the account once the fan adds them', () => {
  it('on the first sign-in after sign-up, every anonymous rating becomes the account’s', async () => {
    const anonymous = cookieFrom(await vote(3, '4'), 'epirank_voter');
    await vote(5, '7', anonymous);
    const { email, session, location } = await signUp('long enough password', anonymous);
    expect(location).toBe('/account/join-ratings');
    expect(await ratingsOf(`u:${await userId(email)}`)).toEqual([]);
    expect((await addThem(session)).headers.location).toBe('/account');
    expect(await ratingsOf(`u:${await userId(email)}`)).toEqual(['3=4:account', '5=7:account']);
  });

  it('on sign-in, where both rated an episode the newer rating wins, and tallies stay exact', async () => {
    const later = steppedClock(); // distinct timestamps
    const { email, session } = await signUp();
    // Episode 6: the account rates first, the anonymous visitor later: the anonymous 3 wins.
    await vote(6, '9', session);
    later();
    const anonymous = cookieFrom(await vote(6, '3'), 'epirank_voter');
    // Episode 7: the same order again: the anonymous 8 wins over the account's 10.
    await vote(7, '10', session);
    later();
    await vote(7, '8', anonymous);
    // Episode 8: the anonymous visitor first, the account later: the account's 6 stays.
    await vote(8, '5', anonymous);
    later();
    await vote(8, '6', session);

    const signedIn = await post('/account/sign-in', { email, password: 'long enough password' }, anonymous);
    expect([signedIn.statusCode, signedIn.headers.location]).toEqual([303, '/account/join-ratings']);
    await addThem(cookieFrom(signedIn, 'epirank_session'));
    const id = await userId(email);
    expect(await ratingsOf(`u:${id}`)).toEqual(['6=3:account', '7=8:account', '8=6:account']);
    const anonymousLeft = await context.database.handle.db
      .selectFrom('votes')
      .select('voter_id')
      .where('voter_id', '=', `a:${decodeURIComponent(anonymous.split('=')[1]!).split('.')[0]}`)
      .execute();
    expect(anonymousLeft).toEqual([]);
    const { db } = context.database.handle;
    expect(await new TallyAudit(storeOf(db)).check()).toEqual([]);
  });

  it('a signed-in fan votes as the account', async () => {
    const { email, session } = await signUp();
    expect((await vote(9, '8', session)).statusCode).toBe(303);
    expect(await ratingsOf(`u:${await userId(email)}`)).toEqual(['9=8:account']);
  });
});

describe('session cookies behind HTTPS', () => {
  const behindProxy = useTestApp({ config: { trustProxy: true } });

  // Issue 24: over HTTPS the cookie is named with the __Host- prefix (test/http/site-cookies.http.test.ts).
  it('are marked Secure when the proxy says the request came over HTTPS', async () => {
    const overHttps = (url: string, fields: Record<string, string>) =>
      behindProxy.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { ...FORM, 'x-forwarded-proto': 'https' } });
    await overHttps('/account/sign-up', { email: 'secure@example.org', displayName: 'Secure', password: 'long enough password' });
    // Sign-up no longer signs in (issue 24): the cookie comes with the sign-in.
    const response = await overHttps('/account/sign-in', { email: 'secure@example.org', password: 'long enough password' });
    expect(response.cookies.find((c) => c.name === '__Host-epirank_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });
});

describe('VOTING=accounts', () => {
  const accountsOnly = useTestApp({ seed: seedDemo, config: { voting: 'accounts' } });

  it('turns anonymous voters away and lets signed-in fans vote', async () => {
    const anonymous = await post('/shows/kaleido-star/seasons/1/episodes/1/rating', { rating: '5' }, '', accountsOnly.app);
    expect(anonymous.statusCode).toBe(403);
    expect(parsePage(anonymous.body)('.error-detail').text()).toContain('Only signed-in fans can vote');
    await post('/account/sign-up', { email: 'only@example.org', displayName: 'Only', password: 'long enough password' }, '', accountsOnly.app);
    // Sign-up no longer signs in (issue 24).
    const signedIn = await post('/account/sign-in', { email: 'only@example.org', password: 'long enough password' }, '', accountsOnly.app);
    const session = cookieFrom(signedIn, 'epirank_session');
    expect((await post('/shows/kaleido-star/seasons/1/episodes/1/rating', { rating: '5' }, session, accountsOnly.app)).statusCode).toBe(303);
  });
});

describe('a sign-in whose merge (once the fan adds the ratings) replaces ratings', () => {
  // A cache lifetime far longer than the test: only the merge's own invalidation can refresh pages.
  const cached = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0, pageCacheSeconds: 3600 } });
  const episode = '/shows/kaleido-star/seasons/1/episodes/6';
  const votesShown = async () => {
    const api = await cached.app.inject({ url: `/api/v1${episode}` });
    const page = await cached.app.inject({ url: episode });
    return { api: api.json().votes as number, page: page.body };
  };

  it('drops cached rankings and pages, so visitors see the merged tally at once', async () => {
    const later = steppedClock();
    await post('/account/sign-up', { email: 'merge@example.org', displayName: 'Merge', password: 'long enough password' }, '', cached.app);
    // Sign-up no longer signs in (issue 24): the account's own session comes from a sign-in without the visitor's cookie.
    const session = cookieFrom(
      await post('/account/sign-in', { email: 'merge@example.org', password: 'long enough password' }, '', cached.app),
      'epirank_session',
    );
    await post(`${episode}/rating`, { rating: '9' }, session, cached.app);
    later(); // a later timestamp: the anonymous rating wins
    const anonymous = cookieFrom(await post(`${episode}/rating`, { rating: '3' }, '', cached.app), 'epirank_voter');
    const before = await votesShown();

    const signedIn = await post('/account/sign-in', { email: 'merge@example.org', password: 'long enough password' }, anonymous, cached.app);
    expect(signedIn.statusCode).toBe(303);
    expect(await votesShown()).toEqual(before); // nothing moved yet
    await addThem(cookieFrom(signedIn, 'epirank_session'), cached.app);
    const after = await votesShown();
    expect(after.api).toBe(before.api - 1); // two ratings became one
    expect(after.page).not.toBe(before.page);
  });
});
