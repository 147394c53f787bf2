/**
 * A show's and an episode's titles on their pages (issue 26): the other titles beside the heading,
 * each with its `lang`; the title menu's links, which remember the preference in a cookie without
 * JavaScript and come back; the preferred title in the heading, on episode cards and in the
 * episode's heading; `alternateName` in the JSON-LD; and a cached page never served to a visitor
 * with another preference.
 */
import { describe, expect, it } from 'vitest';
import { TITLES_COOKIE } from '../../src/http/language.js';
import { storeOf } from '../../src/repositories.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: 'kaleido-star', title: 'Kaleido Star' });
    const season = await make.season(show.id, 1);
    const episode = await make.episode(season.id, 1, { title: 'My Amazing Stage Debut' });
    await make.ratings(episode.id, [9, 8]);
    const { alternateTitles } = storeOf(database.handle.db).read;
    await alternateTitles.replaceShowTitles(show.id, [
      { title: 'カレイドスター', language: 'ja', original: true },
      { title: 'Kareido Sutā', language: 'ja-Latn', original: false },
      { title: 'Kaleido Star', language: 'en', original: false },
    ]);
    await alternateTitles.replaceEpisodeTitles(episode.id, [{ title: 'はじめての舞台', language: 'ja', original: true }]);
  },
});

async function page(url: string, titles?: string) {
  const response = await context.app.inject({ method: 'GET', url, headers: titles ? { cookie: `${TITLES_COOKIE}=${titles}` } : {} });
  expect(response.statusCode).toBe(200);
  return parsePage(response.body);
}

describe('alternate titles on the pages', () => {
  it('lists the other titles beside the heading, each in its language, and offers the menu', async () => {
    const $ = await page('/shows/kaleido-star');
    expect($('h1').text()).toBe('Kaleido Star');
    const others = $('.other-titles .titles-list span[lang]');
    expect(others.map((_, el) => `${$(el).attr('lang')}:${$(el).text()}`).get()).toEqual(['ja:カレイドスター', 'ja-Latn:Kareido Sutā']);
    const links = $('.title-menu a')
      .map((_, el) => $(el).attr('href'))
      .get();
    expect(links).toEqual(['/titles/listed', '/titles/original', '/titles/romaji', '/titles/language'].map((p) => `${p}?back=%2Fshows%2Fkaleido-star`));
    expect($('.title-menu a[aria-current="true"]').attr('href')).toContain('/titles/listed');
  });

  it('remembers a preference from the menu and goes back; an unknown one is a 404', async () => {
    const chosen = await context.app.inject({ method: 'GET', url: '/titles/original?back=%2Fshows%2Fkaleido-star' });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe('/shows/kaleido-star');
    expect(String(chosen.headers['set-cookie'])).toContain(`${TITLES_COOKIE}=original`);
    expect((await context.app.inject({ method: 'GET', url: '/titles/klingon' })).statusCode).toBe(404);
    const elsewhere = await context.app.inject({ method: 'GET', url: '/titles/romaji?back=https%3A%2F%2Fevil.example%2F' });
    expect(elsewhere.headers.location).toBe('/');
  });

  it('prints the preferred title in the heading, on the episode cards and on the episode page, never from another visitor’s cache', async () => {
    // The listed page first, so a cached copy exists before the other preferences ask.
    expect((await page('/shows/kaleido-star')).text()).toContain('My Amazing Stage Debut');
    const original = await page('/shows/kaleido-star', 'original');
    expect(original('h1').text()).toBe('カレイドスター');
    expect(
      original('.other-titles .titles-list > span:not(.visually-hidden)')
        .map((_, el) => original(el).text())
        .get(),
    ).toEqual(['Kareido Sutā', 'Kaleido Star']);
    expect(original('.title-menu a[aria-current="true"]').attr('href')).toContain('/titles/original');
    expect(original('main').text()).toContain('はじめての舞台');
    expect((await page('/shows/kaleido-star', 'romaji'))('h1').text()).toBe('Kareido Sutā');
    expect((await page('/shows/kaleido-star/seasons/1', 'romaji'))('h1').text()).toContain('Kareido Sutā');
    const episode = await page('/shows/kaleido-star/seasons/1/episodes/1', 'original');
    expect(episode('h1').text()).toBe('はじめての舞台');
    expect(episode('.other-titles .titles-list > span:not(.visually-hidden)').text()).toBe('My Amazing Stage Debut');
    expect((await page('/shows/kaleido-star'))('h1').text()).toBe('Kaleido Star');
    // Search results too: the show under its romaji, found by its native title.
    const found = await page(`/search?q=${encodeURIComponent('カレイドスター')}`, 'romaji');
    expect(found('.search-results li[data-kind="show"] a').first().text()).toBe('Kareido Sutā');
  });

  it('gives the show and the episode their other titles as alternateName', async () => {
    const graph = (doc: Awaited<ReturnType<typeof page>>) => JSON.parse(doc('script[type="application/ld+json"]').text())['@graph'];
    const show = graph(await page('/shows/kaleido-star'))[0];
    expect(show.alternateName).toEqual(['カレイドスター', 'Kareido Sutā']);
    const episode = graph(await page('/shows/kaleido-star/seasons/1/episodes/1'))[0];
    expect(episode.name).toBe('My Amazing Stage Debut');
    expect(episode.alternateName).toEqual(['はじめての舞台']);
  });

  it('returns the titles in the API, the listed title unchanged whatever the preference', async () => {
    const headers = { cookie: `${TITLES_COOKIE}=original` };
    const show = (await context.app.inject({ url: '/api/v1/shows/kaleido-star', headers })).json();
    expect(show.title).toBe('Kaleido Star');
    expect(show.titles).toEqual([
      { title: 'カレイドスター', language: 'ja', original: true },
      { title: 'Kareido Sutā', language: 'ja-Latn', original: false },
      { title: 'Kaleido Star', language: 'en', original: false },
    ]);
    const episode = (await context.app.inject({ url: '/api/v1/shows/kaleido-star/seasons/1/episodes/1', headers })).json();
    expect(episode.title).toBe('My Amazing Stage Debut');
    expect(episode.titles).toEqual([{ title: 'はじめての舞台', language: 'ja', original: true }]);
  });
});
