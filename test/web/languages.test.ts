/**
 * Which language a page is answered in (src/http/language.ts): the address, the menu's cookie, the
 * browser's Accept-Language, DEFAULT_LANGUAGE, in that order; what caches are told; and that the
 * page cache never hands one language's page to another's reader.
 */
import { describe, expect, it } from 'vitest';
import { languageFromHeader } from '../../src/http/language.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });
const get = (url: string, headers: Record<string, string> = {}) => context.app.inject({ url, headers });
const htmlLang = (body: string) => parsePage(body)('html').attr('lang');

describe('the language of a page', () => {
  it('follows Accept-Language, and the same cached page goes out in English to the next visitor', async () => {
    const japanese = await get('/', { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' });
    expect(htmlLang(japanese.body)).toBe('ja');
    expect(japanese.headers['content-language']).toBe('ja');
    expect(japanese.headers.vary).toContain('Accept-Language');
    expect(parsePage(japanese.body)('.skip-link').text().trim()).toBe('本文へ移動');

    const english = await get('/', { 'accept-language': 'en-GB' });
    expect(htmlLang(english.body)).toBe('en');
    expect(parsePage(english.body)('.skip-link').text().trim()).toBe('Skip to content');
    // And back: the Japanese copy is still the Japanese one.
    expect(htmlLang((await get('/', { 'accept-language': 'ja' })).body)).toBe('ja');
    expect(htmlLang((await get('/', { 'accept-language': 'es-MX' })).body)).toBe('es');
  });

  it('gives an unknown or missing Accept-Language the default language', async () => {
    expect(htmlLang((await get('/')).body)).toBe('en');
    expect(htmlLang((await get('/', { 'accept-language': 'fr-FR, de;q=0.8' })).body)).toBe('en');
    expect(htmlLang((await get('/', { 'accept-language': ';;;,,q=x' })).body)).toBe('en');
  });

  it('lets the menu’s cookie outvote the browser, and the address outvote both', async () => {
    const chosen = await get('/', { cookie: 'epirank_lang=es', 'accept-language': 'ja' });
    expect(htmlLang(chosen.body)).toBe('es');
    const addressed = await get('/?lang=ja', { cookie: 'epirank_lang=es', 'accept-language': 'en' });
    expect(htmlLang(addressed.body)).toBe('ja');
    // An address in a language is one URL for every reader: it does not vary on their header.
    expect(addressed.headers.vary ?? '').not.toContain('Accept-Language');
    // A cookie naming no language the site speaks is ignored.
    expect(htmlLang((await get('/', { cookie: 'epirank_lang=xx', 'accept-language': 'ja' })).body)).toBe('ja');
  });

  it('tells caches that an embed or share image in a language a cookie chose varies on Cookie', async () => {
    for (const url of ['/shows/kaleido-star/share.png', '/embed/shows/kaleido-star/seasons/1']) {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers.vary ?? '').not.toContain('Cookie');
      const chosen = await get(url, { cookie: 'epirank_lang=ja' });
      expect(chosen.headers.vary).toContain('Cookie');
      expect(chosen.headers['content-language']).toBe('ja');
      // A cookie naming no language decides nothing, and adds nothing to Vary.
      expect((await get(url, { cookie: 'epirank_lang=xx' })).headers.vary ?? '').not.toContain('Cookie');
    }
  });

  it('keeps a page opened at its language address in that language through its links and search form', async () => {
    const $ = parsePage((await get('/shows?lang=ja')).body);
    expect($('a.brand').attr('href')).toBe('/?lang=ja');
    expect($('.site-nav a').first().attr('href')).toBe('/shows?lang=ja');
    expect($('.site-search form input[name="lang"]').attr('value')).toBe('ja');
    // Without the address, links stay plain: the cookie or the browser decides.
    expect(parsePage((await get('/shows', { 'accept-language': 'ja' })).body)('a.brand').attr('href')).toBe('/');
  });

  it('takes ?lang out before routing, so a page with a strict query still answers', async () => {
    expect((await get('/top?lang=es')).statusCode).toBe(200);
    expect((await get('/shows/kaleido-star/seasons/1?lang=ja&sort=votes')).statusCode).toBe(200);
    expect((await get('/shows/kaleido-star/seasons/1?lang=zz')).statusCode).toBe(200);
  });

  it('names every language’s address for search engines, and the canonical one of the page’s own', async () => {
    const $ = parsePage((await get('/shows/kaleido-star/seasons/1?lang=es')).body);
    const alternates = Object.fromEntries(
      $('link[rel="alternate"][hreflang]')
        .map((_, l) => [[$(l).attr('hreflang'), $(l).attr('href')]])
        .get(),
    );
    expect(alternates).toEqual({
      en: 'http://localhost:80/shows/kaleido-star/seasons/1',
      ja: 'http://localhost:80/shows/kaleido-star/seasons/1?lang=ja',
      es: 'http://localhost:80/shows/kaleido-star/seasons/1?lang=es',
      'x-default': 'http://localhost:80/shows/kaleido-star/seasons/1',
    });
    expect($('link[rel="canonical"]').attr('href')).toBe('http://localhost:80/shows/kaleido-star/seasons/1?lang=es');
    expect($('meta[property="og:locale"]').attr('content')).toBe('es_ES');
  });
});

describe('the language menu', () => {
  it('lists every language in its own words, with the current one marked', async () => {
    const $ = parsePage((await get('/shows/kaleido-star', { 'accept-language': 'ja' })).body);
    const links = $('.language-menu a')
      .map((_, a) => ({ name: $(a).text().trim(), lang: $(a).attr('lang'), href: $(a).attr('href'), current: $(a).attr('aria-current') ?? null }))
      .get();
    expect(links).toEqual([
      { name: 'English', lang: 'en', href: '/language/en?back=%2Fshows%2Fkaleido-star', current: null },
      { name: '日本語', lang: 'ja', href: '/language/ja?back=%2Fshows%2Fkaleido-star', current: 'true' },
      { name: 'Español', lang: 'es', href: '/language/es?back=%2Fshows%2Fkaleido-star', current: null },
    ]);
  });

  it('remembers the choice for a year and goes back to the page, without a language address that would outvote it', async () => {
    const chosen = await get('/language/es?back=/shows/kaleido-star%3Flang%3Dja');
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers['cache-control']).toBe('private, no-store');
    expect(chosen.headers['set-cookie']).toMatch(/^epirank_lang=es; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);
    const back = await get('/language/es?back=%2Fshows%2Fkaleido-star%3Flang%3Dja%26sort%3Dvotes');
    expect(back.headers.location).toBe('/shows/kaleido-star?sort=votes');
  });

  it('goes home for a back address that is not this site’s, and answers a language it does not speak with a 404 page', async () => {
    expect((await get('/language/ja?back=//evil.example/')).headers.location).toBe('/');
    expect((await get('/language/ja?back=https://evil.example/')).headers.location).toBe('/');
    const unknown = await get('/language/klingon');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/text\/html/);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    expect(unknown.body).toContain('Epirank does not speak “klingon”.');
    expect((await get('/language/klingon', { 'accept-language': 'es' })).body).toContain('Epirank no habla «klingon».');
  });
});

describe('Accept-Language matching', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['es-419,es;q=0.9', 'es'],
    ['fr, es;q=0.5, ja;q=0.7', 'ja'],
    ['en-US,en;q=0.9', 'en'],
    ['*', null],
    ['fr', null],
    ['', null],
    ['ja;q=0', null],
  ])('%j → %j', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});
