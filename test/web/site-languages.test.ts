/**
 * The site's general pages in Japanese and Spanish, on the demo catalogue: counts as each language
 * counts them (ICU plurals: 「51話」, "1 serie"), averages and fan scores with the language's
 * decimal separator and their exact two digits (8.30 → "8,30" in Spanish), the air year as the
 * language writes a year, and the same page in English from the same address without ?lang=.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });

const open = async (url: string, headers: Record<string, string> = {}) => {
  const response = await context.app.inject({ url, headers });
  expect(response.statusCode, url).toBe(200);
  return parsePage(response.body);
};
const text = (selection: { text(): string }) => selection.text().replace(/\s+/g, ' ').trim();

describe('the front page in Japanese', () => {
  it('counts episodes and votes, and writes averages and fan scores, as Japanese does', async () => {
    const $ = await open('/?lang=ja');
    expect($('html').attr('lang')).toBe('ja');
    expect($('h1').text()).toBe('ファンが選ぶ、テレビのベストエピソード');
    // The demo show: TV Tokyo, ended, 51 episodes, 181 votes; its first season's average is 8.30.
    expect(text($('.home-featured .show-facts'))).toBe('TV Tokyo · 放送終了 · 51話 · 181票');
    expect(text($('.home-season-facts').first())).toBe('26話 · 平均8.30');
    expect(text($('.home-featured .home-ranking-link'))).toBe('全51話のランキングを見る');
    const first = $('.home-featured .home-places li').first();
    expect(text(first.find('.home-place-where'))).toBe('シーズン1 第1話');
    expect(text(first.find('.home-place-score strong'))).toBe('9.28');
    expect(text(first.find('.home-place-votes'))).toBe('40票');
    expect(text($('.browse-all'))).toBe('全1作品を見る');
  });

  it('is English again at the same address without ?lang=, from the same page cache', async () => {
    await open('/', { 'accept-language': 'ja' });
    const $ = await open('/', { 'accept-language': 'en' });
    expect($('html').attr('lang')).toBe('en');
    expect(text($('.home-featured .show-facts'))).toBe('TV Tokyo · Ended · 51 episodes · 181 votes');
    expect(text($('.home-season-facts').first())).toBe('26 episodes · average 8.30');
  });
});

describe('the front page and the lists in Spanish', () => {
  it('writes the exact averages with a decimal comma and counts with one/other plurals', async () => {
    const $ = await open('/?lang=es');
    expect(text($('.home-featured .show-facts'))).toBe('TV Tokyo · Finalizada · 51 episodios · 181 votos');
    expect(text($('.home-season-facts').first())).toBe('26 episodios · media 8,30');
    expect(text($('.home-featured .home-places .home-place-score strong').first())).toBe('9,28');
    expect(text($('.browse-all'))).toBe('Ver la 1 serie');
  });

  it('gives /top its numbers and air years in the language', async () => {
    const ja = await open('/top?lang=ja');
    const line = ja('.top-list li').first();
    expect(text(line.find('.show-facts'))).toContain('シーズン1 第1話 · TV Tokyo · 2003年');
    expect(text(line.find('.top-numbers'))).toBe('ファンスコア9.28・平均9.40・40票');
    const es = await open('/top?lang=es&list=divisive');
    expect(text(es('.lede'))).toContain('al menos un 25 % de valoraciones del 1 al 3');
    const esBest = await open('/top?lang=es');
    expect(text(esBest('.top-list li').first().find('.top-numbers'))).toBe('puntuación de fans 9,28 · media 9,40 · 40 votos');
  });
});
