import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/http/session.js';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import { VOTER_COOKIE } from '../../src/http/voter-cookie.js';
import { browserFor, seedDemo, testConfig, useTestApp } from '../helpers/app.js';
import { freePort } from '../helpers/process.js';
import { registeredRoutes } from '../helpers/routes.js';
import { signedInAs } from '../helpers/accounts.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const SEASON = '/api/v1/shows/kaleido-star/seasons/1';
/** A personal API token of a fan, for the operations only a token opens (/api/v1/me). */
let token = '';

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { description: string; headers?: Record<string, object>; content?: Record<string, { schema: object }> }>;
}
type OpenApiDocument = {
  openapi: string;
  info: { license?: { name: string; identifier?: string } };
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  paths: Record<string, Record<string, Operation>>;
};
let document: OpenApiDocument;

beforeAll(async () => {
  document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
  const created = await browserFor(context).post('/account/tokens', { name: 'contract' }, await signedInAs(context.app, context.database, 'fan'));
  token = /epr_[\w-]{43}/.exec(created.body)![0];
});

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

/** Checks an answer against what the document says this operation answers with this status. */
function expectDocumented(method: string, path: string, response: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const operation = document.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const documented = operation!.responses[String(response.statusCode)];
  expect(documented, `${method} ${path} documents status ${response.statusCode}`).toBeDefined();
  const mediaType = String(response.headers['content-type']).split(';')[0]!;
  const content = documented!.content?.[mediaType];
  expect(content, `${method} ${path} ${response.statusCode} documents ${mediaType}`).toBeDefined();
  const validate = ajv.compile(content!.schema);
  const body = JSON.parse(response.body);
  expect(validate(body) ? [] : validate.errors, `${method} ${path} ${response.statusCode} body matches its schema`).toEqual([]);
}

/**
 * One real call for every documented operation; a documented operation without one fails the test.
 * `token`: sent with the personal API token (`Authorization: Bearer`).
 */
const CALLS: Record<string, { url: string; method?: 'GET' | 'PUT' | 'DELETE'; payload?: object; token?: true }> = {
  'GET /api/v1/shows': { url: '/api/v1/shows?q=star&page=1&perPage=5' },
  'GET /api/v1/search': { url: '/api/v1/search?q=kalei&page=1&perPage=5' },
  'GET /api/v1/top': { url: '/api/v1/top?list=votes&year=2003&page=1' },
  'GET /api/v1/shows/{show}': { url: '/api/v1/shows/kaleido-star' },
  'GET /api/v1/shows/{show}/seasons': { url: '/api/v1/shows/kaleido-star/seasons' },
  'GET /api/v1/shows/{show}/ranking': { url: '/api/v1/shows/kaleido-star/ranking?sort=votes' },
  'GET /api/v1/shows/{show}/seasons/{season}/ranking': { url: `${SEASON}/ranking?sort=average` },
  'GET /api/v1/shows/{show}/seasons/{season}/episodes/{episode}': { url: `${SEASON}/episodes/1` },
  'PUT /api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating': {
    url: `${SEASON}/episodes/3/rating`,
    method: 'PUT',
    payload: { rating: 8 },
  },
  'DELETE /api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating': { url: `${SEASON}/episodes/3/rating`, method: 'DELETE' },
  'GET /api/v1/me': { url: '/api/v1/me', token: true },
  'GET /api/v1/me/ratings': { url: '/api/v1/me/ratings?sort=show&page=1', token: true },
};

/** A call's headers: the token where the call needs one. */
const headersOf = (call: { token?: true }) => (call.token ? { authorization: `Bearer ${token}` } : {});

/** "METHOD /path" for every operation in the document. */
const documentedOperations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, and every documented operation has a call in this file', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(documentedOperations().sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('leaves no API route out', () => {
    const registered = registeredRoutes(context.app)
      .filter((route) => route.includes(' /api/v1'))
      .map((route) => route.replace(/:(\w+)/g, '{$1}'))
      .filter((route) => !/^(HEAD|OPTIONS) /.test(route))
      .filter((route) => !['GET /api/v1/openapi.json', 'GET /api/v1/docs'].includes(route));
    expect(registered.length).toBeGreaterThan(5);
    for (const route of registered) expect(documentedOperations(), `${route} is in the OpenAPI document`).toContain(route);
  });

  it.each(Object.entries(CALLS))('%s answers as documented', async (operation, call) => {
    const [method, path] = operation.split(' ') as [string, string];
    const response = await context.app.inject({ method: call.method ?? 'GET', url: call.url, payload: call.payload, headers: headersOf(call) });
    expect(response.statusCode).toBe(200);
    expectDocumented(method, path, response);
  });

  it('has a documentation page for people', async () => {
    const response = await context.app.inject({ url: '/api/v1/docs' });
    expect(response.statusCode).toBe(200);
    for (const operation of Object.keys(CALLS)) expect(response.body).toContain(operation.split(' ')[1]!);
  });
});

describe('malformed input gets a 400 problem, never a 500', () => {
  it.each([
    ['GET', `${SEASON}/ranking?sort=best`, '/api/v1/shows/{show}/seasons/{season}/ranking'],
    ['GET', '/api/v1/shows/kaleido-star/seasons/x/ranking', '/api/v1/shows/{show}/seasons/{season}/ranking'],
    ['GET', '/api/v1/shows/kaleido-star/seasons/0/ranking', '/api/v1/shows/{show}/seasons/{season}/ranking'],
    ['GET', '/api/v1/shows/kaleido-star/seasons/99999999999/ranking', '/api/v1/shows/{show}/seasons/{season}/ranking'],
    ['GET', `${SEASON}/episodes/1.5`, '/api/v1/shows/{show}/seasons/{season}/episodes/{episode}'],
    ['GET', '/api/v1/shows?page=0', '/api/v1/shows'],
    ['GET', '/api/v1/shows?page=abc', '/api/v1/shows'],
    ['GET', '/api/v1/shows?perPage=101', '/api/v1/shows'],
    ['GET', `/api/v1/shows?q=${'x'.repeat(101)}`, '/api/v1/shows'],
    ['GET', '/api/v1/shows/kaleido-star/ranking?sort=', '/api/v1/shows/{show}/ranking'],
  ])('%s %s', async (method, url, path) => {
    const response = await context.app.inject({ method: method as 'GET', url });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/invalid-request', status: 400, detail: expect.any(String) });
    expectDocumented(method, path, response);
  });

  it('a vote whose body is not JSON, or is too large, is a documented 415 or 413 problem', async () => {
    const path = '/api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating';
    const url = `${SEASON}/episodes/6/rating`;
    const notJson = await context.app.inject({ method: 'PUT', url, payload: '<rating>7</rating>', headers: { 'content-type': 'application/xml' } });
    expect(notJson.statusCode).toBe(415);
    expectDocumented('PUT', path, notJson);
    const huge = await context.app.inject({ method: 'PUT', url, payload: { rating: 7, padding: 'x'.repeat(70_000) } });
    expect(huge.statusCode).toBe(413);
    expectDocumented('PUT', path, huge);
  });

  it('unknown shows, seasons and episodes are documented 404 problems', async () => {
    for (const [url, path] of [
      ['/api/v1/shows/nope', '/api/v1/shows/{show}'],
      [`/api/v1/shows/kaleido-star/seasons/9/ranking`, '/api/v1/shows/{show}/seasons/{season}/ranking'],
      [`${SEASON}/episodes/99`, '/api/v1/shows/{show}/seasons/{season}/episodes/{episode}'],
    ] as const) {
      const response = await context.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expectDocumented('GET', path, response);
    }
  });
});

describe('a token that names nobody', () => {
  it('is a documented 401 problem with WWW-Authenticate on every operation', async () => {
    const unknown = `Bearer epr_${'A'.repeat(43)}`;
    for (const [operation, call] of Object.entries(CALLS)) {
      const [method, path] = operation.split(' ') as [string, string];
      const response = await context.app.inject({ method: call.method ?? 'GET', url: call.url, payload: call.payload, headers: { authorization: unknown } });
      expect(response.statusCode, operation).toBe(401);
      expect(response.headers['www-authenticate'], operation).toMatch(/^Bearer /);
      expectDocumented(method, path, response);
    }
  });
});

describe('paging and search', () => {
  it('pages and filters shows by title, case-insensitively and with LIKE wildcards taken literally', async () => {
    const all = (await context.app.inject({ url: '/api/v1/shows' })).json();
    // Other tests in this file vote, so the vote total is only known to be at least the demo's 181.
    expect(all).toMatchObject({ page: 1, perPage: 20, total: 1, items: [{ slug: 'kaleido-star', episodeCount: 51 }] });
    expect(all.items[0].votes).toBeGreaterThanOrEqual(181);
    expect(all.items[0].bestEpisode).toMatchObject({ number: 1, rank: 1, average: '9.40' });
    expect((await context.app.inject({ url: '/api/v1/shows?q=KALEIDO' })).json().total).toBe(1);
    expect((await context.app.inject({ url: '/api/v1/shows?q=%25' })).json().total).toBe(0);
    expect((await context.app.inject({ url: '/api/v1/shows?q=_' })).json().total).toBe(0);
    expect((await context.app.inject({ url: '/api/v1/shows?page=2' })).json()).toMatchObject({ page: 2, items: [], total: 1 });
  });

  it('returns the season ranking in the same order as the page', async () => {
    const api = (await context.app.inject({ url: `${SEASON}/ranking` })).json();
    const page = (await context.app.inject({ url: '/shows/kaleido-star/seasons/1' })).body;
    const pageOrder = [...page.matchAll(/<article class="episode" id="s1e(\d+)"/g)].map((m) => Number(m[1]));
    expect(api.ranked.map((e: { number: number }) => e.number)).toEqual(pageOrder);
    expect(api.unrated).toMatchObject([{ number: 14, title: 'Episode 14', rank: null, votes: 0, average: null }]);
  });
});

describe('HTTP caching and CORS', () => {
  it('sends an ETag and Cache-Control, answers If-None-Match with 304, and changes the ETag after a vote', async () => {
    const first = await context.app.inject({ url: `${SEASON}/ranking` });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=10, must-revalidate');

    const again = await context.app.inject({ url: `${SEASON}/ranking`, headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await context.app.inject({ method: 'PUT', url: `${SEASON}/episodes/5/rating`, payload: { rating: 10 } });
    const after = await context.app.inject({ url: `${SEASON}/ranking`, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('lets any site read, and no other site write', async () => {
    const read = await context.app.inject({ url: '/api/v1/shows', headers: { origin: 'https://fan-wiki.example' } });
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(read.headers['access-control-expose-headers']).toBe('ETag');
    const preflight = await context.app.inject({
      method: 'OPTIONS',
      url: `${SEASON}/episodes/1/rating`,
      headers: { origin: 'https://fan-wiki.example', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    const write = await context.app.inject({
      method: 'PUT',
      url: `${SEASON}/episodes/1/rating`,
      payload: { rating: 1 },
      headers: { origin: 'https://fan-wiki.example' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** Each documented operation with its "METHOD /path". */
const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, operation })),
  );

describe('what a client developer reads in the document', () => {
  it('names every operation with an operationId fit for generated clients', () => {
    expect(Object.fromEntries(operations().map(({ name, operation }) => [name, operation.operationId]))).toEqual({
      'GET /api/v1/shows': 'listShows',
      'GET /api/v1/search': 'search',
      'GET /api/v1/top': 'listTopEpisodes',
      'GET /api/v1/shows/{show}': 'getShow',
      'GET /api/v1/shows/{show}/seasons': 'listSeasons',
      'GET /api/v1/shows/{show}/ranking': 'getShowRanking',
      'GET /api/v1/shows/{show}/seasons/{season}/ranking': 'getSeasonRanking',
      'GET /api/v1/shows/{show}/seasons/{season}/episodes/{episode}': 'getEpisode',
      'PUT /api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating': 'rateEpisode',
      'DELETE /api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating': 'withdrawRating',
      'GET /api/v1/me': 'getMe',
      'GET /api/v1/me/ratings': 'listMyRatings',
    });
  });

  it('gives the MIT licence, as LICENSE does', () => {
    expect(document.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  });

  it('describes every status of every operation in its own words', () => {
    for (const { name, operation } of operations()) {
      const descriptions = Object.values(operation.responses).map((r) => r.description);
      expect(
        descriptions.filter((d) => !d || d === 'Default Response'),
        name,
      ).toEqual([]);
      expect(new Set(descriptions).size, `${name}: one description per status`).toBe(descriptions.length);
    }
  });

  it('leaves reads public, asks a token for the account’s own data, and names the token and the real cookies on votes, which the server then sets', async () => {
    const schemes = document.components.securitySchemes;
    expect(schemes).toMatchObject({
      personalToken: { type: 'http', scheme: 'bearer' },
      voterCookie: { type: 'apiKey', in: 'cookie', name: VOTER_COOKIE },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
    });
    for (const { name, method, operation } of operations()) {
      if (name.startsWith('GET /api/v1/me')) expect(operation.security, name).toEqual([{ personalToken: [] }]);
      else if (method === 'get') expect(operation.security, name).toEqual([]);
      else expect(operation.security, name).toEqual([{ personalToken: [] }, { sessionCookie: [] }, { voterCookie: [] }, {}]);
    }
    const vote = await context.app.inject({ method: 'PUT', url: `${SEASON}/episodes/4/rating`, payload: { rating: 6 } });
    expect(vote.cookies.map((c) => c.name)).toEqual([schemes.voterCookie!.name]);
  });

  it('documents 503 with Retry-After on every operation, 429 with Retry-After on votes, and 304 on reads', () => {
    for (const { name, method, operation } of operations()) {
      expect(operation.responses['503']?.headers, name).toHaveProperty('Retry-After');
      if (method === 'get') {
        expect(operation.responses['304'], name).toBeDefined();
        expect(operation.responses['200']?.headers, name).toHaveProperty('ETag');
      } else expect(operation.responses['429']?.headers, name).toHaveProperty('Retry-After');
    }
  });
});

describe('rank: one meaning everywhere', () => {
  it('is the place in the ranking a list belongs to, and for one episode its place in its season (seasonRank)', async () => {
    const season = (await context.app.inject({ url: `${SEASON}/ranking` })).json();
    const show = (await context.app.inject({ url: '/api/v1/shows/kaleido-star/ranking?sort=votes' })).json();
    for (const ranking of [season, show]) {
      expect(ranking.ranked.map((e: { rank: number }) => e.rank)).toEqual(ranking.ranked.map((_: unknown, i: number) => i + 1));
      expect(ranking.unrated.map((e: { rank: null }) => e.rank)).toEqual(ranking.unrated.map(() => null));
    }
    for (const [i, entry] of (season.ranked as Array<{ number: number }>).slice(0, 3).entries()) {
      const episode = (await context.app.inject({ url: `${SEASON}/episodes/${entry.number}` })).json();
      expect(episode.rank, `episode ${entry.number}`).toBe(i + 1);
      expect(episode.seasonRank).toEqual({ rank: i + 1, of: season.ranked.length });
      expect(episode.showRank).toMatchObject({ rank: expect.any(Number) });
    }
    const unrated = (await context.app.inject({ url: `${SEASON}/episodes/${season.unrated[0].number}` })).json();
    expect(unrated).toMatchObject({ rank: null, seasonRank: null, showRank: null });
  });

  it('is the same in a vote’s answer as in the episode’s own', async () => {
    const voted = (await context.app.inject({ method: 'PUT', url: `${SEASON}/episodes/2/rating`, payload: { rating: 10 } })).json();
    const episode = (await context.app.inject({ url: `${SEASON}/episodes/2` })).json();
    expect(voted.episode.rank).toBe(episode.rank);
    expect(voted.episode.rank).toBe(episode.seasonRank.rank);
    expect(voted.episode.seasonRank).toEqual(episode.seasonRank);
    const list = (await context.app.inject({ url: '/api/v1/shows?q=kaleido' })).json();
    const best = (await context.app.inject({ url: '/api/v1/shows/kaleido-star/ranking' })).json().ranked[0];
    expect(list.items[0].bestEpisode).toMatchObject({ id: best.id, rank: 1 });
  });
});

describe('a vote over the limit', () => {
  const limited = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 1 } });

  it('is a documented 429 with Retry-After', async () => {
    const first = await limited.app.inject({ method: 'PUT', url: `${SEASON}/episodes/3/rating`, payload: { rating: 8 } });
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.find((c) => c.name === VOTER_COOKIE)!;
    for (const method of ['PUT', 'DELETE'] as const) {
      const response = await limited.app.inject({
        method,
        url: `${SEASON}/episodes/3/rating`,
        payload: method === 'PUT' ? { rating: 9 } : undefined,
        cookies: { [cookie.name]: cookie.value },
      });
      expect(response.statusCode, method).toBe(429);
      expect(Number(response.headers['retry-after']), method).toBeGreaterThan(0);
      expectDocumented(method, '/api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating', response);
    }
  });
});

describe('while the database is unavailable', () => {
  let unavailableApp: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    // A PostgreSQL server that refuses connections: a real driver failure. The cookie secret is
    // given so that building the app needs no database.
    const handle = openDatabase(`postgres://epirank:secret@127.0.0.1:${await freePort()}/epirank`);
    unavailableApp = await buildApp({ config: testConfig({ cookieSecret: 'x'.repeat(40) }), database: handle, logger: false });
  });
  afterAll(async () => unavailableApp?.close());

  it.each(Object.entries(CALLS))('%s answers the documented 503 with Retry-After', async (operation, call) => {
    const [method, path] = operation.split(' ') as [string, string];
    const response = await unavailableApp.inject({ method: call.method ?? 'GET', url: call.url, payload: call.payload, headers: headersOf(call) });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ type: '/problems/service-unavailable', status: 503 });
    expectDocumented(method, path, response);
  });
});
