/**
 * Ids on other sites in the admin forms: the show and episode forms show the stored ids, save
 * them (audited with before and after), refuse a malformed id or one another record holds with a
 * message beside the field naming that record, and write nothing then. A form without id fields
 * (a script posting some fields) leaves the stored ids alone; an emptied field removes its id.
 * The public show and episode pages link the saved ids to those sites.
 */
import { describe, expect, it } from 'vitest';
import { ExternalIdsRepository } from '../../src/catalog/external-ids.repository.js';
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
const repo = () => new ExternalIdsRepository(db());
const showId = async (slug: string) => (await db().selectFrom('shows').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const episodeId = (slug: string, season: number, episode: number) => episodeIdOf(db(), slug, season, episode);
const auditCount = async () => (await db().selectFrom('audit_log').select('id').execute()).length;
const SHOW = { title: 'Kaleido Star', synopsis: '', network: '', status: '' };

describe('ids on the show form', () => {
  it('saves the ids typed, shows them on the form, and audits before and after', async () => {
    const editor = await session();
    const saved = await post('/admin/shows/kaleido-star', { ...SHOW, imdbId: ' tt0407362 ', tvdbId: '', tmdbId: '', tvmazeId: '1402' }, editor);
    expect(saved.statusCode).toBe(303);
    const id = await showId('kaleido-star');
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt0407362', tvmaze: '1402' });

    const form = parsePage((await get('/admin/shows/kaleido-star', editor)).body);
    expect(form('#field-imdbId').attr('value')).toBe('tt0407362');
    expect(form('#field-tvmazeId').attr('value')).toBe('1402');
    expect(form('#field-tmdbId').attr('value')).toBe('');

    // A post without any id field keeps them; an emptied field removes its id.
    await post('/admin/shows/kaleido-star', SHOW, editor);
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt0407362', tvmaze: '1402' });
    await post('/admin/shows/kaleido-star', { ...SHOW, imdbId: 'tt0407362', tvdbId: '', tmdbId: '', tvmazeId: '' }, editor);
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt0407362' });

    const audit = parsePage((await get('/admin/audit', await signedInAs(context.app, context.database, 'admin'))).body);
    const row = audit('tr[data-action="show.update"]').first();
    // The full entry behind the readable changes (issue 25): the id removed is in before, not after.
    const full = JSON.parse(row.find('.audit-json pre').text());
    expect(JSON.stringify(full.before)).toContain('"tvmaze":"1402"');
    expect(JSON.stringify(full.after)).not.toContain('"tvmaze"');
    expect(JSON.stringify(full.after)).toContain('"imdb":"tt0407362"');
  });

  it('shows a malformed id and an id another show holds beside their fields, and writes nothing', async () => {
    const editor = await session();
    expect((await post('/admin/shows/new', { slug: 'other-star', title: 'Other Star', tvdbId: '555' }, editor)).statusCode).toBe(303);
    const before = { ids: (await repo().idsOfShows([await showId('kaleido-star')])).get(await showId('kaleido-star')), audit: await auditCount() };

    const bad = await post('/admin/shows/kaleido-star', { ...SHOW, imdbId: '407362', tvdbId: '555', tmdbId: '', tvmazeId: '' }, editor);
    expect(bad.statusCode).toBe(400);
    const page = parsePage(bad.body);
    expect(page('#field-imdbId-error').text()).toBe('Enter an IMDb id as "tt" followed by 7 to 10 digits, e.g. tt0123456, or leave it empty.');
    expect(page('#field-imdbId').attr('value')).toBe('407362');

    const taken = await post('/admin/shows/kaleido-star', { ...SHOW, title: 'Renamed', imdbId: '', tvdbId: '555', tmdbId: '', tvmazeId: '' }, editor);
    expect(taken.statusCode).toBe(400);
    expect(parsePage(taken.body)('#field-tvdbId-error').text()).toBe('This TheTVDB id belongs to the show “other-star” already.');
    // Nothing of the edit was written: not the ids, not the title, not an audit entry.
    const id = await showId('kaleido-star');
    expect((await repo().idsOfShows([id])).get(id)).toEqual(before.ids);
    expect((await db().selectFrom('shows').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).toBe('Kaleido Star');
    expect(await auditCount()).toBe(before.audit);
  });
});

describe('ids on the episode form', () => {
  it('saves, shows, and refuses an id another episode holds, naming it', async () => {
    const editor = await session();
    const fields = {
      title: 'Episode one',
      airDate: '',
      synopsis: '',
      directors: '',
      watchLinks: '',
      imdbId: 'tt0666001',
      tvdbId: '',
      tmdbId: '',
      tvmazeId: '77001',
    };
    expect((await post('/admin/shows/kaleido-star/seasons/1/episodes/1', fields, editor)).statusCode).toBe(303);
    const first = await episodeId('kaleido-star', 1, 1);
    expect((await repo().idsOfEpisodes([first])).get(first)).toEqual({ imdb: 'tt0666001', tvmaze: '77001' });
    const form = parsePage((await get('/admin/shows/kaleido-star/seasons/1/episodes/1', editor)).body);
    expect(form('#field-tvmazeId').attr('value')).toBe('77001');

    const audits = await auditCount();
    const clash = await post('/admin/shows/kaleido-star/seasons/1/episodes/2', { ...fields, title: 'Episode two', imdbId: '' }, editor);
    expect(clash.statusCode).toBe(400);
    expect(parsePage(clash.body)('#field-tvmazeId-error').text()).toBe('This TVmaze id belongs to episode kaleido-star S1E1 already.');
    const second = await episodeId('kaleido-star', 1, 2);
    expect((await repo().idsOfEpisodes([second])).get(second)).toEqual({});
    expect(await auditCount()).toBe(audits);

    // A new episode may bring its ids with it.
    const created = await post('/admin/shows/kaleido-star/seasons/1/episodes/new', { ...fields, number: '90', imdbId: '', tvmazeId: '77090' }, editor);
    expect(created.statusCode).toBe(303);
    expect((await repo().episodesByExternalIds('tvmaze', ['77090'])).get('77090')).toMatchObject({ seasonNumber: 1, episodeNumber: 90 });
  });
});

describe('ids on the public pages', () => {
  it('the show and episode pages link to the other sites once ids are saved, and not before', async () => {
    const editor = await session();
    const links = async (url: string) =>
      parsePage((await context.app.inject({ url })).body)('.external-links a')
        .toArray()
        .map((a) => a.attribs.href);
    expect(await links('/shows/kaleido-star/seasons/1/episodes/3')).toEqual([]);
    await post('/admin/shows/kaleido-star', { ...SHOW, imdbId: 'tt0407362', tvdbId: '72552', tmdbId: '', tvmazeId: '1402' }, editor);
    const episode = {
      title: 'Three',
      airDate: '',
      synopsis: '',
      directors: '',
      watchLinks: '',
      imdbId: 'tt0666003',
      tvdbId: '',
      tmdbId: '',
      tvmazeId: '77003',
    };
    await post('/admin/shows/kaleido-star/seasons/1/episodes/3', episode, editor);
    expect(await links('/shows/kaleido-star')).toEqual([
      'https://www.imdb.com/title/tt0407362/',
      'https://thetvdb.com/dereferrer/series/72552',
      'https://www.tvmaze.com/shows/1402',
    ]);
    expect(await links('/shows/kaleido-star/seasons/1/episodes/3')).toEqual(['https://www.imdb.com/title/tt0666003/', 'https://www.tvmaze.com/episodes/77003']);
  });
});
