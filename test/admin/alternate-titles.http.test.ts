/**
 * Other titles in the admin forms (issue 26): the show and episode forms show the stored titles one
 * "language: title" per line, save what is typed (audited with before and after), refuse a line
 * without a language or two originals with a message beside the field and write nothing then, and
 * a form without the field (a script posting some fields) leaves the stored titles alone.
 */
import { describe, expect, it } from 'vitest';
import { storeOf } from '../../src/repositories.js';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { episodeIdOf } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const session = () => signedInAs(context.app, context.database, 'editor');
const get = (url: string, cookie: string) => context.app.inject({ url, headers: { cookie } });
const post = (url: string, fields: Record<string, string>, cookie: string) =>
  context.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { ...FORM, cookie } });
const db = () => context.database.handle.db;
const titles = () => storeOf(db()).read.alternateTitles;
const showId = async () => (await db().selectFrom('shows').select('id').where('slug', '=', 'kaleido-star').executeTakeFirstOrThrow()).id;
const SHOW = { title: 'Kaleido Star', synopsis: '', network: 'TV Tokyo', status: 'Ended' };

describe('other titles in the admin forms', () => {
  it('shows the demo show’s titles, saves edits, keeps them when the field is absent, and audits', async () => {
    const editor = await session();
    const form = parsePage((await get('/admin/shows/kaleido-star', editor)).body);
    expect(form('#field-titles').text()).toBe('ja*: カレイドスター\nja-Latn: Kareido Sutā\nen: Kaleido Star');

    const saved = await post('/admin/shows/kaleido-star', { ...SHOW, titles: 'ja*: カレイドスター\r\nja-Latn: Kareido Sutā' }, editor);
    expect(saved.statusCode).toBe(303);
    const id = await showId();
    expect((await titles().titlesOfShows([id])).get(id)!.map((t) => t.title)).toEqual(['カレイドスター', 'Kareido Sutā']);
    await post('/admin/shows/kaleido-star', SHOW, editor);
    expect((await titles().titlesOfShows([id])).get(id)).toHaveLength(2);

    const entry = await db()
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'show.update')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(entry.before_json).toContain('Kaleido Star"');
    expect(JSON.parse(entry.before_json!).titles).toHaveLength(3);
    expect(JSON.parse(entry.after_json!).titles).toHaveLength(2);
  });

  it('refuses a bad line beside the field and writes nothing', async () => {
    const editor = await session();
    const id = await showId();
    const before = (await titles().titlesOfShows([id])).get(id);
    const refused = await post('/admin/shows/kaleido-star', { ...SHOW, titles: 'ja*: A\nen*: B' }, editor);
    expect(refused.statusCode).toBe(400);
    const $ = parsePage(refused.body);
    expect($('#field-titles-error').text()).toContain('only one title can be the original');
    expect($('#field-titles').text()).toBe('ja*: A\nen*: B');
    const noLanguage = await post('/admin/shows/kaleido-star', { ...SHOW, titles: 'Kaleido Star' }, editor);
    expect(parsePage(noLanguage.body)('#field-titles-error').text()).toContain('needs a language before a colon');
    expect((await titles().titlesOfShows([id])).get(id)).toEqual(before);
  });

  it('edits an episode’s titles', async () => {
    const editor = await session();
    const url = '/admin/shows/kaleido-star/seasons/1/episodes/1';
    const form = parsePage((await get(url, editor)).body);
    expect(form('#field-titles').text()).toBe('');
    const fields = {
      title: 'My Amazing Stage Debut',
      airDate: '2003-04-03',
      synopsis: '',
      directors: 'Junichi Sato',
      watchLinks: '',
      titles: 'en: My Amazing Stage Debut',
    };
    expect((await post(url, fields, editor)).statusCode).toBe(303);
    const episode = await episodeIdOf(db(), 'kaleido-star', 1, 1);
    expect((await titles().titlesOfEpisodes([episode])).get(episode)).toEqual([{ title: 'My Amazing Stage Debut', language: 'en', original: false }]);
    expect(parsePage((await get(url, editor)).body)('#field-titles').text()).toBe('en: My Amazing Stage Debut');
  });
});
