import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const SEASON = '/api/v1/shows/kaleido-star/seasons/1';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };
let document: OpenApiDocument;

beforeAll(async () => {
  document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
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
 * Every "METHOD /path" Fastify has, read back from its route tree printout, where each line is
 * one path segment indented four columns per level below its parent.
 */
function registeredRoutes(tree: string): string[] {
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth === 0 ? '' : prefixes[depth - 1]!) + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]!.split(', ')) routes.push(`${method} ${path}`);
  }
  return routes;
}

/** One real call for every documented operation; a documented operation without one fails the test. */
const CALLS: Record<string, { url: string; method?: 'GET' | 'PUT' | 'DELETE'; payload?: object }> = {
  'GET /api/v1/shows': { url: '/api/v1/shows?q=star&page=1&perPage=5' },
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
};

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
    const registered = registeredRoutes(context.app.printRoutes({ commonPrefix: false }))
      .filter((route) => route.includes(' /api/v1'))
      .map((route) => route.replace(/:(\w+)/g, '{$1}'))
      .filter((route) => !/^(HEAD|OPTIONS) /.test(route))
      .filter((route) => !['GET /api/v1/openapi.json', 'GET /api/v1/docs'].includes(route));
    expect(registered.length).toBeGreaterThan(5);
    for (const route of registered) expect(documentedOperations(), `${route} is in the OpenAPI document`).toContain(route);
  });

  it.each(Object.entries(CALLS))('%s answers as documented', async (operation, call) => {
    const [method, path] = operation.split(' ') as [string, string];
    const response = await context.app.inject({ method: call.method ?? 'GET', url: call.url, payload: call.payload });
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

describe('paging and search', () => {
  it('pages and filters shows by title, case-insensitively and with LIKE wildcards taken literally', async () => {
    const all = (await context.app.inject({ url: '/api/v1/shows' })).json();
    // Other tests in this file vote, so the vote total is only known to be at least the demo's 181.
    expect(all).toMatchObject({ page: 1, perPage: 20, total: 1, items: [{ slug: 'kaleido-star', episodeCount: 26 }] });
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
