import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../clients/epirank-api.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { generateClientTypes } from '../helpers/openapi.js';

const context = useTestApp({ seed: seedDemo });
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await context.app.listen({ port: 0, host: '127.0.0.1' });
});

describe('a client generated from the OpenAPI document', () => {
  it('is what openapi-typescript generates from the document the app serves today', async () => {
    const document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
    const committed = readFileSync(new URL('../../clients/epirank-api.d.ts', import.meta.url), 'utf8');
    // If this fails after a route change, run `npm run api:client` and commit the result.
    expect(await generateClientTypes(document)).toBe(committed);
  });

  it('lists shows, reads a season ranking and casts a vote', async () => {
    const api = createClient<paths>({ baseUrl });

    const shows = await api.GET('/api/v1/shows', { params: { query: { q: 'kaleido' } } });
    expect(shows.response.status).toBe(200);
    const show = shows.data!.items[0]!;
    expect(show.slug).toBe('kaleido-star');

    const ranking = await api.GET('/api/v1/shows/{show}/seasons/{season}/ranking', {
      params: { path: { show: show.slug, season: 1 }, query: { sort: 'average' } },
    });
    expect(ranking.data!.ranked.slice(0, 3).map((e) => [e.number, e.average, e.votes])).toEqual([
      [1, '9.40', 40],
      [13, '8.40', 5],
      [26, '8.40', 5],
    ]);

    const vote = await api.PUT('/api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating', {
      params: { path: { show: show.slug, season: 1, episode: 14 } },
      body: { rating: 7 },
    });
    expect(vote.response.status).toBe(200);
    expect(vote.data).toMatchObject({ yourRating: 7, episode: { number: 14, votes: 1, average: '7.00' } });

    const after = await api.GET('/api/v1/shows/{show}/seasons/{season}/episodes/{episode}', {
      params: { path: { show: show.slug, season: 1, episode: 14 } },
    });
    expect(after.data).toMatchObject({ votes: 1, histogram: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0], seasonRank: { of: 26 } });

    const refused = await api.PUT('/api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating', {
      params: { path: { show: show.slug, season: 1, episode: 14 } },
      // The generated types already refuse 11 (the document lists 1…10); the server must as well.
      body: { rating: 11 as 10 },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ type: '/problems/invalid-request' });
  });
});
