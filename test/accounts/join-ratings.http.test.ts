/**
 * Issue 24: the anonymous voter cookie used to be merged into whichever account signed in next, so
 * a cookie planted in a fan's browser brought its ratings into the fan's account. Now the ratings
 * are listed on /account/join-ratings and join the account only when the fan adds them; the voter
 * cookie is dropped at sign-in and at sign-out. Through the whole app (inject), on the test database.
 */
import { describe, expect, it } from 'vitest';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const { get, post, crossSitePost } = browserFor(context);
const PASSWORD = 'long enough password';

type Answer = { cookies: Array<{ name: string; value: string }> };
const cookieFrom = (response: Answer, name: string) => {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie`);
  return `${name}=${cookie.value}`;
};
/** The anonymous voter id a voter cookie names ("epirank_voter=<token>.<signature>"). */
const voterIdOf = (cookie: string) => `a:${decodeURIComponent(cookie.split('=')[1]!).split('.')[0]}`;

/** Rates Kaleido Star episodes as a new anonymous voter (an attacker planting a cookie, or the fan); returns its cookie. */
async function anonymousVoter(ratings: Record<number, number>, show = 'kaleido-star'): Promise<string> {
  let cookie = '';
  for (const [episode, rating] of Object.entries(ratings)) {
    const response = await post(`/shows/${show}/seasons/1/episodes/${episode}/rating`, { rating: String(rating) }, cookie);
    expect(response.statusCode).toBe(303);
    cookie ||= cookieFrom(response, 'epirank_voter');
  }
  return cookie;
}

let accounts = 0;
async function account(): Promise<string> {
  const email = `joiner${++accounts}@example.org`;
  const response = await post('/account/sign-up', { email, displayName: `Joiner ${accounts}`, password: PASSWORD }, '', `192.0.2.${accounts}`);
  expect(response.statusCode).toBe(303);
  return email;
}

const signIn = (email: string, cookie = '', returnTo?: string) =>
  post('/account/sign-in', { email, password: PASSWORD, ...(returnTo ? { return: returnTo } : {}) }, cookie);

async function ratingsOf(voterId: string): Promise<string[]> {
  const rows = await context.database.handle.db
    .selectFrom('votes as v')
    .innerJoin('episodes as e', 'e.id', 'v.episode_id')
    .select(['e.number', 'v.rating'])
    .where('v.voter_id', '=', voterId)
    .orderBy('e.number')
    .execute();
  return rows.map((r) => `${r.number}=${r.rating}`);
}
async function accountVoterId(email: string): Promise<string> {
  const row = await context.database.handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return `u:${row.id}`;
}

/** The listed ratings as "S1E3=4" (episode and rating columns). */
function listed(html: string): string[] {
  const $ = parsePage(html);
  return $('table.my-ratings-table tbody tr')
    .toArray()
    .map((tr) => {
      const cells = $(tr).find('td');
      return `${/^S\d+E\d+/.exec(cells.eq(1).text().trim())?.[0]}=${cells.eq(2).text().trim()}`;
    });
}

describe('anonymous ratings at sign-in', () => {
  it('lists a planted cookie’s ratings and merges nothing until the fan adds them; the return path is kept', async () => {
    const email = await account();
    const planted = await anonymousVoter({ 3: 4, 5: 7 });
    const signedIn = await signIn(email, planted, '/shows/kaleido-star');
    expect([signedIn.statusCode, signedIn.headers.location]).toEqual([303, '/account/join-ratings?return=%2Fshows%2Fkaleido-star']);
    const session = cookieFrom(signedIn, 'epirank_session');
    expect(await ratingsOf(await accountVoterId(email))).toEqual([]);
    expect(await ratingsOf(voterIdOf(planted))).toEqual(['3=4', '5=7']);

    const page = await get(signedIn.headers.location as string, session);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(listed(page.body)).toEqual(['S1E3=4', 'S1E5=7']);
    const $ = parsePage(page.body);
    expect($('table.my-ratings-table tbody tr td').first().text()).toBe('Kaleido Star');
    const form = $('form[action="/account/join-ratings"][method="post"]');
    expect(form.find('input[name="return"]').attr('value')).toBe('/shows/kaleido-star');
    expect(
      form
        .find('button[name="choice"]')
        .toArray()
        .map((b) => [$(b).attr('value'), $(b).text().trim()]),
    ).toEqual([
      ['join', 'Add them to my account'],
      ['leave', 'Leave them'],
    ]);
    // Another voter cookie sent beside the session (planted after sign-in) changes nothing: the
    // session row says which voter was offered.
    const other = await anonymousVoter({ 9: 1 });
    expect(listed((await get('/account/join-ratings', `${session}; ${other}`)).body)).toEqual(['S1E3=4', 'S1E5=7']);
    // Neither does a stray or cross-site post.
    expect((await post('/account/join-ratings', { choice: 'merge' }, session)).statusCode).toBe(400);
    const crossSite = await crossSitePost('/account/join-ratings', { choice: 'join' }, session);
    expect(crossSite.statusCode).toBe(403);
    expect(await ratingsOf(await accountVoterId(email))).toEqual([]);

    const added = await post('/account/join-ratings', { choice: 'join', return: '/shows/kaleido-star' }, `${session}; ${other}`);
    expect([added.statusCode, added.headers.location]).toEqual([303, '/shows/kaleido-star']);
    expect(await ratingsOf(await accountVoterId(email))).toEqual(['3=4', '5=7']);
    expect(await ratingsOf(voterIdOf(planted))).toEqual([]);
    expect(await ratingsOf(voterIdOf(other))).toEqual(['9=1']);
    // Answered: the page now goes straight on.
    expect((await get('/account/join-ratings?return=%2Ftop', session)).headers.location).toBe('/top');
  });

  it('"Leave them" merges nothing: the ratings stay anonymous, and are not offered again', async () => {
    const email = await account();
    const planted = await anonymousVoter({ 6: 2 });
    const signedIn = await signIn(email, planted);
    expect(signedIn.headers.location).toBe('/account/join-ratings');
    const session = cookieFrom(signedIn, 'epirank_session');
    const left = await post('/account/join-ratings', { choice: 'leave' }, session);
    expect([left.statusCode, left.headers.location]).toEqual([303, '/account']);
    expect(await ratingsOf(await accountVoterId(email))).toEqual([]);
    expect(await ratingsOf(voterIdOf(planted))).toEqual(['6=2']);
    expect((await get('/account/join-ratings', session)).headers.location).toBe('/account');
    // Adding afterwards finds nothing waiting.
    await post('/account/join-ratings', { choice: 'join' }, session);
    expect(await ratingsOf(await accountVoterId(email))).toEqual([]);
  });

  it('goes straight on when the browser holds no anonymous ratings', async () => {
    const email = await account();
    const plain = await signIn(email, '', '/top');
    expect([plain.statusCode, plain.headers.location]).toEqual([303, '/top']);
    // A voter whose only rating was withdrawn holds nothing to offer.
    const emptied = await anonymousVoter({ 4: 5 });
    await post('/shows/kaleido-star/seasons/1/episodes/4/rating', { action: 'withdraw' }, emptied);
    expect(await ratingsOf(voterIdOf(emptied))).toEqual([]);
    expect((await signIn(email, emptied, '/top')).headers.location).toBe('/top');
  });

  it('needs a session: the page and its form send a signed-out visitor to sign in', async () => {
    const page = await get('/account/join-ratings?return=%2Ftop');
    expect([page.statusCode, page.headers.location]).toEqual([303, '/account/sign-in?return=%2Faccount%2Fjoin-ratings%3Freturn%3D%252Ftop']);
    expect(page.headers['cache-control']).toBe('no-store');
    const planted = await anonymousVoter({ 7: 3 });
    const form = await post('/account/join-ratings', { choice: 'join' }, planted);
    expect(form.headers.location).toBe('/account/sign-in?return=%2Faccount%2Fjoin-ratings');
    expect(await ratingsOf(voterIdOf(planted))).toEqual(['7=3']);
  });

  it('replaces the voter cookie at sign-in and at sign-out: the next anonymous vote is a new voter', async () => {
    const email = await account();
    const before = await anonymousVoter({ 8: 6 });
    const signedIn = await signIn(email, before);
    expect(cookieFrom(signedIn, 'epirank_voter')).toBe('epirank_voter=');
    const session = cookieFrom(signedIn, 'epirank_session');

    const out = await post('/account/sign-out', {}, `${session}; ${before}`);
    expect(out.cookies.filter((c) => c.name.endsWith('epirank_voter')).map((c) => c.value)).toEqual(['']);
    expect(cookieFrom(out, 'epirank_session')).toBe('epirank_session=');

    const after = await anonymousVoter({ 10: 9 });
    expect(after).not.toBe(before);
    expect(await ratingsOf(voterIdOf(before))).toEqual(['8=6']);
    expect(await ratingsOf(voterIdOf(after))).toEqual(['10=9']);
  });

  it('lists many ratings a page at a time', async () => {
    const make = factories(context.database.handle.db);
    const show = await make.show({ slug: 'long-runner', title: 'Long Runner' });
    const season = await make.season(show.id);
    for (let n = 1; n <= 53; n++) await make.episode(season.id, n);
    const planted = await anonymousVoter(Object.fromEntries(Array.from({ length: 53 }, (_, i) => [i + 1, (i % 10) + 1])), 'long-runner');
    const signedIn = await signIn(await account(), planted);
    const session = cookieFrom(signedIn, 'epirank_session');

    const first = await get('/account/join-ratings', session);
    expect(listed(first.body)).toHaveLength(50);
    expect(listed(first.body)[0]).toBe('S1E1=1');
    expect(parsePage(first.body)('.pager-position').text()).toBe('Page 1 of 2 (53 ratings)');
    const second = await get('/account/join-ratings?page=2', session);
    expect(listed(second.body)).toEqual(['S1E51=1', 'S1E52=2', 'S1E53=3']);
    expect((await get('/account/join-ratings?page=3', session)).statusCode).toBe(404);
  });
});
