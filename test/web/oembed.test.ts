/**
 * The oEmbed endpoint: a "rich" JSON answer with an <iframe> of the embed page for our show and
 * season pages, sized within maxwidth/maxheight; 404 for anything else, 501 for XML; and the
 * discovery links on the pages lead to it.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { EMBED_SIZES } from '../../src/web/embeds/oembed.routes.js';

const PUBLIC_URL = 'https://episodes.example.org';

describe('oEmbed', () => {
  const context = useTestApp({ config: { publicUrl: PUBLIC_URL }, seed: seedDemo });
  const ask = (query: Record<string, string>) => context.app.inject({ method: 'GET', url: '/oembed', query });
  const iframeOf = (html: string) => cheerio.load(html)('iframe');

  it('describes a show page as a rich embed of its heatmap', async () => {
    const response = await ask({ url: `${PUBLIC_URL}/shows/kaleido-star`, format: 'json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const answer = response.json();
    expect(answer).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'Epirank',
      provider_url: `${PUBLIC_URL}/`,
      title: 'Kaleido Star: ratings heatmap',
      ...EMBED_SIZES.heatmap,
    });
    const iframe = iframeOf(answer.html);
    expect(iframe.attr('src')).toBe(`${PUBLIC_URL}/embed/shows/kaleido-star/heatmap`);
    expect(iframe.attr('width')).toBe(String(EMBED_SIZES.heatmap.width));
    expect(iframe.attr('height')).toBe(String(EMBED_SIZES.heatmap.height));
    expect(iframe.attr('title')).toBe('Kaleido Star: ratings heatmap');
  });

  it('describes a season page (any order or page of it) as its ranking, format defaulting to JSON', async () => {
    const answer = (await ask({ url: `${PUBLIC_URL}/shows/kaleido-star/seasons/1?sort=votes&page=2#s1e3` })).json();
    expect(answer.type).toBe('rich');
    expect(answer.title).toBe('Kaleido Star season 1, ranked by fans');
    expect(iframeOf(answer.html).attr('src')).toBe(`${PUBLIC_URL}/embed/shows/kaleido-star/seasons/1`);
    // The embed pages' own addresses describe themselves too.
    const again = (await ask({ url: `${PUBLIC_URL}/embed/shows/kaleido-star/seasons/1` })).json();
    expect(again.html).toBe(answer.html);
  });

  it('keeps within maxwidth and maxheight, and never grows past the natural size', async () => {
    const small = (await ask({ url: `${PUBLIC_URL}/shows/kaleido-star/seasons/1`, maxwidth: '300', maxheight: '200' })).json();
    expect([small.width, small.height]).toEqual([300, 200]);
    expect(iframeOf(small.html).attr('width')).toBe('300');
    expect(iframeOf(small.html).attr('height')).toBe('200');
    const big = (await ask({ url: `${PUBLIC_URL}/shows/kaleido-star`, maxwidth: '5000', maxheight: '5000' })).json();
    expect([big.width, big.height]).toEqual([EMBED_SIZES.heatmap.width, EMBED_SIZES.heatmap.height]);
    const narrow = (await ask({ url: `${PUBLIC_URL}/shows/kaleido-star`, maxwidth: '320' })).json();
    expect([narrow.width, narrow.height]).toEqual([320, EMBED_SIZES.heatmap.height]);
  });

  it('answers 501 for XML, as the spec allows', async () => {
    expect((await ask({ url: `${PUBLIC_URL}/shows/kaleido-star`, format: 'xml' })).statusCode).toBe(501);
  });

  it('answers 404 for a URL that is not one of our show or season pages', async () => {
    for (const url of [
      'https://elsewhere.example/shows/kaleido-star',
      `${PUBLIC_URL}/shows/no-such-show`,
      `${PUBLIC_URL}/shows/kaleido-star/seasons/9`,
      `${PUBLIC_URL}/shows/kaleido-star/seasons/1/episodes/3`,
      `${PUBLIC_URL}/shows/kaleido-star/share.png`,
      `${PUBLIC_URL}/shows/%E0%A4%A`,
      `${PUBLIC_URL}/`,
      'not a url',
      'javascript:alert(1)',
    ]) {
      expect((await ask({ url, format: 'json' })).statusCode, url).toBe(404);
    }
  });

  it('refuses malformed sizes, a missing url and unknown formats with 400', async () => {
    for (const maxwidth of ['0', '-5', 'wide', '1.5']) {
      expect((await ask({ url: `${PUBLIC_URL}/shows/kaleido-star`, maxwidth })).statusCode, maxwidth).toBe(400);
    }
    expect((await context.app.inject({ method: 'GET', url: '/oembed' })).statusCode).toBe(400);
    expect((await ask({ url: `${PUBLIC_URL}/shows/kaleido-star`, format: 'yaml' })).statusCode).toBe(400);
  });

  it('is discovered from the show and season pages, and what it finds describes them', async () => {
    for (const [page, embed] of [
      ['/shows/kaleido-star', '/embed/shows/kaleido-star/heatmap'],
      ['/shows/kaleido-star/seasons/1?sort=votes', '/embed/shows/kaleido-star/seasons/1'],
    ]) {
      const $ = cheerio.load((await context.app.inject({ method: 'GET', url: page })).body);
      const href = $('link[rel="alternate"][type="application/json+oembed"]').attr('href');
      expect(href, page).toBeDefined();
      const found = new URL(String(href));
      expect(found.origin).toBe(PUBLIC_URL);
      const answer = (await context.app.inject({ method: 'GET', url: found.pathname + found.search })).json();
      expect(iframeOf(answer.html).attr('src')).toBe(PUBLIC_URL + embed);
    }
  });
});
