/**
 * Personal API tokens through the whole app (inject) on a real database: created, listed and
 * revoked on /account/tokens (shown once, stored as a hash), then used as `Authorization: Bearer`
 * on the JSON API to read and write the account's own ratings; bad, revoked and unknown tokens are
 * 401 problems, one account's token never touches another's ratings, token answers are never
 * cached, and "last used" is written at most once a minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiTokensService, MAX_API_TOKENS_PER_ACCOUNT, tooManyTokens } from '../../src/accounts/api-tokens.service.js';
import { storeOf } from '../../src/repositories.js';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const browser = browserFor(context);
const EPISODE = '/api/v1/shows/kaleido-star/seasons/1/episodes';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A new fan: the session cookie and the account's id. */
async function newFan(): Promise<{ cookie: string; id: number }> {
  const cookie = await browser.session('fan');
  const session = await context.database.handle.db
    .selectFrom('sessions')
    .select('user_id')
    .where('id', '=', sha256(cookie.split('=')[1]!))
    .executeTakeFirstOrThrow();
  return { cookie, id: session.user_id };
}

/** Creates a token through the page's form; returns the page's answer and the secret it shows. */
async function createToken(cookie: string, name: string) {
  const response = await browser.post('/account/tokens', { name }, cookie);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const secret = parsePage(response.body)('.api-token-secret').text().trim();
  return { response, secret };
}

const api = (method: 'GET' | 'PUT' | 'DELETE', url: string, token: string | null, options: { payload?: object; headers?: Record<string, string> } = {}) =>
  context.app.inject({
    method,
    url,
    payload: options.payload,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers },
  });

const listedNames = (body: string) =>
  parsePage(body)('.api-token-name')
    .toArray()
    .map((cell) => parsePage(body)(cell).text());

function expectUnauthorized(response: Awaited<ReturnType<typeof api>>, challenge = 'Bearer realm="Epirank", error="invalid_token"') {
  expect(response.statusCode, response.body).toBe(401);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ type: '/problems/unauthorized', status: 401, title: 'Unauthorized', detail: expect.any(String) });
  expect(response.headers['www-authenticate']).toBe(challenge);
  expect(String(response.headers['cache-control'])).toMatch(/no-store/);
}

describe('the tokens page', () => {
  it('sends a visitor to sign in first', async () => {
    const response = await browser.get('/account/tokens');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in?return=%2Faccount%2Ftokens');
    expect((await browser.post('/account/tokens', { name: 'x' })).statusCode).toBe(303);
  });

  it('is linked from the account page', async () => {
    const { cookie } = await newFan();
    expect(parsePage((await browser.get('/account', cookie)).body)('a[href="/account/tokens"]').length).toBe(1);
  });

  it('shows a new token once, in an answer nobody keeps, and stores only its hash', async () => {
    const { cookie, id } = await newFan();
    const { response, secret } = await createToken(cookie, '  My backup script  ');
    expect(secret).toMatch(/^epr_[A-Za-z0-9_-]{43}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('Copy it now');
    expect(listedNames(response.body)).toEqual(['My backup script']);

    const later = await browser.get('/account/tokens', cookie);
    expect(later.statusCode).toBe(200);
    expect(later.headers['cache-control']).toBe('no-store');
    expect(listedNames(later.body)).toEqual(['My backup script']);
    expect(later.body).not.toContain(secret);
    expect(later.body).not.toContain('Copy it now');
    expect(parsePage(later.body)('.api-tokens-table td').eq(2).text()).toBe('Never');

    const rows = await context.database.handle.db.selectFrom('api_tokens').selectAll().where('user_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'My backup script', token_hash: sha256(secret), last_used_at: null });
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
  });

  it('refuses a blank or over-long name with the form’s message, and a form from another site', async () => {
    const { cookie, id } = await newFan();
    for (const name of ['', '   ', 'x'.repeat(81), 'x'.repeat(301)]) {
      const response = await browser.post('/account/tokens', { name }, cookie);
      expect(response.statusCode, name.slice(0, 5)).toBe(400);
      if (name.length <= 300) expect(parsePage(response.body)('#field-name-error').text()).toBe('Give the token a name of 1 to 80 characters.');
    }
    expect((await createToken(cookie, 'x'.repeat(80))).secret).toMatch(/^epr_/);
    const crossSite = await browser.crossSitePost('/account/tokens', { name: 'planted' }, cookie);
    expect(crossSite.statusCode).toBe(403);
    const names = await context.database.handle.db.selectFrom('api_tokens').select('name').where('user_id', '=', id).execute();
    expect(names.map((r) => r.name)).toEqual(['x'.repeat(80)]);
  });

  it(`holds at most ${MAX_API_TOKENS_PER_ACCOUNT} tokens per account`, async () => {
    const { cookie } = await newFan();
    for (let n = 1; n <= MAX_API_TOKENS_PER_ACCOUNT; n++) await createToken(cookie, `script ${n}`);
    const full = await browser.get('/account/tokens', cookie);
    expect(listedNames(full.body)).toHaveLength(MAX_API_TOKENS_PER_ACCOUNT);
    expect(parsePage(full.body)('form[action="/account/tokens"]').length).toBe(0);
    const refused = await browser.post('/account/tokens', { name: 'one too many' }, cookie);
    expect(refused.statusCode).toBe(400);
    expect(parsePage(refused.body)('.form-error').text()).toBe(tooManyTokens());
    expect(listedNames(refused.body)).not.toContain('one too many');
  });

  it('revokes a token at once; another account’s token cannot be revoked', async () => {
    const a = await newFan();
    const b = await newFan();
    const { secret: kept } = await createToken(b.cookie, 'B’s script');
    const { secret: revoked } = await createToken(a.cookie, 'old script');
    expect((await api('GET', '/api/v1/me', revoked)).statusCode).toBe(200);
    const [bToken] = await context.database.handle.db.selectFrom('api_tokens').select('id').where('user_id', '=', b.id).execute();
    const [aToken] = await context.database.handle.db.selectFrom('api_tokens').select('id').where('user_id', '=', a.id).execute();

    expect((await browser.post(`/account/tokens/${bToken!.id}/delete`, {}, a.cookie)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/me', kept)).statusCode).toBe(200);

    const response = await browser.post(`/account/tokens/${aToken!.id}/delete`, {}, a.cookie);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/tokens?revoked=1');
    const page = await browser.get('/account/tokens?revoked=1', a.cookie);
    expect(page.body).toContain('The token was revoked');
    expect(listedNames(page.body)).toEqual([]);
    expectUnauthorized(await api('GET', '/api/v1/me', revoked));
    expectUnauthorized(await api('PUT', `${EPISODE}/2/rating`, revoked, { payload: { rating: 4 } }));
    expect((await browser.post(`/account/tokens/${aToken!.id}/delete`, {}, a.cookie)).statusCode).toBe(404);
  });
});

describe('a token on the JSON API', () => {
  it('says whose it is, writes the account’s ratings and reads them back', async () => {
    const { cookie, id } = await newFan();
    const { secret } = await createToken(cookie, 'rater');

    const me = await api('GET', '/api/v1/me', secret);
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('private, no-store');
    expect(me.json()).toMatchObject({ displayName: 'fan', email: expect.stringMatching(/^fan-/), token: { name: 'rater', lastUsedAt: expect.any(String) } });

    const vote = await api('PUT', `${EPISODE}/9/rating`, secret, { payload: { rating: 8 } });
    expect(vote.statusCode, vote.body).toBe(200);
    expect(vote.json()).toMatchObject({ yourRating: 8, held: false });
    // A token's request becomes no anonymous voter: no cookie comes back.
    expect(vote.headers['set-cookie']).toBeUndefined();
    expect(vote.headers['cache-control']).toBe('private, no-store');
    const stored = await context.database.handle.db.selectFrom('votes').select(['voter_id', 'rating']).where('voter_id', '=', `u:${id}`).execute();
    expect(stored).toEqual([{ voter_id: `u:${id}`, rating: 8 }]);

    // A rating made on the site, signed in, is in the same list.
    expect((await browser.post('/shows/kaleido-star/seasons/1/episodes/10/rating', { rating: '3' }, cookie)).statusCode).toBe(303);
    const ratings = await api('GET', '/api/v1/me/ratings?sort=show', secret);
    expect(ratings.statusCode).toBe(200);
    expect(ratings.headers['cache-control']).toBe('private, no-store');
    expect(ratings.json()).toMatchObject({
      sort: 'show',
      show: null,
      page: 1,
      pageCount: 1,
      total: 2,
      items: [
        { show: 'kaleido-star', season: 1, episode: 9, rating: 8, held: false },
        { show: 'kaleido-star', season: 1, episode: 10, rating: 3, held: false },
      ],
    });
    // The same data as the account's JSON download.
    const download = (await browser.get('/account/ratings.json', cookie)).json() as { ratings: unknown[] };
    expect(ratings.json().items).toEqual(download.ratings);

    const withdrawn = await api('DELETE', `${EPISODE}/9/rating`, secret);
    expect(withdrawn.statusCode).toBe(200);
    expect((await api('GET', '/api/v1/me/ratings', secret)).json()).toMatchObject({ total: 1, items: [{ episode: 10 }] });
    expect((await api('GET', '/api/v1/me/ratings?page=2', secret)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/me/ratings?sort=best', secret)).statusCode).toBe(400);
  });

  it('acts for its account only: A’s token never changes or shows B’s ratings', async () => {
    const a = await newFan();
    const b = await newFan();
    const { secret: tokenA } = await createToken(a.cookie, 'A');
    const { secret: tokenB } = await createToken(b.cookie, 'B');
    expect((await api('PUT', `${EPISODE}/11/rating`, tokenB, { payload: { rating: 9 } })).statusCode).toBe(200);

    expect((await api('PUT', `${EPISODE}/11/rating`, tokenA, { payload: { rating: 2 } })).json()).toMatchObject({ yourRating: 2 });
    expect((await api('DELETE', `${EPISODE}/11/rating`, tokenA)).statusCode).toBe(200);
    expect((await api('GET', '/api/v1/me/ratings', tokenA)).json()).toMatchObject({ total: 0, items: [] });
    expect((await api('GET', '/api/v1/me/ratings', tokenB)).json()).toMatchObject({ total: 1, items: [{ episode: 11, rating: 9 }] });
    const votes = await context.database.handle.db
      .selectFrom('votes')
      .select(['voter_id', 'rating'])
      .where('voter_id', 'in', [`u:${a.id}`, `u:${b.id}`])
      .execute();
    expect(votes).toEqual([{ voter_id: `u:${b.id}`, rating: 9 }]);
  });

  it('never depends on cookies: a token beats the session and the voter cookie, and a bad token is refused whatever cookies come with it', async () => {
    const a = await newFan();
    const b = await newFan();
    const { secret } = await createToken(a.cookie, 'A');
    const anonymous = await browser.post('/shows/kaleido-star/seasons/1/episodes/12/rating', { rating: '5' });
    const voterCookie = `epirank_voter=${anonymous.cookies.find((c) => c.name === 'epirank_voter')!.value}`;

    const vote = await api('PUT', `${EPISODE}/12/rating`, secret, { payload: { rating: 7 }, headers: { cookie: `${b.cookie}; ${voterCookie}` } });
    expect(vote.json()).toMatchObject({ yourRating: 7 });
    expect((await api('GET', '/api/v1/me', secret, { headers: { cookie: b.cookie } })).json().token.name).toBe('A');
    const rows = await context.database.handle.db
      .selectFrom('votes')
      .innerJoin('episodes', 'episodes.id', 'votes.episode_id')
      .select(['voter_id', 'rating'])
      .where('episodes.number', '=', 12)
      .orderBy('rating')
      .execute();
    expect(rows.map((r) => [r.voter_id.slice(0, 2), r.rating])).toEqual([
      ['a:', 5],
      ['u:', 7],
    ]);
    expect(rows[1]!.voter_id).toBe(`u:${a.id}`);

    expectUnauthorized(
      await api('PUT', `${EPISODE}/13/rating`, `epr_${randomBytes(32).toString('base64url')}`, { payload: { rating: 7 }, headers: { cookie: b.cookie } }),
    );
    expect(await context.database.handle.db.selectFrom('votes').select('id').where('voter_id', '=', `u:${b.id}`).execute()).toEqual([]);
  });

  it('answers an unknown or malformed token with a 401 problem, never a 500', async () => {
    for (const authorization of [
      `Bearer epr_${randomBytes(32).toString('base64url')}`,
      'Bearer',
      'Bearer ',
      'bearer nonsense',
      `Bearer ${randomBytes(32).toString('base64url')}`,
      `Bearer epr_${'%'.repeat(43)}`,
      `Bearer epr_${'a'.repeat(2000)}`,
      'Bearer epr_a epr_b',
    ]) {
      for (const url of ['/api/v1/me', '/api/v1/me/ratings', '/api/v1/shows/kaleido-star']) {
        const response = await context.app.inject({ url, headers: { authorization } });
        expectUnauthorized(response);
      }
    }
  });

  it('asks for a token where only a token will do', async () => {
    const { cookie } = await newFan();
    for (const headers of [{}, { cookie }, { authorization: 'Basic dXNlcjpwYXNz' }]) {
      for (const url of ['/api/v1/me', '/api/v1/me/ratings']) {
        expectUnauthorized(await context.app.inject({ url, headers }), 'Bearer realm="Epirank"');
      }
    }
  });

  it('gets answers no cache keeps: never looked up in nor stored in the API’s answer cache', async () => {
    const { cookie } = await newFan();
    const { secret } = await createToken(cookie, 'reader');
    const show = '/api/v1/shows/kaleido-star/ranking?sort=votes&perPage=7';
    const withToken = await api('GET', show, secret);
    expect(withToken.statusCode).toBe(200);
    expect(withToken.headers['cache-control']).toBe('private, no-store');
    expect(context.app.services.apiAnswers.get(show)).toBeUndefined();
    // Read without a token it is stored and public; the token's next read still is neither.
    expect((await api('GET', show, null)).headers['cache-control']).toBe('public, max-age=10, must-revalidate');
    expect(context.app.services.apiAnswers.get(show)).toBeDefined();
    expect((await api('GET', show, secret)).headers['cache-control']).toBe('private, no-store');
    // A stored answer is no way around a bad token.
    expectUnauthorized(await api('GET', show, `epr_${randomBytes(32).toString('base64url')}`));
  });

  it('leaves a cookie’s vote from another site refused, as before', async () => {
    const { cookie } = await newFan();
    const response = await api('PUT', `${EPISODE}/1/rating`, null, { payload: { rating: 1 }, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(response.statusCode).toBe(403);
  });
});

describe('a deleted account', () => {
  it('takes its tokens with it', async () => {
    const { cookie, id } = await newFan();
    const { secret } = await createToken(cookie, 'doomed');
    expect((await browser.post('/account/delete', { confirm: 'delete' }, cookie)).statusCode).toBe(200);
    expect(await context.database.handle.db.selectFrom('api_tokens').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expectUnauthorized(await api('GET', '/api/v1/me', secret));
  });
});

describe('the vote limits', () => {
  const limited = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 1 } });

  it('hold for a token’s account as for any voter', async () => {
    const cookie = await browserFor(limited).session('fan');
    const created = await browserFor(limited).post('/account/tokens', { name: 'eager' }, cookie);
    const secret = parsePage(created.body)('.api-token-secret').text().trim();
    const vote = (rating: number) =>
      limited.app.inject({ method: 'PUT', url: `${EPISODE}/3/rating`, payload: { rating }, headers: { authorization: `Bearer ${secret}` } });
    expect((await vote(6)).statusCode).toBe(200);
    const refused = await vote(7);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ type: '/problems/too-many-requests' });
    expect(refused.headers['cache-control']).toBe('private, no-store');
  });
});

describe('last used', () => {
  it('is written at most once a minute per token', async () => {
    const { cookie, id } = await newFan();
    const { secret } = await createToken(cookie, 'clocked');
    let now = new Date('2030-01-01T10:00:00.000Z');
    const tokens = new ApiTokensService(storeOf(context.database.handle.db), () => now);
    const lastUsed = async () =>
      (await context.database.handle.db.selectFrom('api_tokens').select('last_used_at').where('user_id', '=', id).executeTakeFirstOrThrow()).last_used_at;

    expect((await tokens.authenticate(secret))?.user.id).toBe(id);
    expect(await lastUsed()).toBe('2030-01-01T10:00:00.000Z');
    now = new Date('2030-01-01T10:00:59.000Z');
    await tokens.authenticate(secret);
    expect(await lastUsed()).toBe('2030-01-01T10:00:00.000Z');
    now = new Date('2030-01-01T10:01:01.000Z');
    await tokens.authenticate(secret);
    expect(await lastUsed()).toBe('2030-01-01T10:01:01.000Z');

    const page = parsePage((await browser.get('/account/tokens', cookie)).body);
    expect(page('.api-tokens-table td').eq(2).text()).toBe('2030-01-01 10:01:01 UTC');
    expect(await tokens.authenticate(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
  });
});
