import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_DIRECTORS, MAX_WATCH_LINKS, NUMBER_RANGE } from '../../src/catalog/catalog-rules.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { parseCatalogText } from '../../src/importers/read-catalog.js';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { countRows, freshDatabase } from '../helpers/database.js';
import { parsePage, readRanking } from '../helpers/html.js';
import { storeOf } from '../../src/repositories.js';

const context = useTestApp({ seed: seedDemo });
const { session, get, post } = browserFor(context);

async function state() {
  const db = context.database.handle.db;
  const count = (table: 'shows' | 'seasons' | 'episodes' | 'audit_log') => countRows(db, table);
  const title = (await db.selectFrom('episodes').select('title').where('number', '=', 1).executeTakeFirst())?.title;
  return { shows: await count('shows'), seasons: await count('seasons'), episodes: await count('episodes'), audit: await count('audit_log'), title };
}

const ROUTES: Array<[method: 'GET' | 'POST', url: string, fields?: Record<string, string>]> = [
  ['GET', '/admin'],
  ['GET', '/admin/audit'],
  ['GET', '/admin/shows/new'],
  ['POST', '/admin/shows/new', { slug: 'intruder', title: 'Intruder' }],
  ['GET', '/admin/shows/kaleido-star'],
  ['POST', '/admin/shows/kaleido-star', { title: 'Hijacked' }],
  ['POST', '/admin/shows/kaleido-star/seasons', { season: '9' }],
  ['GET', '/admin/shows/kaleido-star/seasons/1/episodes/new'],
  ['POST', '/admin/shows/kaleido-star/seasons/1/episodes/new', { number: '40', title: 'Fake' }],
  ['GET', '/admin/shows/kaleido-star/seasons/1/episodes/1'],
  ['POST', '/admin/shows/kaleido-star/seasons/1/episodes/1', { title: 'Hijacked' }],
  ['GET', '/admin/shows/kaleido-star/seasons/1/episodes/1/delete'],
  ['POST', '/admin/shows/kaleido-star/seasons/1/episodes/1/delete', { confirm: 'delete' }],
  ['GET', '/admin/shows/kaleido-star/seasons/1/delete'],
  ['POST', '/admin/shows/kaleido-star/seasons/1/delete', { confirm: 'delete' }],
  ['GET', '/admin/shows/kaleido-star/delete'],
  ['POST', '/admin/shows/kaleido-star/delete', { confirm: 'delete' }],
  ['GET', '/admin/import'],
  ['POST', '/admin/import', { dryRun: '0' }],
  ['POST', '/admin/import/pending', { token: 'kept-by-someone-else' }],
];

describe('the admin side refuses visitors and fans without acting', () => {
  it.each(ROUTES)('%s %s', async (method, url, fields) => {
    const before = await state();
    const anonymous = method === 'GET' ? await get(url) : await post(url, fields ?? {});
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/account/sign-in?return=${encodeURIComponent(url)}`);
    const fan = await session('fan');
    const asFan = method === 'GET' ? await get(url, fan) : await post(url, fields ?? {}, fan);
    expect(asFan.statusCode).toBe(403);
    expect(parsePage(asFan.body)('.error-detail').text()).toContain('You are signed in as a fan.');
    expect(await state()).toEqual(before);
  });

  it('the audit log is for admins only', async () => {
    expect((await get('/admin/audit', await session('editor'))).statusCode).toBe(403);
    expect((await get('/admin/audit', await session('admin'))).statusCode).toBe(200);
  });
});

describe('editing the catalogue', () => {
  it('renames an episode: the season page shows it, the show’s last updated moves to today, the audit log records before and after', async () => {
    const editor = await session('editor');
    const form = parsePage((await get('/admin/shows/kaleido-star/seasons/1/episodes/1', editor)).body);
    expect(form('#field-title').attr('value')).toBe('My Amazing Stage Debut');
    const saved = await post(
      '/admin/shows/kaleido-star/seasons/1/episodes/1',
      {
        title: 'My Truly Amazing Stage Debut',
        airDate: '2003-04-03',
        synopsis: form('#field-synopsis').text(),
        directors: 'Junichi Sato',
        watchLinks: 'Amazon = https://www.amazon.com/s?k=Kaleido+Star\nApple TV = https://tv.apple.com/search?term=Kaleido%20Star',
      },
      editor,
    );
    expect(saved.statusCode).toBe(303);
    const season = parsePage((await get('/shows/kaleido-star/seasons/1')).body);
    expect(readRanking(season)[0]!.title).toBe('My Truly Amazing Stage Debut');
    expect(season('dl.facts time').attr('datetime')).toBe(new Date().toISOString().slice(0, 10));

    const audit = parsePage((await get('/admin/audit', await session('admin'))).body);
    const row = audit('tr[data-action="episode.update"]').first();
    expect(row.find('td').eq(1).text()).toMatch(/^editor-\d+-\d+@example\.org$/);
    // Readable before → after (issue 25), with the full entry one click away.
    expect(
      row
        .find('.audit-changes li')
        .map((_, li) => audit(li).text())
        .get(),
    ).toContain('title: My Amazing Stage Debut → My Truly Amazing Stage Debut');
    const full = JSON.parse(row.find('.audit-json pre').text());
    expect(full.before.title).toBe('My Amazing Stage Debut');
    expect(full.after.title).toBe('My Truly Amazing Stage Debut');
  });

  it('validates each field and writes nothing when a field is wrong', async () => {
    const editor = await session('editor');
    const before = await state();
    const bad = await post('/admin/shows/kaleido-star/seasons/1/episodes/2', { title: 'x', airDate: '3 April', watchLinks: 'just words' }, editor);
    expect(bad.statusCode).toBe(400);
    const page = parsePage(bad.body);
    expect(page('#field-airDate-error').text()).toBe('Enter the date as YYYY-MM-DD, e.g. 2003-04-03.');
    expect(page('#field-watchLinks-error').text()).toBe('Write each link as "Provider = https://…"; "just words" is not.');
    const badShow = await post('/admin/shows/new', { slug: 'Not A Slug', title: '' }, editor);
    expect(parsePage(badShow.body)('#field-slug-error').text()).toContain('lower-case letters');
    expect(parsePage(badShow.body)('#field-title-error').text()).toBe('Enter a title of 1 to 300 characters.');
    expect(await state()).toEqual(before);
  });

  it('creates a show, a season and an episode, then deletes them, each one audited', async () => {
    const admin = await session('admin');
    expect((await post('/admin/shows/new', { slug: 'orbit-cafe', title: 'Orbit Café', network: 'Test TV' }, admin)).headers.location).toBe(
      '/admin/shows/orbit-cafe?saved=1',
    );
    expect((await post('/admin/shows/orbit-cafe/seasons', { season: '1' }, admin)).statusCode).toBe(303);
    expect((await post('/admin/shows/orbit-cafe/seasons', { season: '1' }, admin)).statusCode).toBe(400);
    expect(
      (await post('/admin/shows/orbit-cafe/seasons/1/episodes/new', { number: '1', title: 'Grand Opening', directors: 'Ada Quill\nBo Fenn' }, admin))
        .statusCode,
    ).toBe(303);
    const episode = parsePage((await get('/shows/orbit-cafe/seasons/1/episodes/1')).body);
    expect(episode('h1').text()).toBe('Grand Opening');
    expect(episode('.directors').text()).toBe('Directors: Ada Quill, Bo Fenn');
    expect((await post('/admin/shows/orbit-cafe/seasons/1/episodes/1/delete', { confirm: 'delete' }, admin)).statusCode).toBe(303);
    expect((await get('/shows/orbit-cafe/seasons/1/episodes/1')).statusCode).toBe(404);
    expect((await post('/admin/shows/orbit-cafe/seasons/1/delete', { confirm: 'delete' }, admin)).statusCode).toBe(303);
    expect((await get('/shows/orbit-cafe/seasons/1')).statusCode).toBe(404);
    expect((await post('/admin/shows/orbit-cafe/delete', { confirm: 'delete' }, admin)).statusCode).toBe(303);
    expect((await get('/shows/orbit-cafe')).statusCode).toBe(404);
    const actions = parsePage((await get('/admin/audit', admin)).body)('tr[data-action]')
      .toArray()
      .map((tr) => parsePage('')(tr).attr('data-action'));
    expect(actions.slice(0, 6)).toEqual(['show.delete', 'season.delete', 'episode.delete', 'episode.create', 'season.create', 'show.create']);
  });
});

describe('the admin form and the import format follow the same rules', () => {
  /** Text of exactly `length` characters made of words, so it reads like a synopsis and encodes compactly. */
  const words = (length: number, seed: string) => `${seed} `.repeat(Math.ceil(length / (seed.length + 1))).slice(0, length - 1) + 'x';

  it('the largest valid episode saved through the form exports and imports into a fresh database unchanged', async () => {
    const admin = await session('admin');
    expect(
      (
        await post(
          '/admin/shows/new',
          { slug: 's'.repeat(LIMITS.slug), title: words(LIMITS.showTitle, 'Title'), synopsis: words(LIMITS.showSynopsis, 'Show') },
          admin,
        )
      ).statusCode,
    ).toBe(303);
    const slug = 's'.repeat(LIMITS.slug);
    expect((await post(`/admin/shows/${slug}/seasons`, { season: String(NUMBER_RANGE.max) }, admin)).statusCode).toBe(303);
    const episode = {
      number: String(NUMBER_RANGE.max),
      title: words(LIMITS.episodeTitle, 'Episode'),
      airDate: '2024-02-29',
      synopsis: words(LIMITS.episodeSynopsis, 'Once'),
      directors: Array.from({ length: MAX_DIRECTORS }, (_, i) => `${i}`.padStart(LIMITS.directorName, 'd')).join('\n'),
      watchLinks: Array.from(
        { length: MAX_WATCH_LINKS },
        (_, i) => `${`${i}`.padStart(LIMITS.provider, 'P')} = https://tv.example/${`${i}`.padStart(LIMITS.watchLinkUrl - 'https://tv.example/'.length, 'u')}`,
      ).join('\n'),
    };
    const saved = await post(`/admin/shows/${slug}/seasons/${NUMBER_RANGE.max}/episodes/new`, episode, admin);
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);

    const { handle } = context.database;
    const text = serializeCatalog(await exportCatalog(storeOf(handle.db)));
    const exported = JSON.parse(text).shows.find((s: { slug: string }) => s.slug === slug);
    expect(exported.seasons[0].episodes[0]).toEqual({
      number: NUMBER_RANGE.max,
      title: episode.title,
      airDate: episode.airDate,
      synopsis: episode.synopsis,
      directors: episode.directors.split('\n'),
      watchLinks: episode.watchLinks.split('\n').map((line) => ({ provider: line.split(' = ')[0], url: line.split(' = ')[1] })),
      baseline: null,
    });
    const empty = await freshDatabase();
    try {
      await importCatalog(storeOf(empty.handle.db), parseCatalogText(text, 'export.json'));
      const again = JSON.parse(serializeCatalog(await exportCatalog(storeOf(empty.handle.db))));
      expect(again.shows.find((s: { slug: string }) => s.slug === slug)).toEqual(exported);
    } finally {
      await empty.drop();
    }
  });

  it('refuses beside each field what the import format would refuse', async () => {
    const editor = await session('editor');
    const before = await state();
    const tooMany = await post(
      '/admin/shows/kaleido-star/seasons/1/episodes/new',
      {
        number: String(NUMBER_RANGE.max + 1),
        airDate: '2023-02-29',
        synopsis: 'x'.repeat(LIMITS.episodeSynopsis + 1),
        directors: Array.from({ length: MAX_DIRECTORS + 10 }, (_, i) => `Director ${i}`).join('\n'),
        watchLinks: 'Example TV = https://tv.example/a b',
      },
      editor,
    );
    expect(tooMany.statusCode).toBe(400);
    const page = parsePage(tooMany.body);
    expect(page('#field-number-error').text()).toBe('Enter an episode number from 1 to 100,000.');
    expect(page('#field-airDate-error').text()).toBe('Enter the date as YYYY-MM-DD, e.g. 2003-04-03.');
    expect(page('#field-synopsis-error').text()).toBe('Keep the synopsis to 10,000 characters or fewer.');
    expect(page('#field-directors-error').text()).toBe('List at most 50 directors, one per line; this lists 60.');
    expect(page('#field-watchLinks-error').text()).toContain('"https://tv.example/a b" is not a usable address');
    const links = await post(
      '/admin/shows/kaleido-star/seasons/1/episodes/new',
      { number: '40', watchLinks: Array.from({ length: MAX_WATCH_LINKS + 1 }, (_, i) => `P${i} = https://tv.example/${i}`).join('\n') },
      editor,
    );
    expect(parsePage(links.body)('#field-watchLinks-error').text()).toBe('List at most 20 links, one per line; this lists 21.');
    expect((await post('/admin/shows/kaleido-star/seasons', { season: String(NUMBER_RANGE.max + 1) }, editor)).statusCode).toBe(400);
    expect(await state()).toEqual(before);
  });
});

/** A multipart/form-data body with one file and some fields, as a browser sends the import form. */
function multipart(file: { name: string; content: string }, fields: Record<string, string>) {
  const boundary = '----epirank-test-boundary';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${file.content}\r\n`,
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('importing a catalogue from the admin page', () => {
  const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');
  const upload = async (cookie: string, name: string, fields: Record<string, string>) => {
    const body = multipart({ name, content: fixture(name) }, fields);
    return context.app.inject({
      method: 'POST',
      url: '/admin/import',
      payload: body.payload,
      headers: { 'content-type': body.contentType, 'sec-fetch-site': 'same-origin', cookie },
    });
  };

  it('goes through the same importer: dry run, real import (audited), and a broken file refused whole', async () => {
    const editor = await session('editor');
    const before = await state();
    const dry = await upload(editor, 'orbit-cafe.csv', { format: '', dryRun: '1' });
    expect(dry.statusCode).toBe(200);
    expect(parsePage(dry.body)('.import-summary').text()).toContain('Dry run: nothing was written.');
    expect(await state()).toEqual(before);

    const broken = await upload(editor, 'broken.csv', {});
    expect(broken.statusCode).toBe(400);
    const problems = parsePage(broken.body)('.import-problems li')
      .toArray()
      .map((li) => parsePage('')(li).text());
    expect(problems).toContain('line 4, column air_date: "17/01/2024" is not a date (YYYY-MM-DD)');
    expect(await state()).toEqual(before);

    const real = await upload(editor, 'orbit-cafe.csv', { format: 'csv' });
    expect(parsePage(real.body)('.import-summary').text()).toContain('episodes: 3 new, 0 updated, 0 unchanged');
    expect((await get('/shows/orbit-cafe/seasons/1')).statusCode).toBe(200);
    const audit = parsePage((await get('/admin/audit', await session('admin'))).body);
    expect(audit('tr[data-action="catalog.import"]').text()).toContain('orbit-cafe.csv');
  });
});
