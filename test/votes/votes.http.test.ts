import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { StandingsRepository } from '../../src/ranking/standings.repository.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage, readRanking } from '../helpers/html.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const ratingPath = (episode: number) => `${SEASON}/episodes/${episode}/rating`;
const apiPath = (episode: number) => `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`;
const seed = seedDemo;

const context = useTestApp({ seed, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });

interface PostOptions {
  cookie?: string;
  json?: boolean;
  headers?: Record<string, string>;
  app?: FastifyInstance;
}

/** Posts the vote form as a browser on our own page would (Sec-Fetch-Site: same-origin). */
async function postVote(episode: number, fields: Record<string, string>, options: PostOptions = {}) {
  return (options.app ?? context.app).inject({
    method: 'POST',
    url: ratingPath(episode),
    payload: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...(options.json ? { accept: 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

function voterCookie(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'epirank_voter');
  if (!cookie) throw new Error('no voter cookie was set');
  return `epirank_voter=${cookie.value}`;
}

async function tallyOf(episodeNumber: number) {
  const db = context.database.handle.db;
  const season = await db.selectFrom('seasons').select(['id', 'show_id']).executeTakeFirstOrThrow();
  const standings = (await new StandingsRepository(db).episodeStandings({ showId: season.show_id })).filter((e) => e.seasonId === season.id);
  const standing = standings.find((e) => e.episodeNumber === episodeNumber)!;
  return { count: standing.count, sum: standing.sum, votesHere: standing.votesHere, histogram: standing.histogram };
}

describe('voting without JavaScript', () => {
  it('rates an unrated episode, sets an HttpOnly SameSite=Lax voter cookie, and returns to the same spot', async () => {
    // What pressing the rating button "8" sends: the button's name and value, and the return path.
    const response = await postVote(14, { rating: '8', return: `${SEASON}?sort=average` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${SEASON}?sort=average#s1e14`);
    const cookie = response.cookies.find((c) => c.name === 'epirank_voter')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();

    const page = parsePage((await context.app.inject({ method: 'GET', url: `${SEASON}?sort=average`, headers: { cookie: voterCookie(response) } })).body);
    const entry = readRanking(page).find((e) => e.episode === 14);
    expect(entry).toMatchObject({ title: 'Episode 14', average: '8.00', votes: 1, fewVotes: true });
    // Closed, the card says the voter's rating on the link that opens its rating buttons.
    expect(page('article#s1e14 a.vote-open').text()).toBe('Your rating: 8');
    expect(page('article#s1e14 a.vote-open').attr('href')).toBe(`${SEASON}?sort=average&rate=s1e14#s1e14`);
    expect(page('ul.unrated')).toHaveLength(0);
    // Open, the 8 is pressed and the rating can be removed.
    const open = parsePage(
      (await context.app.inject({ method: 'GET', url: `${SEASON}?sort=average&rate=s1e14`, headers: { cookie: voterCookie(response) } })).body,
    );
    expect(open('article#s1e14 button[name="rating"][aria-pressed="true"]').attr('value')).toBe('8');
    expect(open('article#s1e14 button[aria-pressed="true"]')).toHaveLength(1);
    expect(open('article#s1e14 .vote-status').text()).toBe('You rated it 8.');
    expect(open('article#s1e14 .vote-withdraw').attr('hidden')).toBeUndefined();
    expect(open('article#s1e14 input[name="return"]').attr('value')).toBe(`${SEASON}?sort=average`);
    expect(open('form.vote-form')).toHaveLength(1);
  });

  it('changes and withdraws a rating, keeping one rating per voter', async () => {
    const first = await postVote(2, { rating: '10' });
    const cookie = voterCookie(first);
    expect(await tallyOf(2)).toMatchObject({ count: 10, sum: 80, votesHere: 1 });
    await postVote(2, { rating: '4' }, { cookie });
    expect(await tallyOf(2)).toMatchObject({ count: 10, sum: 74, votesHere: 1, histogram: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0] });
    const withdrawn = await postVote(2, { action: 'withdraw', return: SEASON }, { cookie });
    expect(withdrawn.statusCode).toBe(303);
    expect(await tallyOf(2)).toMatchObject({ count: 9, sum: 70, votesHere: 0 });
  });

  it('falls back to the season page when the return address points elsewhere', async () => {
    for (const target of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const response = await postVote(3, { rating: '7', return: target });
      expect(response.headers.location).toBe(`${SEASON}#s1e3`);
    }
  });
});

describe('voting with JavaScript (the form asking for JSON)', () => {
  it('answers with the new numbers, the voter rating and the ranking in the page order', async () => {
    const response = await postVote(26, { rating: '10', sort: 'average', scope: 'season' }, { json: true });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.yourRating).toBe(10);
    // 42 + 10 over 6 votes = 8.666… → 8.67
    expect(body.episode).toMatchObject({ id: expect.any(Number), season: 1, number: 26, votes: 6, average: '8.67', fewVotes: false });
    expect(body.ranking.sort).toBe('average');
    // Entries carry what the page updates, by id: episode 1 (9.40) first, then the voted one.
    expect(body.ranking.episodes[0]).toEqual({
      id: expect.any(Number),
      rank: 1,
      votes: expect.any(Number),
      average: '9.40',
      fanScore: expect.any(String),
      fewVotes: false,
    });
    expect(body.ranking.episodes[1]).toMatchObject({ id: body.episode.id, rank: 2, average: '8.67' });
    expect(body.ranking.episodes).toHaveLength(26);
    // The voted episode's own rank is its season rank by fan score, whatever order the page shows.
    expect(body.episode.seasonRank).toEqual({ rank: expect.any(Number), of: 26 });
    expect(body.episode.rank).toBe(body.episode.seasonRank.rank);
  });

  it('carries only the ranks the page shows when the page says which', async () => {
    const first = await postVote(5, { rating: '6', sort: 'score', scope: 'show' }, { json: true });
    const whole = first.json();
    // The same voter rating the same again: nothing changes but the window asked for.
    const part = (await postVote(5, { rating: '6', sort: 'score', scope: 'show', first: '3', count: '4' }, { json: true, cookie: voterCookie(first) })).json();
    expect(part.ranking.episodes.map((e: { rank: number }) => e.rank)).toEqual([3, 4, 5, 6]);
    expect(part.ranking.episodes).toEqual(whole.ranking.episodes.slice(2, 6));
    const tooMany = await postVote(5, { rating: '6', first: '1', count: '100000' }, { json: true });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('the JSON API', () => {
  it('PUT sets and replaces the current voter rating; DELETE withdraws it', async () => {
    const put = await context.app.inject({ method: 'PUT', url: apiPath(11), payload: { rating: 9 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ yourRating: 9, episode: { number: 11, votes: 5, average: '7.80' } });
    const cookie = voterCookie(put);

    const again = await context.app.inject({ method: 'PUT', url: apiPath(11), payload: { rating: 1 }, headers: { cookie } });
    expect(again.json()).toMatchObject({ yourRating: 1, episode: { votes: 5, average: '6.20' } });

    const removed = await context.app.inject({ method: 'DELETE', url: apiPath(11), headers: { cookie } });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ yourRating: null, episode: { votes: 4, average: '7.50', seasonRank: { rank: expect.any(Number) } } });
  });

  it('answers an unknown episode and a bad rating with problem documents', async () => {
    const missing = await context.app.inject({ method: 'PUT', url: apiPath(99), payload: { rating: 5 } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(missing.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
    for (const payload of [{ rating: 0 }, { rating: 11 }, { rating: 7.5 }, { rating: 'ten' }, {}]) {
      const response = await context.app.inject({ method: 'PUT', url: apiPath(5), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ type: '/problems/invalid-request' });
    }
  });
});

describe('refusals write nothing', () => {
  it.each([
    [{ rating: '0' }, 400, 'A rating must be a whole number from 1 to 10.'],
    [{ rating: '11' }, 400, 'A rating must be a whole number from 1 to 10.'],
    [{ rating: '7.5' }, 400, 'A rating must be a whole number from 1 to 10.'],
    [{ rating: 'abc' }, 400, 'A rating must be a whole number from 1 to 10.'],
    // Rate with nothing chosen goes back to the card with a message: test/web/choose-rating.test.ts.
    [{ rating: '5', action: 'delete-everything' }, 400, '"action" must be one of: rate, withdraw.'],
  ])('form %j → %i', async (fields, status, message) => {
    const before = await tallyOf(6);
    const response = await postVote(6, fields);
    expect(response.statusCode).toBe(status);
    expect(parsePage(response.body)('.error-detail').text()).toBe(message);
    expect(await tallyOf(6)).toEqual(before);
  });

  it('a vote for an episode deleted after its address was looked up is a 404, not a 500', async () => {
    expect((await postVote(25, { rating: '5' })).statusCode).toBe(303); // the address is now remembered
    const db = context.database.handle.db;
    const episode = await db.selectFrom('episodes').select('id').where('number', '=', 25).executeTakeFirstOrThrow();
    await db.deleteFrom('episodes').where('id', '=', episode.id).execute();
    const response = await postVote(25, { rating: '6' });
    expect(response.statusCode).toBe(404);
    expect((await postVote(25, { rating: '6' })).statusCode).toBe(404);
  });

  it('an unknown episode is a 404 page', async () => {
    const response = await postVote(40, { rating: '5' });
    expect(response.statusCode).toBe(404);
    expect(parsePage(response.body)('.error-detail').text()).toBe('There is no episode 40 in season 1 of “kaleido-star”.');
  });

  it.each([
    ['no browser provenance at all', {}],
    ['a cross-site request', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site (other subdomain) request', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
  ])('a form post with %s is refused as forgery (403)', async (_label, headers) => {
    const before = await tallyOf(7);
    const response = await context.app.inject({
      method: 'POST',
      url: ratingPath(7),
      payload: 'rating=10',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    expect(response.statusCode).toBe(403);
    expect(parsePage(response.body)('.error-detail').text()).toContain('can only be sent from Epirank’s own pages');
    expect(await tallyOf(7)).toEqual(before);
  });

  it('accepts a form post whose Origin is this site', async () => {
    const response = await postVote(7, { rating: '9' }, { headers: { 'sec-fetch-site': '', origin: 'http://localhost:80' } });
    expect(response.statusCode).toBe(303);
  });

  it('refuses API writes a browser marks as cross-origin, and accepts programs that send no such header', async () => {
    const before = await tallyOf(8);
    const forged = await context.app.inject({ method: 'PUT', url: apiPath(8), payload: { rating: 10 }, headers: { origin: 'https://evil.example' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ type: '/problems/forbidden' });
    expect(await tallyOf(8)).toEqual(before);
  });

  it('refuses oversized bodies (413) without writing', async () => {
    const before = await tallyOf(9);
    const response = await postVote(9, { rating: '5', return: 'x'.repeat(70_000) });
    expect(response.statusCode).toBe(413);
    expect(await tallyOf(9)).toEqual(before);
  });

  it('treats a tampered voter cookie as no cookie: a new voter, never someone else', async () => {
    const first = await postVote(10, { rating: '2' });
    const [name, value] = voterCookie(first).split('=') as [string, string];
    const tampered = `${name}=${value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`;
    const second = await postVote(10, { rating: '3' }, { cookie: tampered });
    expect(voterCookie(second)).not.toBe(voterCookie(first));
    expect(await tallyOf(10)).toMatchObject({ votesHere: 2 });
  });
});

describe('pages after votes', () => {
  it('a visitor without a cookie sees new numbers right after a vote (the page cache is dropped)', async () => {
    const count = async () => readRanking(parsePage((await context.app.inject({ method: 'GET', url: SEASON })).body)).find((e) => e.episode === 12)!.votes;
    const before = await count();
    expect(await count()).toBe(before);
    await postVote(12, { rating: '6' });
    expect(await count()).toBe(before + 1);
  });
});

describe('rate limits', () => {
  const limited = useTestApp({ seed, config: { voteLimitPerVoter: 3, voteLimitPerIp: 5 } });

  it('limit each voter and each IP, answering 429 with Retry-After as a page or a problem', async () => {
    const first = await postVote(1, { rating: '5' }, { app: limited.app });
    const cookie = voterCookie(first);
    expect((await postVote(1, { rating: '6' }, { app: limited.app, cookie })).statusCode).toBe(303);
    expect((await postVote(1, { rating: '7' }, { app: limited.app, cookie })).statusCode).toBe(303);
    const page = await postVote(1, { rating: '8' }, { app: limited.app, cookie });
    expect(page.statusCode).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(parsePage(page.body)('h1').text()).toBe('Too many requests');
    const problem = await postVote(1, { rating: '8' }, { app: limited.app, cookie, json: true });
    expect(problem.statusCode).toBe(429);
    expect(problem.json()).toMatchObject({ type: '/problems/too-many-requests', status: 429 });

    // Refused votes spent nothing, so the address has used 3 of its 5: a fresh voter from it
    // gets two more, then meets the per-IP limit.
    const other = await postVote(2, { rating: '5' }, { app: limited.app });
    expect(other.statusCode).toBe(303);
    expect((await postVote(2, { rating: '6' }, { app: limited.app, cookie: voterCookie(other) })).statusCode).toBe(303);
    const blocked = await postVote(2, { rating: '7' }, { app: limited.app, cookie: voterCookie(other) });
    expect(blocked.statusCode).toBe(429);
    expect(parsePage(blocked.body)('.error-detail').text()).toMatch(/^You are voting faster than Epirank allows\. Try again in \d+ seconds?\.$/);
  });
});

describe('cookies behind HTTPS', () => {
  const behindProxy = useTestApp({ seed, config: { trustProxy: true } });

  it('marks the voter cookie Secure when the proxy says the request came over HTTPS', async () => {
    const response = await postVote(1, { rating: '9' }, { app: behindProxy.app, headers: { 'x-forwarded-proto': 'https' } });
    expect(response.cookies.find((c) => c.name === '__Host-epirank_voter')?.secure).toBe(true);
  });
});
