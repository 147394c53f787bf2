/**
 * /account/ratings through the whole app (inject): the list for an anonymous voter and after
 * sign-up, its downloads, the header and account page links, and the confirmed deletions of every
 * rating and of the account, and a rating changed or withdrawn from its row.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { signedInAs } from '../helpers/accounts.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';
import { catalogFromCsv } from '../../src/importers/csv.js';
import { MY_RATINGS_PAGE_SIZE } from '../../src/shared/my-ratings-sorts.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

let addresses = 0;
function post(url: string, fields: Record<string, string>, cookie = '', headers: Record<string, string> = FORM) {
  return context.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
    remoteAddress: `203.0.113.${++addresses % 250}`,
  });
}
const get = (url: string, cookie = '') => context.app.inject({ url, headers: cookie ? { cookie } : {} });

function cookieFrom(response: { cookies: Array<{ name: string; value: string }> }, name: string): string {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie`);
  return `${name}=${cookie.value}`;
}

/** Rates Kaleido Star episodes as one new anonymous voter; returns the voter cookie. */
async function anonymousVoter(ratings: Record<number, number>): Promise<string> {
  let cookie = '';
  for (const [episode, rating] of Object.entries(ratings)) {
    const response = await post(`/shows/kaleido-star/seasons/1/episodes/${episode}/rating`, { rating: String(rating) }, cookie);
    expect(response.statusCode).toBe(303);
    cookie ||= cookieFrom(response, 'epirank_voter');
  }
  return cookie;
}

/** The list's rows as "S1E3=7" (with " held" for a held rating). */
async function listed(url: string, cookie: string): Promise<string[]> {
  const response = await get(url, cookie);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  const page = parsePage(response.body);
  return page('table.my-ratings-table tbody tr')
    .toArray()
    .map((row) => {
      const cells = page(row).find('td');
      const episode = /S\d+E\d+/.exec(cells.eq(1).text())![0];
      return `${episode}=${cells.eq(2).text().trim().replace(/\s+/g, ' ')}`;
    });
}

const tallyMismatches = () => context.app.services.tallyAudit.check();

/** An episode's counted votes and their sum, as stored. */
async function tally(episodeId: number): Promise<{ count: number; sum: number }> {
  const row = await context.database.handle.db
    .selectFrom('episode_tallies')
    .select(['vote_count', 'vote_sum'])
    .where('episode_id', '=', episodeId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.vote_count), sum: Number(row.vote_sum) };
}

describe('/account/ratings', () => {
  it('shows an anonymous voter exactly their own ratings, with the fans’ average', async () => {
    const mine = await anonymousVoter({ 3: 9, 5: 2 });
    const theirs = await anonymousVoter({ 4: 6 });
    expect((await listed('/account/ratings?sort=show', mine)).sort()).toEqual(['S1E3=9', 'S1E5=2']);
    expect(await listed('/account/ratings', theirs)).toEqual(['S1E4=6']);
    const page = parsePage((await get('/account/ratings', theirs)).body);
    expect(page('table.my-ratings-table tbody td').eq(3).text()).toMatch(/^\d+\.\d\d$/);
    expect(page('a[href="/account/ratings.csv"]').length).toBe(1);
    // No cookie, no ratings: an empty list that says how to start.
    const nobody = parsePage((await get('/account/ratings')).body);
    expect(nobody('.my-ratings-empty').text()).toContain('You have not rated any episodes yet');
  });

  it('links the list from the header and the account page', async () => {
    const home = parsePage((await get('/shows/kaleido-star')).body);
    expect(home('header .ratings-link').attr('href')).toBe('/account/ratings');
    const session = await signedInAs(context.app, context.database, 'fan');
    const account = parsePage((await get('/account', session)).body);
    expect(account('a[href="/account/ratings"]').length).toBeGreaterThan(0);
    expect(account('a[href="/account/delete"]').length).toBe(1);
  });

  it('refuses an unknown order with 400, answers a page past the end with 404, and sends a blank filter to the plain list', async () => {
    const voter = await anonymousVoter({ 6: 5 });
    expect((await get('/account/ratings?sort=loudest', voter)).statusCode).toBe(400);
    expect((await get('/account/ratings?page=0', voter)).statusCode).toBe(400);
    const past = await get('/account/ratings?page=2', voter);
    expect(past.statusCode).toBe(404);
    expect(parsePage(past.body)('.my-ratings-empty a').attr('href')).toBe('/account/ratings');
    const blank = await get('/account/ratings?sort=rating&show=', voter);
    expect([blank.statusCode, blank.headers.location]).toEqual([303, '/account/ratings?sort=rating']);
    expect(await listed('/account/ratings?sort=disagree&show=kaleido-star', voter)).toEqual(['S1E6=5']);
  });

  it('downloads the ratings as a CSV and a JSON attachment', async () => {
    const voter = await anonymousVoter({ 7: 8, 1: 4 });
    const csv = await get('/account/ratings.csv', voter);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="epirank-ratings.csv"');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('show,season,episode,title,rating,rated_at');
    expect(lines.slice(1, 3).map((l) => l.split(',').slice(0, 3).concat(l.split(',')[4]!))).toEqual([
      ['Kaleido Star', '1', '1', '4'],
      ['Kaleido Star', '1', '7', '8'],
    ]);

    const json = await get('/account/ratings.json', voter);
    expect(json.headers['content-disposition']).toBe('attachment; filename="epirank-ratings.json"');
    const body = JSON.parse(json.body) as { ratings: Array<Record<string, unknown>> };
    expect(body.ratings.map((r) => [r.show, r.season, r.episode, r.rating, r.held])).toEqual([
      ['kaleido-star', 1, 1, 4, false],
      ['kaleido-star', 1, 7, 8, false],
    ]);
    expect(Object.keys(body.ratings[0]!).sort()).toEqual(
      ['crowdAverage', 'crowdVotes', 'episode', 'held', 'ratedAt', 'rating', 'season', 'show', 'showTitle', 'title'].sort(),
    );
    expect(JSON.parse((await get('/account/ratings.json')).body)).toEqual({ ratings: [] });
  });

  it('writes titles that look like formulas as text in the CSV, and numbers as numbers', async () => {
    const make = factories(context.database.handle.db);
    const show = await make.show({ slug: 'formula-show', title: '=HYPERLINK("https://evil.example/","Click")' });
    const season = await make.season(show.id, 1);
    for (const [number, title] of [
      [1, '@SUM(1)'],
      [2, '-x'],
      [3, '+1'],
      [4, '\tTabbed'],
      [5, 'Plain, with a comma'],
    ] as const) {
      await make.episode(season.id, number, { title });
    }
    let voter = '';
    for (let episode = 1; episode <= 5; episode++) {
      const response = await post(`/shows/formula-show/seasons/1/episodes/${episode}/rating`, { rating: String(episode) }, voter);
      expect(response.statusCode).toBe(303);
      voter ||= cookieFrom(response, 'epirank_voter');
    }
    const lines = (await get('/account/ratings.csv', voter)).body.split('\r\n');
    const show_ = `"'=HYPERLINK(""https://evil.example/"",""Click"")"`;
    expect(lines.slice(1, 6).map((line) => line.split(/,(?=\d{4}-)/)[0])).toEqual([
      `${show_},1,1,"'@SUM(1)",1`,
      `${show_},1,2,"'-x",2`,
      `${show_},1,3,"'+1",3`,
      `${show_},1,4,"'\tTabbed",4`,
      `${show_},1,5,"Plain, with a comma",5`,
    ]);
    // The catalogue's CSV reader takes the guard off again: what was written is what is read.
    const catalogue = catalogFromCsv(
      [
        'show,show_title,season,episode,title',
        `formula-show,${show_},1,1,"'@SUM(1)"`,
        `formula-show,${show_},1,2,'-x`,
        `formula-show,${show_},1,3,'Tis the season`,
      ].join('\n'),
      'test.csv',
    );
    expect(catalogue.shows[0]!.title).toBe('=HYPERLINK("https://evil.example/","Click")');
    expect(catalogue.shows[0]!.seasons[0]!.episodes.map((e) => e.title)).toEqual(['@SUM(1)', '-x', "'Tis the season"]);
  });

  it('keeps the ratings after sign-up and sign-in, then deletes them all after a confirmation, tallies exact', async () => {
    const voter = await anonymousVoter({ 8: 10, 9: 1 });
    await post('/account/sign-up', { email: 'keeper@example.org', displayName: 'Keeper', password: 'long enough password' }, voter);
    // Sign-up no longer signs in, and the ratings join the account once the fan says so (issue 24).
    const signIn = await post('/account/sign-in', { email: 'keeper@example.org', password: 'long enough password' }, voter);
    const session = cookieFrom(signIn, 'epirank_session');
    expect(signIn.headers.location).toBe('/account/join-ratings');
    await post('/account/join-ratings', { choice: 'join' }, session);
    expect((await listed('/account/ratings?sort=show', session)).sort()).toEqual(['S1E8=10', 'S1E9=1']);

    // Anonymous visitors get no delete link or page; signed-in fans a confirmation page first.
    expect((await get('/account/ratings/delete')).headers.location).toBe('/account/sign-in?return=%2Faccount%2Fratings%2Fdelete');
    const confirm = parsePage((await get('/account/ratings/delete', session)).body);
    expect(confirm('form[action="/account/ratings/delete"] input[name="confirm"]').attr('value')).toBe('delete');
    expect(confirm('button').text()).toContain('Delete 2 ratings');
    // Without the confirmation field, or from another site, nothing goes.
    expect((await post('/account/ratings/delete', {}, session)).headers.location).toBe('/account/ratings/delete');
    expect((await post('/account/ratings/delete', { confirm: 'delete' }, session, { ...FORM, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await listed('/account/ratings', session)).toHaveLength(2);

    const done = await post('/account/ratings/delete', { confirm: 'delete' }, session);
    expect([done.statusCode, done.headers.location]).toEqual([303, '/account/ratings']);
    expect(await listed('/account/ratings', session)).toEqual([]);
    expect(await tallyMismatches()).toEqual([]);
    const audit = parsePage((await get('/admin/audit', await signedInAs(context.app, context.database, 'admin'))).body);
    expect(audit('body').text()).toContain('ratings.delete-own');
  });

  it('deletes an account after a confirmation: ratings gone, every session ended', async () => {
    const voter = await anonymousVoter({ 10: 7 });
    await post('/account/sign-up', { email: 'leaver@example.org', displayName: 'Leaver', password: 'long enough password' }, voter);
    // Sign-up no longer signs in (issue 24): the ratings move at the sign-in that follows.
    const session = cookieFrom(await post('/account/sign-in', { email: 'leaver@example.org', password: 'long enough password' }, voter), 'epirank_session');
    const other = cookieFrom(await post('/account/sign-in', { email: 'leaver@example.org', password: 'long enough password' }), 'epirank_session');
    expect((await get('/account/delete', session)).body).toContain('leaver@example.org');
    expect((await post('/account/delete', {}, session)).headers.location).toBe('/account/delete');

    const done = await post('/account/delete', { confirm: 'delete' }, session);
    expect(done.statusCode).toBe(200);
    expect(parsePage(done.body)('h1').text()).toBe('Your account was deleted');
    expect(done.cookies.find((c) => c.name === 'epirank_session')?.value).toBe('');
    for (const cookie of [session, other]) expect((await get('/account', cookie)).headers.location).toBe('/account/sign-in?return=%2Faccount');
    expect(await listed('/account/ratings', session)).toEqual([]);
    expect(await tallyMismatches()).toEqual([]);
  });

  it('changes a rating from its row and comes back to the same page of the list, which says so; the tally moves exactly', async () => {
    const voter = await anonymousVoter({ 3: 9, 5: 2 });
    const list = '/account/ratings?sort=rating&show=kaleido-star';
    const page = parsePage((await get(list, voter)).body);
    const row = page('tr.my-rating-row').filter((_, tr) => page(tr).text().includes('S1E3 ·'));
    const form = row.find('td.my-rating-change details form.vote-form');
    const episodeId = Number(form.attr('data-episode-id'));
    expect(form.attr('action')).toBe('/shows/kaleido-star/seasons/1/episodes/3/rating');
    expect(form.find('input[name="return"]').attr('value')).toBe(`${list}&rated=${episodeId}`);
    expect(form.find('button[aria-pressed="true"]').text()).toBe('9');
    // The day given, short, with the full time kept in the markup.
    expect(row.find('td.my-rating-date time').text()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const before = await tally(episodeId);

    const changed = await post(form.attr('action')!, { rating: '4', return: form.find('input[name="return"]').attr('value')! }, voter);
    expect([changed.statusCode, changed.headers.location]).toEqual([303, `${list}&rated=${episodeId}#s1e3`]);
    expect(await listed(changed.headers.location as string, voter)).toEqual(['S1E3=4', 'S1E5=2']);
    const shown = parsePage((await get(changed.headers.location as string, voter)).body);
    expect(shown('p.my-ratings-notice#s1e3').text()).toBe(`Saved: your rating of Kaleido Star ${row.find('td.my-rating-episode').text().trim()} is 4.`);
    expect(await tally(episodeId)).toEqual({ count: before.count, sum: before.sum - 5 });
    expect(await tallyMismatches()).toEqual([]);
  });

  it('withdraws a rating from its row: the row is gone, the list says so, the tally loses exactly that vote', async () => {
    const voter = await anonymousVoter({ 4: 7, 6: 3 });
    const page = parsePage((await get('/account/ratings', voter)).body);
    const form = page('tr.my-rating-row')
      .filter((_, tr) => page(tr).text().includes('S1E4 ·'))
      .find('form.vote-form');
    const episodeId = Number(form.attr('data-episode-id'));
    const before = await tally(episodeId);
    const gone = await post(form.attr('action')!, { action: 'withdraw', return: form.find('input[name="return"]').attr('value')! }, voter);
    expect([gone.statusCode, gone.headers.location]).toEqual([303, `/account/ratings?rated=${episodeId}#s1e4`]);
    expect(await listed(gone.headers.location as string, voter)).toEqual(['S1E6=3']);
    const shown = parsePage((await get(gone.headers.location as string, voter)).body);
    expect(shown('p.my-ratings-notice').text()).toMatch(/^Removed your rating of Kaleido Star S1E4 · .+\.$/);
    expect(await tally(episodeId)).toEqual({ count: before.count - 1, sum: before.sum - 7 });
    expect(await tallyMismatches()).toEqual([]);
  });

  it('sends the fan who withdrew the last rating of the last page to the page that is now last, still saying so', async () => {
    const make = factories(context.database.handle.db);
    const { episodeIds } = await make.showWithSeason({ slug: 'long-list' }, MY_RATINGS_PAGE_SIZE + 1);
    let voter = '';
    for (let episode = 1; episode <= episodeIds.length; episode++) {
      const vote = await post(`/shows/long-list/seasons/1/episodes/${episode}/rating`, { rating: '5' }, voter);
      expect(vote.statusCode, vote.body.slice(0, 200)).toBe(303);
      voter ||= cookieFrom(vote, 'epirank_voter');
    }
    const last = episodeIds.at(-1)!;
    const back = `/account/ratings?sort=show&page=2&rated=${last}`;
    expect(parsePage((await get('/account/ratings?sort=show&page=2', voter)).body)('form.vote-form input[name="return"]').attr('value')).toBe(back);
    const gone = await post(`/shows/long-list/seasons/1/episodes/${episodeIds.length}/rating`, { action: 'withdraw', return: back }, voter);
    expect(gone.headers.location).toBe(`${back}#s1e${episodeIds.length}`);
    const moved = await get(back, voter);
    expect([moved.statusCode, moved.headers.location]).toEqual([303, `/account/ratings?sort=show&rated=${last}`]);
    const shown = parsePage((await get(moved.headers.location as string, voter)).body);
    const n = episodeIds.length;
    expect(shown('p.my-ratings-notice').text()).toMatch(new RegExp(`^Removed your rating of Show \\d+ S1E${n} · Episode title ${n}\\.$`));
    expect(shown('tr.my-rating-row')).toHaveLength(MY_RATINGS_PAGE_SIZE);
  });

  it('refuses a return address outside the site: the vote counts and the browser goes to the season instead', async () => {
    const voter = await anonymousVoter({ 2: 5 });
    for (const away of ['https://evil.example/account/ratings', '//evil.example/account/ratings', '/\\evil.example/account/ratings', 'javascript:alert(1)']) {
      const response = await post('/shows/kaleido-star/seasons/1/episodes/2/rating', { rating: '6', return: away }, voter);
      expect([response.statusCode, response.headers.location]).toEqual([303, '/shows/kaleido-star/seasons/1#s1e2']);
    }
    expect(await listed('/account/ratings', voter)).toEqual(['S1E2=6']);
    // A return naming an episode that does not exist, or no number at all, says nothing or is refused.
    expect(parsePage((await get('/account/ratings?rated=999999', voter)).body)('.my-ratings-notice').length).toBe(0);
    expect((await get('/account/ratings?rated=abc', voter)).statusCode).toBe(400);
  });

  it('refuses to delete the last admin’s account, saying why', async () => {
    await context.database.handle.db.updateTable('users').set({ role: 'fan' }).where('role', '=', 'admin').execute();
    const admin = await signedInAs(context.app, context.database, 'admin');
    const refused = await post('/account/delete', { confirm: 'delete' }, admin);
    expect(refused.statusCode).toBe(409);
    expect(parsePage(refused.body)('.form-error').text()).toContain('You are the only admin');
    expect((await get('/account', admin)).statusCode).toBe(200);
  });
});
