/**
 * /account/ratings/import end to end through inject(): an upload's preview (matched, conflicting,
 * unmatched), then the confirmation that writes every row in one transaction by the rules of
 * voting, on SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PREVIEW_ROWS_SHOWN, PREVIEWS_PER_MINUTE_PER_NETWORK, RATINGS_FILE_MAX_BYTES } from '../../src/importers/ratings/limits.js';
import { HeldRatingsRepository } from '../../src/moderation/held-ratings.repository.js';
import { TallyRecountRepository } from '../../src/votes/tally-recount.repository.js';
import { useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ratings/${name}`, import.meta.url), 'utf8');

const IMPORT = '/account/ratings/import';
const CONFIRM = '/account/ratings/import/confirm';

/** The catalogue the fixtures were written against, with the ids they name. */
interface Catalogue {
  orbit: number[];
  lighthouse: number[];
  doomed: number;
}

async function seedCatalogue(database: TestDatabase): Promise<Catalogue> {
  const db = database.handle.db;
  const make = factories(db);
  const orbit = await make.show({ slug: 'orbit-cafe', title: 'Orbit Café' });
  const orbitSeason = await make.season(orbit.id, 1);
  const orbitEpisodes = [];
  for (const n of [1, 2, 3]) orbitEpisodes.push((await make.episode(orbitSeason.id, n)).id);
  // Slug and title differ in case and accents from the files' "Lîghthouse KEEPERS".
  const lighthouse = await make.show({ slug: 'lighthouse-keepers', title: 'Lighthouse Keepers' });
  const lighthouseSeason = await make.season(lighthouse.id, 2);
  const lighthouseEpisodes = [];
  for (const n of [1, 2]) lighthouseEpisodes.push((await make.episode(lighthouseSeason.id, n)).id);
  // Two shows of one title: the title alone cannot tell them apart.
  for (const slug of ['twin-title', 'twin-title-2']) {
    const twin = await make.show({ slug, title: 'Twin Title' });
    await make.episode((await make.season(twin.id, 1)).id, 1);
  }
  const doomed = await make.show({ slug: 'doomed-show', title: 'Doomed Show' });
  const doomedEpisode = (await make.episode((await make.season(doomed.id, 1)).id, 1)).id;
  await db
    .insertInto('show_external_ids')
    .values([
      { show_id: orbit.id, source: 'tvdb', external_id: '70001' },
      { show_id: orbit.id, source: 'imdb', external_id: 'tt7000001' },
    ])
    .execute();
  await db
    .insertInto('episode_external_ids')
    .values([
      { episode_id: orbitEpisodes[0]!, source: 'imdb', external_id: 'tt7000011' },
      { episode_id: orbitEpisodes[0]!, source: 'tvdb', external_id: '800011' },
      { episode_id: orbitEpisodes[1]!, source: 'tvdb', external_id: '800012' },
      { episode_id: doomedEpisode, source: 'imdb', external_id: 'tt7500001' },
    ])
    .execute();
  return { orbit: orbitEpisodes, lighthouse: lighthouseEpisodes, doomed: doomedEpisode };
}

/** A multipart/form-data body with one file, as a browser sends the upload form. */
function multipart(name: string, content: string) {
  const boundary = '----epirank-ratings-boundary';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

let uploads = 0;

/** Each upload comes from an address of its own unless told otherwise, so the per-network preview limit stays out of the way. */
function upload(app: FastifyInstance, name: string, content: string, options: { cookie?: string; site?: string; remoteAddress?: string } = {}) {
  const body = multipart(name, content);
  return app.inject({
    method: 'POST',
    url: IMPORT,
    payload: body.payload,
    headers: { 'content-type': body.contentType, 'sec-fetch-site': options.site ?? 'same-origin', ...(options.cookie ? { cookie: options.cookie } : {}) },
    remoteAddress: options.remoteAddress ?? `198.51.100.${++uploads % 250}`,
  });
}

function confirm(app: FastifyInstance, preview: string, conflicts: 'keep-mine' | 'take-file', cookie: string, remoteAddress = '127.0.0.1') {
  return app.inject({
    method: 'POST',
    url: CONFIRM,
    payload: new URLSearchParams({ preview, conflicts }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie },
    remoteAddress,
  });
}

function voterCookie(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'epirank_voter');
  if (!cookie) throw new Error('no voter cookie');
  return `epirank_voter=${cookie.value}`;
}

/** What the preview page says: its counts, its rows by kind, and the id its form confirms. */
function readPreview(html: string) {
  const $ = parsePage(html);
  const rows = (kind: string) =>
    $(`table.import-${kind} tbody tr`)
      .toArray()
      .map((tr) =>
        $(tr)
          .find('td')
          .toArray()
          .map((td) => $(td).text().replace(/\s+/g, ' ').trim()),
      );
  return {
    counts: $('.import-counts li')
      .toArray()
      .map((li) => $(li).text().replace(/\s+/g, ' ').trim()),
    matched: rows('matched'),
    conflicting: rows('conflicting'),
    unmatched: rows('unmatched'),
    id: $('input[name=preview]').attr('value') ?? '',
  };
}

async function ratingsOf(database: TestDatabase, cookie: string): Promise<Record<number, number>> {
  const voter = `a:${decodeURIComponent(cookie.split('=')[1]!).split('.')[0]}`;
  const rows = await database.handle.db.selectFrom('votes').select(['episode_id', 'rating']).where('voter_id', '=', voter).execute();
  return Object.fromEntries(rows.map((r) => [r.episode_id, r.rating]));
}

async function expectTalliesEqualRecount(database: TestDatabase): Promise<void> {
  const recount = new TallyRecountRepository(database.handle.db);
  const stored = (await recount.storedAggregates()).filter((a) => a.count > 0);
  expect(stored).toEqual(await recount.aggregatesFromVotes());
}

describe('bringing ratings from another site', () => {
  let catalogue: Catalogue;
  const context = useTestApp({
    seed: async (database) => {
      catalogue = await seedCatalogue(database);
    },
  });

  it('shows the upload form to anyone, saying which files and scales it takes', async () => {
    const response = await context.app.inject({ url: IMPORT });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = parsePage(response.body)('main').text();
    expect(text).toContain('Trakt ratings-episodes.json');
    expect(text).toContain('5 stars → 10');
  });

  it('previews a Trakt file matched by episode ids, show ids and show titles, writes nothing, then imports it all', async () => {
    const { app, database } = context;
    const response = await upload(app, 'ratings-episodes.json', fixture('trakt-ratings-episodes.json'));
    expect(response.statusCode).toBe(200);
    const cookie = voterCookie(response);
    const preview = readPreview(response.body);
    expect(preview.counts.slice(0, 3)).toEqual(['4 ratings match episodes here', '0 differ from your rating here', '3 found no episode']);
    expect(preview.matched.map((row) => [row[1], row[2]])).toEqual([
      ['8', 'Orbit Café S1E1 “Episode title 1”'],
      ['6', 'Orbit Café S1E2 “Episode title 2”'],
      ['10', 'Orbit Café S1E3 “Episode title 3”'],
      ['7', 'Lighthouse Keepers S2E1 “Episode title 1”'],
    ]);
    expect(preview.unmatched.map((row) => row[2])).toEqual([
      'several shows here are called “Twin Title”; only an id in the file could tell which',
      'no show here is called “Nowhere Show”',
      'Lighthouse Keepers has no episode 9 in season 2 here',
    ]);
    expect(await ratingsOf(database, cookie)).toEqual({});

    const done = await confirm(app, preview.id, 'keep-mine', cookie);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/ratings');
    const [e1, e2, e3] = catalogue.orbit;
    expect(await ratingsOf(database, cookie)).toEqual({ [e1!]: 8, [e2!]: 6, [e3!]: 10, [catalogue.lighthouse[0]!]: 7 });
    await expectTalliesEqualRecount(database);

    // The preview was used up: confirming again writes nothing twice.
    expect((await confirm(app, preview.id, 'keep-mine', cookie)).statusCode).toBe(404);
  });

  it('matches a TV Time export by TheTVDB ids and by title, doubling its stars', async () => {
    const { app, database } = context;
    const response = await upload(app, 'tvtime.csv', fixture('tvtime-ratings.csv'));
    const cookie = voterCookie(response);
    const preview = readPreview(response.body);
    expect(preview.matched.map((row) => [row[1], row[2]])).toEqual([
      ['5 stars → 10', 'Orbit Café S1E1 “Episode title 1”'],
      ['3 stars → 6', 'Orbit Café S1E2 “Episode title 2”'],
      ['4 stars → 8', 'Lighthouse Keepers S2E2 “Episode title 2”'],
    ]);
    expect(preview.counts[3]).toContain('1 row is not a rating of an episode');
    await confirm(app, preview.id, 'keep-mine', cookie);
    expect(await ratingsOf(database, cookie)).toEqual({ [catalogue.orbit[0]!]: 10, [catalogue.orbit[1]!]: 6, [catalogue.lighthouse[1]!]: 8 });
    await expectTalliesEqualRecount(database);
  });

  it('lists a rating that differs from the fan’s as a conflict, and keeps or replaces it as the fan chooses', async () => {
    const { app, database } = context;
    const vote = await app.inject({
      method: 'POST',
      url: '/shows/orbit-cafe/seasons/1/episodes/1/rating',
      payload: 'rating=3',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    const cookie = voterCookie(vote);
    const first = readPreview((await upload(app, 'ratings.csv', fixture('imdb-ratings.csv'), { cookie })).body);
    expect(first.counts.slice(0, 3)).toEqual(['0 ratings match episodes here', '1 differs from your rating here', '1 found no episode']);
    expect(first.conflicting).toEqual([['Orbit Café: Grand Opening (tt7000011) (line 2)', '9', 'Orbit Café S1E1 “Episode title 1”', '3']]);

    await confirm(app, first.id, 'keep-mine', cookie);
    expect(await ratingsOf(database, cookie)).toEqual({ [catalogue.orbit[0]!]: 3 });

    const second = readPreview((await upload(app, 'ratings.csv', fixture('imdb-ratings.csv'), { cookie })).body);
    await confirm(app, second.id, 'take-file', cookie);
    expect(await ratingsOf(database, cookie)).toEqual({ [catalogue.orbit[0]!]: 9 });
    await expectTalliesEqualRecount(database);
  });

  it('writes nothing when an episode of the preview is deleted before the confirmation', async () => {
    const { app, database } = context;
    const file = `Const,Your Rating,Date Rated,Title,Title Type\ntt7000011,2,2025-01-01,A,TV Episode\ntt7500001,4,2025-01-01,Doomed,TV Episode\n`;
    const response = await upload(app, 'ratings.csv', file);
    const cookie = voterCookie(response);
    const preview = readPreview(response.body);
    expect(preview.matched).toHaveLength(2);
    const before = await new TallyRecountRepository(database.handle.db).storedAggregates();
    await database.handle.db.deleteFrom('episodes').where('id', '=', catalogue.doomed).execute();

    const refused = await confirm(app, preview.id, 'keep-mine', cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Nothing was imported');
    expect(refused.body).toContain('line 3 (Doomed (tt7500001))');
    expect(await ratingsOf(database, cookie)).toEqual({});
    const after = await new TallyRecountRepository(database.handle.db).storedAggregates();
    expect(after.filter((a) => a.episodeId !== catalogue.doomed)).toEqual(before.filter((a) => a.episodeId !== catalogue.doomed));
  });

  it('lets only the voter who uploaded confirm a preview', async () => {
    const { app, database } = context;
    const response = await upload(app, 'ratings.csv', fixture('imdb-ratings.csv'));
    const preview = readPreview(response.body);
    const stranger = voterCookie(await upload(app, 'ratings.csv', fixture('imdb-ratings.csv')));
    expect((await confirm(app, preview.id, 'keep-mine', stranger)).statusCode).toBe(404);
    expect((await confirm(app, preview.id, 'keep-mine', '')).statusCode).toBe(404);
    expect(await ratingsOf(database, voterCookie(response))).toEqual({});
  });

  it('keeps a fan’s preview however many other visitors upload meanwhile (issue 24: 70 uploads from seven /64s evicted it)', async () => {
    const { app, database } = context;
    const response = await upload(app, 'ratings.csv', fixture('imdb-ratings.csv'), { remoteAddress: '2001:db8:77:1::5' });
    const cookie = voterCookie(response);
    const preview = readPreview(response.body);
    // Seven /64s in seven /48s, ten uploads each: within every network's preview limit.
    for (let net = 1; net <= 7; net++) {
      for (let i = 1; i <= 10; i++) {
        const other = await upload(app, 'ratings.csv', fixture('imdb-ratings.csv'), { remoteAddress: `2001:db8:${net}::${i.toString(16)}` });
        expect(other.statusCode).toBe(200);
      }
    }
    const done = await confirm(app, preview.id, 'keep-mine', cookie, '2001:db8:77:1::5');
    expect(done.statusCode).toBe(303);
    expect(Object.keys(await ratingsOf(database, cookie)).length).toBeGreaterThan(0);
  });

  it('answers a broken file with the form and the line at fault, and sets no cookie', async () => {
    const response = await upload(context.app, 'ratings.csv', 'Const,Your Rating,Date Rated,Title,Title Type\ntt7000011,12,2025-01-01,A,TV Episode\n');
    expect(response.statusCode).toBe(400);
    expect(parsePage(response.body)('[role=alert]').text()).toContain('line 2: “Your Rating” is “12”');
    expect(response.cookies.find((c) => c.name === 'epirank_voter')).toBeUndefined();
  });

  it('reads a big file in a worker thread with the same answers, good or broken', async () => {
    const { app, database } = context;
    const header = 'Const,Your Rating,Date Rated,Title,Title Type';
    const films = Array.from({ length: 2000 }, (_, i) => `tt${8000000 + i},7,2024-01-01,A film of some length number ${i},Movie`);
    const good = [header, ...films, 'tt7000011,5,2025-01-01,Grand Opening,TV Episode'].join('\n');
    expect(good.length).toBeGreaterThan(50_000);
    const response = await upload(app, 'ratings.csv', good);
    expect(response.statusCode).toBe(200);
    const preview = readPreview(response.body);
    expect(preview.counts[0]).toBe('1 rating matches an episode here');
    expect(preview.counts[3]).toContain('2,000 rows are not a rating of an episode');
    const cookie = voterCookie(response);
    await confirm(app, preview.id, 'keep-mine', cookie);
    expect(await ratingsOf(database, cookie)).toEqual({ [catalogue.orbit[0]!]: 5 });

    const broken = await upload(app, 'ratings.csv', `${good}\ntt7000012,0,2025-01-01,Bad,TV Episode`);
    expect(broken.statusCode).toBe(400);
    expect(parsePage(broken.body)('[role=alert]').text()).toContain('line 2003: “Your Rating” is “0”');
  });

  it(`answers a network's upload beyond ${PREVIEWS_PER_MINUTE_PER_NETWORK} a minute with 429`, async () => {
    const statuses = [];
    for (let i = 0; i <= PREVIEWS_PER_MINUTE_PER_NETWORK; i++) {
      statuses.push((await upload(context.app, 'ratings.csv', fixture('imdb-ratings.csv'), { remoteAddress: '192.0.2.77' })).statusCode);
    }
    expect(statuses).toEqual([...Array(PREVIEWS_PER_MINUTE_PER_NETWORK).fill(200), 429]);
  });

  it('imports the latest of two rows that rate one episode, and lists the other as unmatched', async () => {
    const { app, database } = context;
    const show = { title: 'Orbit Café', ids: {} };
    const file = JSON.stringify([
      { rated_at: '2025-06-02T10:00:00Z', rating: 9, type: 'episode', episode: { season: 1, number: 2, ids: {} }, show },
      { rated_at: '2025-06-01T10:00:00Z', rating: 3, type: 'episode', episode: { season: 1, number: 2, ids: { tvdb: 800012 } }, show },
    ]);
    const response = await upload(app, 'ratings-episodes.json', file);
    const preview = readPreview(response.body);
    expect(preview.matched.map((row) => row[1])).toEqual(['9']);
    expect(preview.unmatched).toEqual([['Orbit Café S1E2 (entry 2)', '3', 'the file rates this episode again (entry 1), and that rating is the one imported']]);
    const cookie = voterCookie(response);
    await confirm(app, preview.id, 'keep-mine', cookie);
    expect(await ratingsOf(database, cookie)).toEqual({ [catalogue.orbit[1]!]: 9 });
  });

  it(`lists at most ${PREVIEW_ROWS_SHOWN} rows of a kind and says how many there are`, async () => {
    const rows = Array.from({ length: PREVIEW_ROWS_SHOWN + 10 }, (_, i) => `tt${7600000 + i},7,2025-01-01,Elsewhere ${i},TV Episode`);
    const response = await upload(context.app, 'ratings.csv', ['Const,Your Rating,Date Rated,Title,Title Type', ...rows].join('\n'));
    const $ = parsePage(response.body);
    expect($('table.import-unmatched tbody tr')).toHaveLength(PREVIEW_ROWS_SHOWN);
    expect($('table.import-unmatched caption').text()).toContain(`the first ${PREVIEW_ROWS_SHOWN} of ${PREVIEW_ROWS_SHOWN + 10}`);
  });

  it('refuses uploads from other sites, without a file, not multipart, or over the size limit', async () => {
    const { app } = context;
    expect((await upload(app, 'ratings.csv', fixture('imdb-ratings.csv'), { site: 'cross-site' })).statusCode).toBe(403);
    expect((await upload(app, 'ratings.csv', '')).statusCode).toBe(400);
    const plain = await app.inject({
      method: 'POST',
      url: IMPORT,
      payload: 'file=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    expect(plain.statusCode).toBe(400);
    const big = await upload(app, 'ratings.csv', 'x'.repeat(RATINGS_FILE_MAX_BYTES + 1));
    expect(big.statusCode).toBe(413);
  });
});

describe('imported ratings keep the dates the fan gave them (issue 25)', () => {
  let catalogue: Catalogue;
  const context = useTestApp({
    seed: async (database) => {
      catalogue = await seedCatalogue(database);
    },
  });

  it('matches an IMDb file by the show’s IMDb id with the numbers, where the catalogue has no id for the episode', async () => {
    const response = await upload(context.app, 'ratings.csv', fixture('imdb-ratings-with-episodes.csv'));
    expect(response.statusCode).toBe(200);
    expect(parsePage(response.body)('main').text()).toContain('ratings.csv is an IMDb ratings export.');
    const preview = readPreview(response.body);
    expect(preview.matched.map((row) => [row[1], row[2]])).toEqual([
      ['7', 'Orbit Café S1E2 “Episode title 2”'],
      ['8', 'Orbit Café S1E3 “Episode title 3”'],
    ]);
    expect(preview.unmatched.map((row) => row[2])).toEqual(['Orbit Café has no episode 9 in season 1 here']);
    expect(preview.counts[3]).toContain('1 row is not a rating of an episode');
  });

  it('stores, shows and exports each rating’s date from the file, while the import’s own time stays the time it was cast', async () => {
    const { app, database } = context;
    const importedFrom = new Date().toISOString();
    const response = await upload(app, 'ratings-episodes.json', fixture('trakt-ratings-episodes.json'));
    const cookie = voterCookie(response);
    await confirm(app, readPreview(response.body).id, 'keep-mine', cookie);
    const [e1, e2] = catalogue.orbit;
    const stored = await database.handle.db
      .selectFrom('votes')
      .select(['episode_id', 'given_at', 'cast_at'])
      .where('episode_id', 'in', [e1!, e2!])
      .orderBy('episode_id')
      .execute();
    expect(stored.map((r) => [r.episode_id, r.given_at])).toEqual([
      [e1, '2025-05-01T19:04:11.000Z'],
      [e2, '2025-05-02T19:04:11.000Z'],
    ]);
    for (const r of stored) expect(r.cast_at >= importedFrom).toBe(true);

    const page = parsePage((await app.inject({ url: '/account/ratings', headers: { cookie } })).body);
    // Newest first by the fan's own dates: Trakt's entries 4, 3, 2 and 1.
    expect(
      page('.my-ratings-table time')
        .toArray()
        .map((t) => page(t).attr('datetime')),
    ).toEqual(['2025-05-04T19:04:11.000Z', '2025-05-03T19:04:11.000Z', '2025-05-02T19:04:11.000Z', '2025-05-01T19:04:11.000Z']);
    const csv = (await app.inject({ url: '/account/ratings.csv', headers: { cookie } })).body;
    expect(csv).toContain('Orbit Café,1,1,Episode title 1,8,2025-05-01T19:04:11.000Z\r\n');
    const json = JSON.parse((await app.inject({ url: '/account/ratings.json', headers: { cookie } })).body);
    expect(json.ratings.find((r: { episode: number; season: number; show: string }) => r.show === 'orbit-cafe' && r.episode === 2).ratedAt).toBe(
      '2025-05-02T19:04:11.000Z',
    );

    // Rated again here, the rating is the fan's of today, no longer the file's.
    const rated = await app.inject({
      method: 'POST',
      url: '/shows/orbit-cafe/seasons/1/episodes/1/rating',
      payload: 'rating=3',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie },
      remoteAddress: '127.0.0.1',
    });
    expect(rated.statusCode).toBeLessThan(400);
    const again = await database.handle.db.selectFrom('votes').select(['given_at', 'updated_at']).where('episode_id', '=', e1!).executeTakeFirstOrThrow();
    expect(again.given_at).toBeNull();
    expect(again.updated_at >= importedFrom).toBe(true);
  });

  it('dates a rating whose file date is still to come by its import', async () => {
    const { app, database } = context;
    const response = await upload(app, 'ratings.csv', fixture('imdb-ratings-with-episodes.csv'));
    const cookie = voterCookie(response);
    await confirm(app, readPreview(response.body).id, 'keep-mine', cookie);
    const voter = `a:${decodeURIComponent(cookie.split('=')[1]!).split('.')[0]}`;
    const rows = await database.handle.db.selectFrom('votes').select(['episode_id', 'given_at']).where('voter_id', '=', voter).orderBy('episode_id').execute();
    expect(rows).toEqual([
      { episode_id: catalogue.orbit[1], given_at: '2024-06-09T00:00:00.000Z' },
      { episode_id: catalogue.orbit[2], given_at: null },
    ]);
  });
});

describe('imported ratings and the per-network rule', () => {
  let catalogue: Catalogue;
  const context = useTestApp({
    config: { votesPerNetwork: 1 },
    seed: async (database) => {
      catalogue = await seedCatalogue(database);
    },
  });

  it('holds an imported rating of an episode the network has already rated its allowance of times', async () => {
    const { app, database } = context;
    const address = '203.0.113.9';
    // Another voter on the same network has already given Orbit Café S1E1 its one counted rating.
    await app.inject({
      method: 'POST',
      url: '/shows/orbit-cafe/seasons/1/episodes/1/rating',
      payload: 'rating=5',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      remoteAddress: address,
    });
    const response = await upload(app, 'ratings-episodes.json', fixture('trakt-ratings-episodes.json'), { remoteAddress: address });
    const cookie = voterCookie(response);
    await confirm(app, readPreview(response.body).id, 'keep-mine', cookie, address);
    const [e1, e2, e3] = catalogue.orbit;
    expect(await ratingsOf(database, cookie)).toEqual({ [e2!]: 6, [e3!]: 10, [catalogue.lighthouse[0]!]: 7 });
    const held = await database.handle.db.selectFrom('held_ratings').select(['episode_id', 'rating', 'reason']).execute();
    expect(held).toEqual([{ episode_id: e1, rating: 8, reason: 'network-limit' }]);
    await expectTalliesEqualRecount(database);

    // Held or released, the rating keeps the date the fan gave it on Trakt.
    const heldRepository = new HeldRatingsRepository(database.handle.db);
    const [heldRating] = await heldRepository.matchingPage({ episodeId: e1! }, 0, 10);
    expect(heldRating?.givenAt).toBe('2025-05-01T19:04:11.000Z');
    await heldRepository.release([heldRating!]);
    const released = await database.handle.db.selectFrom('votes').select('given_at').where('episode_id', '=', e1!).where('rating', '=', 8).executeTakeFirst();
    expect(released?.given_at).toBe('2025-05-01T19:04:11.000Z');
  });
});

describe('importing where only accounts may vote', () => {
  const context = useTestApp({ config: { voting: 'accounts' }, seed: async (database) => void (await seedCatalogue(database)) });

  it('turns anonymous visitors away, as a vote would be', async () => {
    const response = await upload(context.app, 'ratings.csv', fixture('imdb-ratings.csv'));
    expect(response.statusCode).toBe(403);
    expect(await context.database.handle.db.selectFrom('votes').select('voter_id').execute()).toEqual([]);
  });
});
