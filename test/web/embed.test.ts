/**
 * The embed pages: other sites may frame them (frame-ancestors *, no X-Frame-Options) while every
 * other answer, their own error pages included, still refuses; minimal chrome with a link back
 * that opens in a new tab; the same numbers as the full pages.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { seedDemo, useTestApp } from '../helpers/app.js';

const PUBLIC_URL = 'https://episodes.example.org';

/** True when the answer's headers let a page on another site put it in a frame. */
function frameableByOthers(headers: Record<string, unknown>): boolean {
  const policy = String(headers['content-security-policy'] ?? '');
  return headers['x-frame-options'] === undefined && /(^|;)\s*frame-ancestors \*\s*(;|$)/.test(policy);
}

describe('embed pages', () => {
  const context = useTestApp({ config: { publicUrl: PUBLIC_URL, pageCacheSeconds: 600 }, seed: seedDemo });
  const get = (url: string) => context.app.inject({ method: 'GET', url });

  it('open framing to every site on the embed routes, from the cache too', async () => {
    for (const url of ['/embed/shows/kaleido-star/heatmap', '/embed/shows/kaleido-star/seasons/1']) {
      for (const attempt of ['built', 'cached']) {
        const hits = context.app.services.pageCache.stats().hits;
        const response = await get(url);
        if (attempt === 'cached') expect(context.app.services.pageCache.stats().hits).toBe(hits + 1);
        expect(response.statusCode, `${url} ${attempt}`).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(frameableByOthers(response.headers), `${url} ${attempt}`).toBe(true);
      }
    }
  });

  it('keep refusing frames everywhere else, the embeds’ own error pages included', async () => {
    for (const url of [
      '/',
      '/shows/kaleido-star',
      '/shows/kaleido-star/seasons/1',
      '/shows/kaleido-star/share.png',
      '/oembed?url=x',
      '/embed/shows/no-such-show/heatmap',
      '/embed/shows/kaleido-star/seasons/9',
      '/embed/shows/kaleido-star',
    ]) {
      const response = await get(url);
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
      expect(frameableByOthers(response.headers), url).toBe(false);
    }
  });

  it('show a season’s best episodes with the season page’s numbers, and a link back in a new tab', async () => {
    const $ = cheerio.load((await get('/embed/shows/kaleido-star/seasons/1')).body);
    // Minimal chrome: no site header, search or footer.
    expect($('header, footer, form, input[type=search]').length).toBe(0);
    expect($('meta[name="color-scheme"]').attr('content')).toBe('light dark');
    expect($('base').attr('target')).toBe('_blank');
    const back = $('a:contains("View on Epirank")');
    expect(back.attr('href')).toBe(`${PUBLIC_URL}/shows/kaleido-star/seasons/1`);
    expect(back.attr('target')).toBe('_blank');
    expect(back.attr('rel')).toContain('noopener');
    const rows = $('table.embed-ranking tbody tr')
      .toArray()
      .map((row) => ({ rank: $(row).find('td').first().text(), score: $(row).find('.embed-score').text() }));
    expect(rows.length).toBe(10);
    // The season page lists the same first ten, in the same order, with the same fan scores.
    const $season = cheerio.load((await get('/shows/kaleido-star/seasons/1')).body);
    const pageScores = $season('.fan-score-value')
      .toArray()
      .slice(0, 10)
      .map((e) => $season(e).text().trim());
    expect(pageScores.length).toBe(10);
    expect(rows.map((r) => r.score)).toEqual(pageScores);
    expect(rows.map((r) => r.rank)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect($('.embed-more').text()).toMatch(/more rated episodes?$/);
  });

  it('draw the show’s heatmap, one linked cell per episode', async () => {
    const response = await get('/embed/shows/kaleido-star/heatmap');
    const $ = cheerio.load(response.body);
    expect($('table.heatmap tbody tr').length).toBe(2);
    expect($('table.heatmap tbody td a').length).toBe(51);
    expect($('a:contains("View on Epirank")').attr('href')).toBe(`${PUBLIC_URL}/shows/kaleido-star`);
  });

  it('switch the heatmap’s measure inside the embed: the switch links stay under /embed/ and in the frame', async () => {
    const $ = cheerio.load((await get('/embed/shows/kaleido-star/heatmap')).body);
    const switches = $('.heatmap-switch a').toArray();
    expect(switches.map((a) => $(a).text().trim())).toEqual(['Fan score', 'Average']);
    for (const a of switches) {
      expect($(a).attr('href'), $(a).text()).toMatch(/^\/embed\/shows\/kaleido-star\/heatmap(\?|$)/);
      // The document's <base target="_blank"> would open the full site in a new tab instead.
      expect($(a).attr('target'), $(a).text()).toBe('_self');
    }
    expect($('.heatmap-switch a[aria-current="true"]').text()).toBe('Fan score');
    // Following "Average" gives the embed again, framable, with the average on the switch and in the cells.
    const average = await get(String($(switches[1]).attr('href')));
    expect(average.statusCode).toBe(200);
    expect(frameableByOthers(average.headers)).toBe(true);
    const $average = cheerio.load(average.body);
    expect($average('.heatmap-switch a[aria-current="true"]').text()).toBe('Average');
    expect($average('table.heatmap caption').text()).toMatch(/^Average of every episode/);
    expect($average('a:contains("View on Epirank")').attr('href')).toBe(`${PUBLIC_URL}/shows/kaleido-star`);
    // The average embed is the show page's average heatmap, cell for cell.
    const cells = ($$: cheerio.CheerioAPI) =>
      $$('table.heatmap tbody td a')
        .toArray()
        .map((a) => $$(a).text());
    const $page = cheerio.load((await get('/shows/kaleido-star?heatmap=average')).body);
    expect(cells($average)).toEqual(cells($page));
    expect(cells($average)).not.toEqual(cells($));
    // Its switch leads back to the fan-score embed; episode links still open the full site in a new tab.
    expect($average('.heatmap-switch a:contains("Fan score")').attr('href')).toBe('/embed/shows/kaleido-star/heatmap');
    expect($average('table.heatmap tbody td a').first().attr('target')).toBeUndefined();
    // A measure that does not exist is a clear 400, not a 500.
    expect((await get('/embed/shows/kaleido-star/heatmap?heatmap=median')).statusCode).toBe(400);
  });

  it('switch the heatmap’s colour scale inside the embed too, keeping the measure', async () => {
    const $ = cheerio.load((await get('/embed/shows/kaleido-star/heatmap?heatmap=average')).body);
    const switches = $('nav[aria-label="Heatmap colours"] a').toArray();
    expect(switches.map((a) => [$(a).text(), $(a).attr('href'), $(a).attr('target')])).toEqual([
      ["This show's range", '/embed/shows/kaleido-star/heatmap?heatmap=average', '_self'],
      ['Whole scale, 1–10', '/embed/shows/kaleido-star/heatmap?heatmap=average&scale=absolute', '_self'],
    ]);
    const absolute = await get('/embed/shows/kaleido-star/heatmap?heatmap=average&scale=absolute');
    expect(absolute.statusCode).toBe(200);
    expect(frameableByOthers(absolute.headers)).toBe(true);
    const $absolute = cheerio.load(absolute.body);
    expect($absolute('nav[aria-label="Heatmap colours"] a[aria-current="true"]').text()).toBe('Whole scale, 1–10');
    expect($absolute('.heatmap-switch a:contains("Fan score")').attr('href')).toBe('/embed/shows/kaleido-star/heatmap?scale=absolute');
    expect((await get('/embed/shows/kaleido-star/heatmap?scale=log')).statusCode).toBe(400);
  });

  it('serve their stylesheet', async () => {
    const $ = cheerio.load((await get('/embed/shows/kaleido-star/heatmap')).body);
    const href = $('link[rel=stylesheet][href*="embed.css"]').attr('href');
    expect(href).toBeDefined();
    const css = await get(String(href));
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('.embed-credit');
  });
});
