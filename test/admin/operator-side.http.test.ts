/**
 * The operator's rough edges, through HTTP: deletions that ask first and say what they take,
 * the way into /admin, "Saved" notices and links to the public pages, and an import whose dry run
 * keeps the file for the real import.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const { session, get, post } = browserFor(context);

const db = () => context.database.handle.db;
const count = (table: 'seasons' | 'episodes' | 'votes' | 'audit_log') => countRows(db(), table);
const actions = async () => (await db().selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);

/** Rates an episode as a new anonymous visitor, through the no-JavaScript form. */
async function vote(season: number, episode: number, rating: number, from: string) {
  const response = await context.app.inject({
    method: 'POST',
    url: `/shows/kaleido-star/seasons/${season}/episodes/${episode}/rating`,
    payload: new URLSearchParams({ rating: String(rating) }).toString(),
    headers: FORM,
    remoteAddress: from,
  });
  expect(response.statusCode).toBe(303);
}

describe('deleting asks first and says what goes with it', () => {
  it('an episode: the page counts its ratings; a POST without the confirmation deletes nothing; with it, deletes and audits', async () => {
    const editor = await session('editor');
    await vote(1, 3, 8, '198.51.100.1');
    await vote(1, 3, 6, '198.51.100.2');
    const imported = Number(
      (
        await db()
          .selectFrom('episode_tallies')
          .innerJoin('episodes', 'episodes.id', 'episode_tallies.episode_id')
          .select('baseline_count')
          .where('episodes.number', '=', 3)
          .executeTakeFirstOrThrow()
      ).baseline_count,
    );

    const editorPage = parsePage((await get('/admin/shows/kaleido-star/seasons/1/episodes/3', editor)).body);
    expect(editorPage('a.danger-link').attr('href')).toBe('/admin/shows/kaleido-star/seasons/1/episodes/3/delete');
    // No form on the editor posts to the delete address any more: one click cannot delete.
    expect(editorPage('form[action$="/delete"]').length).toBe(0);

    const confirm = await get('/admin/shows/kaleido-star/seasons/1/episodes/3/delete', editor);
    expect(confirm.statusCode).toBe(200);
    const page = parsePage(confirm.body);
    expect(page('.deletion-impact').text()).toBe(
      `This deletes Season 1, episode 3 of Kaleido Star with 2 ratings, plus ${imported.toLocaleString('en-US')} votes imported with the catalogue.`,
    );
    expect(page('form.confirm-form').attr('action')).toBe('/admin/shows/kaleido-star/seasons/1/episodes/3/delete');
    expect(page('form.confirm-form input[name="confirm"]').attr('value')).toBe('delete');

    const before = { episodes: await count('episodes'), votes: await count('votes'), audit: await count('audit_log') };
    for (const fields of [{}, { confirm: 'yes' }] as Array<Record<string, string>>) {
      const unconfirmed = await post('/admin/shows/kaleido-star/seasons/1/episodes/3/delete', fields, editor);
      expect(unconfirmed.statusCode).toBe(303);
      expect(unconfirmed.headers.location).toBe('/admin/shows/kaleido-star/seasons/1/episodes/3/delete');
    }
    expect({ episodes: await count('episodes'), votes: await count('votes'), audit: await count('audit_log') }).toEqual(before);

    const confirmed = await post('/admin/shows/kaleido-star/seasons/1/episodes/3/delete', { confirm: 'delete' }, editor);
    expect(confirmed.statusCode).toBe(303);
    expect(await count('episodes')).toBe(before.episodes - 1);
    expect(await count('votes')).toBe(before.votes - 2);
    expect((await actions()).at(-1)).toBe('episode.delete');
  });

  it('a season: "Season 1 of Kaleido Star with N episodes and M ratings", then deleted only when confirmed', async () => {
    const admin = await session('admin');
    await vote(1, 5, 10, '198.51.100.3');
    await vote(1, 6, 1, '198.51.100.4');
    // Season 1's own episodes: the demo's second season stays.
    const seasonOne = await sql<{ n: number | string }>`select count(*) as n from episodes e join seasons s on s.id = e.season_id where s.number = 1`.execute(
      db(),
    );
    const episodes = Number(seasonOne.rows[0]!.n);
    const ratings = await count('votes');
    const baseline = await sql<{ n: number | string }>`select coalesce(sum(baseline_count), 0) as n from episode_tallies`.execute(db());
    const imported = Number(baseline.rows[0]!.n);
    const page = parsePage((await get('/admin/shows/kaleido-star/seasons/1/delete', admin)).body);
    expect(page('.deletion-impact').text()).toBe(
      `This deletes Season 1 of Kaleido Star with ${episodes} episodes and ${ratings} ratings, plus ${imported.toLocaleString('en-US')} votes imported with the catalogue.`,
    );

    expect((await post('/admin/shows/kaleido-star/seasons/1/delete', {}, admin)).headers.location).toBe('/admin/shows/kaleido-star/seasons/1/delete');
    expect(await count('seasons')).toBe(2);
    expect((await post('/admin/shows/kaleido-star/seasons/1/delete', { confirm: 'delete' }, admin)).statusCode).toBe(303);
    expect(await count('seasons')).toBe(1);
    expect(await count('votes')).toBe(0);
    expect((await actions()).at(-1)).toBe('season.delete');

    const showPage = parsePage((await get('/admin/shows/kaleido-star/delete', admin)).body);
    expect(showPage('.deletion-impact').text()).toBe('This deletes Kaleido Star with 1 season, 25 episodes and 0 ratings.');
    expect((await get('/admin/shows/kaleido-star/seasons/9/delete', admin)).statusCode).toBe(404);
  });
});

describe('the way into the admin side', () => {
  it('an Admin link in the header and on the account page for editors and admins, not for fans or visitors', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const account = parsePage((await get('/account', await session(role))).body);
      expect(account('header a.admin-link').attr('href'), role).toBe('/admin');
      expect(account('.account-admin a').attr('href'), role).toBe('/admin');
    }
    const fan = parsePage((await get('/account', await session('fan'))).body);
    expect(fan('a[href="/admin"]').length).toBe(0);
    for (const url of ['/account/sign-in', '/shows/kaleido-star/seasons/1', '/']) {
      expect(parsePage((await get(url)).body)('a[href="/admin"]').length, url).toBe(0);
    }
    // Admin pages carry it too, with the header told who is signed in.
    const adminHome = parsePage((await get('/admin', await session('editor'))).body);
    expect(adminHome('header a.admin-link').text()).toBe('Admin');
  });
});

describe('after saving', () => {
  it('redirects to the edited page with a "Saved" notice, which links to the public page', async () => {
    const editor = await session('editor');
    const show = await post(
      '/admin/shows/kaleido-star',
      { title: 'Kaleido Star', synopsis: 'Renamed synopsis.', network: 'TV Tokyo', status: 'Ended' },
      editor,
    );
    expect(show.statusCode).toBe(303);
    expect(show.headers.location).toBe('/admin/shows/kaleido-star?saved=1');
    const saved = parsePage((await get(show.headers.location as string, editor)).body);
    expect(saved('[role="status"]').text().trim()).toBe('Saved.');
    expect(saved('.view-on-site a').first().attr('href')).toBe('/shows/kaleido-star');
    expect(parsePage((await get('/admin/shows/kaleido-star', editor)).body)('[role="status"]').length).toBe(0);
    expect((await get('/admin/shows/kaleido-star?saved=yes-please', editor)).statusCode).toBe(200);

    // The demo has two seasons: the new one is the third.
    const added = await post('/admin/shows/kaleido-star/seasons', { season: '3' }, editor);
    expect(added.headers.location).toBe('/admin/shows/kaleido-star?saved=1');
    const episode = await post('/admin/shows/kaleido-star/seasons/3/episodes/new', { number: '1', title: 'A New Stage' }, editor);
    expect(episode.headers.location).toBe('/admin/shows/kaleido-star/seasons/3/episodes/1?saved=1');
    const editorPage = parsePage((await get(episode.headers.location as string, editor)).body);
    expect(editorPage('[role="status"]').text().trim()).toBe('Saved.');
    expect(editorPage('a[href="/shows/kaleido-star/seasons/3/episodes/1"]').text()).toBe('View on site');
  });

  it('the episode editor links to the episode’s moderation page for admins only', async () => {
    const url = '/admin/shows/kaleido-star/seasons/2/episodes/1';
    const moderation = 'a[href="/admin/moderation/shows/kaleido-star/seasons/2/episodes/1"]';
    expect(parsePage((await get(url, await session('admin'))).body)(moderation).text()).toBe('Moderate its votes');
    expect(parsePage((await get(url, await session('editor'))).body)(moderation).length).toBe(0);
  });
});

/** A multipart/form-data body with one file and some fields, as a browser sends the import form. */
function upload(cookie: string, name: string, fields: Record<string, string>) {
  const content = readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');
  const boundary = '----epirank-operator-boundary';
  const parts = Object.entries(fields).map(([field, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`);
  return context.app.inject({
    method: 'POST',
    url: '/admin/import',
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'sec-fetch-site': 'same-origin', cookie },
  });
}

describe('a dry run, then the real import of the same file', () => {
  it('imports the file the dry run kept, without uploading it again, once, and only for whoever uploaded it', async () => {
    const editor = await session('editor');
    const other = await session('editor');
    const dry = await upload(editor, 'orbit-cafe.csv', { dryRun: '1' });
    expect(dry.statusCode).toBe(200);
    const page = parsePage(dry.body);
    expect(page('.import-summary').text()).toContain('Dry run: nothing was written.');
    const form = page('form.import-pending');
    expect(form.attr('action')).toBe('/admin/import/pending');
    expect(form.find('button').text()).toBe('Import this file');
    const token = form.find('input[name="token"]').attr('value')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect((await get('/shows/orbit-cafe')).statusCode).toBe(404);

    // Another editor cannot use the token, and nothing is imported when they try.
    expect((await post('/admin/import/pending', { token }, other)).statusCode).toBe(410);
    expect((await get('/shows/orbit-cafe')).statusCode).toBe(404);

    const real = await post('/admin/import/pending', { token }, editor);
    expect(real.statusCode).toBe(200);
    expect(parsePage(real.body)('.import-summary').text()).toContain('episodes: 3 new, 0 updated, 0 unchanged');
    expect(parsePage(real.body)('form.import-pending').length).toBe(0);
    expect((await get('/shows/orbit-cafe/seasons/1')).statusCode).toBe(200);
    const audit = await db().selectFrom('audit_log').select(['action', 'subject']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'catalog.import', subject: 'orbit-cafe.csv' });

    // Used once: the same token again is refused with a sentence saying to choose the file again.
    const again = await post('/admin/import/pending', { token }, editor);
    expect(again.statusCode).toBe(410);
    expect(parsePage(again.body)('.import-problems').text()).toContain('choose it again');
  });

  it('keeps the dry-run checkbox beside its label', async () => {
    const page = parsePage((await get('/admin/import', await session('editor'))).body);
    const box = page('.check-field input[type="checkbox"][name="dryRun"]');
    expect(box.attr('id')).toBe('field-dryRun');
    expect(page('.check-field label[for="field-dryRun"]').text()).toContain('Dry run');
  });
});
