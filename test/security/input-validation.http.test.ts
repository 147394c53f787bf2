/**
 * The input rules the generated suite cannot see from status codes alone: what a rating is on the
 * form and in JSON, that unusable text and non-finite numbers get a 400 naming the field, that a
 * bad `return=` is ignored rather than failing after the vote, and that malformed uploads get a
 * 400 with a sentence.
 */
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });

const EPISODE = '/shows/kaleido-star/seasons/1/episodes/5';
const API_RATING = '/api/v1/shows/kaleido-star/seasons/1/episodes/5/rating';

async function votesOnEpisode5(): Promise<number> {
  const row = await context.database.handle.db
    .selectFrom('votes')
    .innerJoin('episodes', 'episodes.id', 'votes.episode_id')
    .innerJoin('seasons', 'seasons.id', 'episodes.season_id')
    .where('seasons.number', '=', 1)
    .where('episodes.number', '=', 5)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function postForm(url: string, body: string, cookie?: string) {
  return context.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}) },
  });
}

const putJson = (payload: string) => context.app.inject({ method: 'PUT', url: API_RATING, payload, headers: { 'content-type': 'application/json' } });

describe('ratings', () => {
  it('the API takes only the JSON integers 1 to 10', async () => {
    const before = await votesOnEpisode5();
    for (const body of [
      '{"rating": true}',
      '{"rating": "7"}',
      '{"rating": "0x7"}',
      '{"rating": [7]}',
      '{"rating": 7.5}',
      '{"rating": 0}',
      '{"rating": 11}',
      '{"rating": 1e400}',
      '{"rating": null}',
      '{"rating": {}}',
    ]) {
      const response = await putJson(body);
      expect(response.statusCode, body).toBe(400);
      expect(response.json().detail, body).toBe('A rating must be a whole number from 1 to 10.');
    }
    expect(await votesOnEpisode5()).toBe(before);
    for (const rating of [1, 10]) {
      const response = await putJson(JSON.stringify({ rating }));
      expect(response.statusCode).toBe(200);
      expect(response.json().yourRating).toBe(rating);
    }
  });

  it('the form takes only the text "1" to "10"', async () => {
    const before = await votesOnEpisode5();
    for (const rating of ['0x7', '%207', '7.0', '%2B7', '07', '0', '11', 'true', '']) {
      const response = await postForm(`${EPISODE}/rating`, `rating=${rating}&action=rate`);
      expect(response.statusCode, rating).toBe(400);
    }
    expect((await postForm(`${EPISODE}/rating`, 'rating=7&rating=8')).statusCode).toBe(400);
    expect(await votesOnEpisode5()).toBe(before);
    expect((await postForm(`${EPISODE}/rating`, 'rating=10')).statusCode).toBe(303);
    expect(await votesOnEpisode5()).toBe(before + 1);
  });

  it('documents the rating as the integers 1 to 10', async () => {
    const document = (await context.app.inject('/api/v1/openapi.json')).json();
    const schema = document.paths['/api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating'].put.requestBody.content['application/json'].schema;
    expect(schema.properties.rating.enum).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('a return address that cannot be used', () => {
  it('is ignored before the vote is written: one vote, a voter cookie, and the season page', async () => {
    const before = await votesOnEpisode5();
    for (const back of ['%2Fshows%2F%E2%82%AC', '%2Fa%7Fb', '%2Fa%E2%80%A8b']) {
      const response = await postForm(`${EPISODE}/rating`, `rating=6&return=${back}`);
      expect(response.statusCode, back).toBe(303);
      expect(response.headers.location).toBe('/shows/kaleido-star/seasons/1#s1e5');
      expect(response.cookies.some((c) => c.name === 'epirank_voter')).toBe(true);
    }
    expect(await votesOnEpisode5()).toBe(before + 3);
  });
});

describe('text and numbers no field can hold', () => {
  it('a NUL or a lone surrogate anywhere is a 400 naming the field, on pages, the API and forms', async () => {
    const cases = [
      { url: '/shows/a%00b', field: 'show' },
      { url: '/api/v1/shows/kaleido%00star', field: 'show' },
      { url: '/api/v1/shows?q=a%00b', field: 'q' },
      { url: '/shows/kaleido-star?sort=%00', field: null },
    ];
    for (const { url, field } of cases) {
      const response = await context.app.inject({ url, headers: { accept: 'application/json' } });
      expect(response.statusCode, url).toBe(400);
      if (field) expect(response.json().detail, url).toContain(`"${field}"`);
    }
    const signIn = await postForm('/account/sign-in', 'email=a%00b%40example.org&password=whatever12');
    expect(signIn.statusCode).toBe(400);
    expect(signIn.body).toContain('NUL');
    const surrogate = await context.app.inject({
      method: 'POST',
      url: '/account/sign-up',
      payload: '{"email": "fan@example.org", "displayName": "\\ud800", "password": "long enough password"}',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', accept: 'application/json' },
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().detail).toContain('"displayName"');
    expect(await context.database.handle.db.selectFrom('users').select('id').where('email', '=', 'fan@example.org').execute()).toEqual([]);
  });

  it('Infinity and 1e400 are a 400, not a number past every limit', async () => {
    for (const url of [
      '/api/v1/shows?page=Infinity',
      '/api/v1/shows?perPage=-Infinity',
      '/api/v1/shows?page=1e400',
      '/api/v1/shows/kaleido-star/seasons/Infinity/ranking',
    ]) {
      const response = await context.app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().detail, url).toMatch(/must be a finite number/);
    }
    expect((await context.app.inject('/shows/kaleido-star/seasons/Infinity')).statusCode).toBe(400);
  });
});

describe('uploads', () => {
  const boundary = 'xyz';
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const file = (content: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.json"\r\n\r\n${content}\r\n`;

  async function upload(payload: string, contentType = `multipart/form-data; boundary=${boundary}`) {
    const cookie = await signedInAs(context.app, context.database, 'admin');
    return context.app.inject({
      method: 'POST',
      url: '/admin/import',
      payload,
      headers: { 'content-type': contentType, cookie, 'sec-fetch-site': 'same-origin', accept: 'application/json' },
    });
  }

  it('a malformed multipart body is a 400 with a sentence', async () => {
    const cases = [
      { payload: field('format', 'json') + file('{"shows": []}').slice(0, -2), says: /not a complete multipart form/ },
      { payload: Array.from({ length: 11 }, (_, i) => field(`f${i}`, 'x')).join('') + `--${boundary}--\r\n`, says: /one file and at most 10 other fields/ },
      { payload: file('{}') + file('{}') + `--${boundary}--\r\n`, says: /one file and at most/ },
      { payload: field('dryRun', 'yes') + file('{"shows": []}') + `--${boundary}--\r\n`, says: /dry-run box/ },
      { payload: field('format', 'xml') + file('{"shows": []}') + `--${boundary}--\r\n`, says: /Unknown format "xml"/ },
      { payload: file('{"shows": [{"slug": "a\u0000b"}]}') + `--${boundary}--\r\n`, says: /NUL/ },
    ];
    const auditBefore = (await context.database.handle.db.selectFrom('audit_log').select('id').execute()).length;
    for (const { payload, says } of cases) {
      const response = await upload(payload);
      expect(response.statusCode, String(says)).toBe(400);
      expect(response.json().detail, String(says)).toMatch(says);
    }
    expect((await upload(file('{}'), 'multipart/form-data')).statusCode).toBe(400);
    expect((await context.database.handle.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
  });
});
