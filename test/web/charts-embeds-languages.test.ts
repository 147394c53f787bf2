/**
 * The charts, embeds, share image, oEmbed answer and JSON-LD in Japanese and Spanish (issue 26):
 * Spanish words and decimal commas where English has points, a Japanese share image that is
 * always a legible PNG (in Japanese when a Japanese font is installed, its own words in English
 * when none is: share-words.ts), and titles in Japanese script never breaking the renderer.
 */
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/context.js';
import { canDraw } from '../../src/web/embeds/share-image/share-font-metrics.js';
import { renderWithResvg } from '../../src/web/embeds/share-image/share-renderer.js';
import { shareImageSvg } from '../../src/web/embeds/share-image/share-svg.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const PUBLIC_URL = 'https://episodes.example.org';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A score as the ranking prints it, and as Spanish writes it. */
const POINT_SCORE = /^\d{1,2}\.\d{2}$/;
const COMMA_SCORE = /^\d{1,2},\d{2}$/;

const context = useTestApp({ config: { publicUrl: PUBLIC_URL }, seed: seedDemo });

async function get(url: string, headers: Record<string, string> = {}) {
  return context.app.inject({ method: 'GET', url, headers });
}

describe('charts in Spanish', () => {
  it('words the heatmap in Spanish and prints its scores with a decimal comma', async () => {
    const $ = parsePage((await get('/shows/kaleido-star?lang=es')).body);
    const heatmap = $('#heatmap');
    expect(heatmap.find('h2').text()).toBe('Mapa de calor de valoraciones');
    expect(heatmap.find('thead th').first().text()).toBe('Temporada');
    expect(heatmap.find('tbody th').first().text()).toBe('T1');
    const cells = heatmap
      .find('td a')
      .map((_, a) => $(a).text())
      .get()
      .filter((text) => text !== '–');
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) expect(cell).toMatch(COMMA_SCORE);
    expect(heatmap.find('.heatmap-legend p').text()).toMatch(
      /^Puntuación de fans por colores, según el rango de esta serie \(mínimo \d+,\d{2}, máximo \d+,\d{2}\):$/,
    );
    expect(heatmap.find('.heatmap-legend li').first().text()).toMatch(/^\d+,\d{2}–\d+,\d{2}$/);
    expect(
      heatmap
        .find('.heatmap-scale-switch a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Rango de esta serie', 'Escala completa, 1–10']);
    // The same cells in English keep their points.
    const english = parsePage((await get('/shows/kaleido-star')).body);
    const englishCells = english('#heatmap td a')
      .map((_, a) => english(a).text())
      .get()
      .filter((text) => text !== '–');
    for (const cell of englishCells) expect(cell).toMatch(POINT_SCORE);
    expect(englishCells.map((cell) => cell.replace('.', ','))).toEqual(cells);
  });

  it('words the trend chart and its table in Spanish, trend values with a decimal comma', async () => {
    const $ = parsePage((await get('/shows/kaleido-star?chart=table&lang=es')).body);
    expect($('#trend-heading').text()).toBe('Episodio a episodio');
    expect($('#trend-title').text()).toBe('Puntuación de fans de cada episodio de Kaleido Star, por orden de emisión');
    expect($('#trend-desc').text()).toMatch(/^\d+ de \d+ episodios valorados, con puntuaciones de \d+,\d{2} a \d+,\d{2} /);
    expect(
      $('#trend-data thead th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['Episodio', 'Título', 'Puntuación de fans', 'Tendencia']);
    const first = $('#trend-data tbody tr').first();
    expect(first.find('th').text()).toBe('T1E1');
    expect(first.find('td').eq(1).text()).toMatch(COMMA_SCORE);
    expect(first.find('td').eq(2).text()).toMatch(COMMA_SCORE);
  });
});

describe('embeds in Spanish', () => {
  it('sends the season embed in Spanish with lang="es", the season average with a decimal comma', async () => {
    const response = await get('/embed/shows/kaleido-star/seasons/1', { 'accept-language': 'es' });
    expect(response.statusCode).toBe(200);
    expect(response.headers.vary).toContain('Accept-Language');
    const $ = parsePage(response.body);
    expect($('html').attr('lang')).toBe('es');
    expect($('.embed-title').text()).toBe('Kaleido Star, temporada 1: clasificación de los fans');
    expect($('.embed-summary').text()).toMatch(/^Media de la temporada: \d+,\d{2} con \d+ votos\.$/);
    expect($('.embed-score').first().text()).toMatch(COMMA_SCORE);
    expect($('.embed-credit a').text()).toBe('Ver en Epirank');
    // English from the same cache afterwards.
    const english = parsePage((await get('/embed/shows/kaleido-star/seasons/1', { 'accept-language': 'en' })).body);
    expect(english('.embed-credit a').text()).toBe('View on Epirank');
    expect(english('.embed-summary').text()).toMatch(/^Season average \d+\.\d{2} from \d+ votes\.$/);
  });

  it('describes a Spanish page address in Spanish over oEmbed, framing the Spanish embed', async () => {
    const url = encodeURIComponent(`${PUBLIC_URL}/shows/kaleido-star/seasons/1?lang=es`);
    const answer = (await get(`/oembed?url=${url}&format=json`)).json();
    expect(answer.title).toBe('Kaleido Star, temporada 1: clasificación de los fans');
    expect(answer.html).toContain(`src="${PUBLIC_URL}/embed/shows/kaleido-star/seasons/1?lang=es"`);
    const plain = (await get(`/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/shows/kaleido-star`)}`)).json();
    expect(plain.title).toBe('Kaleido Star: ratings heatmap');
  });

  it('says the page’s language in the JSON-LD', async () => {
    const $ = parsePage((await get('/shows/kaleido-star?lang=ja')).body);
    const graph = JSON.parse($('script[type="application/ld+json"]').text())['@graph'];
    const page = graph.find((node: { '@type': string }) => node['@type'] === 'WebPage');
    const series = graph.find((node: { '@type': string }) => node['@type'] === 'TVSeries');
    expect(page).toEqual({ '@type': 'WebPage', inLanguage: 'ja', mainEntity: { '@id': series['@id'] } });
  });
});

describe('the share image in Japanese', () => {
  it('is a PNG, its words Japanese where a Japanese font is installed and English where none is', async () => {
    for (const url of ['/shows/kaleido-star/share.png?lang=ja', '/shows/kaleido-star/seasons/1/share.png?lang=ja']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.rawPayload.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
    const svg = withLanguage('ja', () =>
      shareImageSvg({ title: 'Kaleido Star', subtitle: 'x', top: [{ rank: 1, code: 'S1E1', title: 'Pilot', score: '8.50' }], grid: [] }),
    );
    expect(svg).toContain(canDraw('ベストエピソード') ? 'ベストエピソード' : 'Best episodes');
    // A Spanish card draws its own words and a decimal comma.
    const spanish = withLanguage('es', () =>
      shareImageSvg({ title: 'Kaleido Star', subtitle: 'x', top: [{ rank: 1, code: 'T1E1', title: 'Pilot', score: '8.50' }], grid: [] }),
    );
    expect(spanish).toContain('Mejores episodios');
    expect(spanish).toContain('>8,50<');
  });

  it('draws a title in Japanese script without failing', async () => {
    const svg = withLanguage('ja', () =>
      shareImageSvg({
        title: 'カレイドスター',
        subtitle: 'シーズン1',
        top: [{ rank: 1, code: 'S1E1', title: 'すごい！はじめての舞台', score: '9.10' }],
        grid: [{ season: 1, scores: ['9.10', null] }],
      }),
    );
    expect(svg).toContain('カレイドスター');
    const png = await renderWithResvg(svg);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});
