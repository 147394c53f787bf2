/**
 * The weight of a big show's page with its heatmap and trend chart (issue 11's budget: pages stay
 * light). A 1000-episode show, every episode rated but a few, served as the page cache stores it;
 * the bound grows with the number of cells and is stated once, below.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressBody } from '../../src/http/response-cache.js';
import { useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';
import { UNRATED_MARK } from '../../src/web/ui/charts/heatmap.js';

const SEASONS = 10;
const EPISODES_PER_SEASON = 100;
const EPISODES = SEASONS * EPISODES_PER_SEASON;

/**
 * The budget: what the page weighs without charts (its header, seasons table and one page of the
 * ranking), plus so many compressed bytes per episode for its heatmap cell, chart point and table row.
 */
const PAGE_WITHOUT_CHARTS_BYTES = 8 * 1024;
const COMPRESSED_BYTES_PER_EPISODE = 12;
const BUDGET = PAGE_WITHOUT_CHARTS_BYTES + COMPRESSED_BYTES_PER_EPISODE * EPISODES;

async function seedBigShow(database: TestDatabase) {
  const f = factories(database.handle.db);
  const show = await f.show({ slug: 'long-runner', title: 'The Long Runner' });
  for (let s = 1; s <= SEASONS; s++) {
    const season = await f.season(show.id, s);
    for (let e = 1; e <= EPISODES_PER_SEASON; e++) {
      const episode = await f.episode(season.id, e, { title: `A title of some length, part ${e}` });
      // Every seventh episode unrated; the rest spread over the scale.
      if (e % 7 !== 0) await f.ratings(episode.id, [1 + ((s * 7 + e * 3) % 10), 6 + (e % 5), 8]);
    }
  }
}

describe('a 1000-episode show page', () => {
  const context = useTestApp({ seed: seedBigShow });

  it('has a cell and a point for every episode and stays within its budget compressed', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/shows/long-runner' });
    expect(response.statusCode).toBe(200);
    const $ = parsePage(response.body);
    expect($('table.heatmap td a')).toHaveLength(EPISODES);
    // Past TITLED_CELLS_MAX a rated cell is named by its score in its row and column; an unrated one says where it is.
    const cells = $('table.heatmap td a').toArray();
    const rated = cells.filter((a) => $(a).text() !== UNRATED_MARK);
    expect(rated).toHaveLength(EPISODES - SEASONS * Math.floor(EPISODES_PER_SEASON / 7));
    for (const a of rated) expect($(a).attr('aria-label')).toBeUndefined();
    expect($(rated[0]).text()).toMatch(/^\d+\.\d\d$/);
    expect($('table.heatmap tbody tr:first-child td:nth-of-type(7) a').attr('aria-label')).toBe('S1E7: not yet rated');
    expect($('table.heatmap tbody tr')).toHaveLength(SEASONS);
    // Past NAMED_POINTS_MAX the points are dots along one path per colour: no element, name or tab stop each.
    expect($('svg.trend-chart circle, svg.trend-chart [tabindex]')).toHaveLength(0);
    const dots = $('svg.trend-chart path.tc-pts')
      .toArray()
      .map((path) => $(path).attr('d')!.split('h0').length - 1);
    expect(dots).toHaveLength(2);
    expect(dots[0]! + dots[1]!).toBe(rated.length);
    const html = Buffer.from(response.body);
    const stored = compressBody(html);
    expect(stored.br.length).toBeLessThan(BUDGET);
    expect(stored.gzip.length).toBeLessThan(BUDGET);
    // The same whatever the compressor's setting: the bound does not rest on the cache's choice.
    expect(brotliCompressSync(html).length).toBeLessThan(BUDGET);
    expect(gzipSync(html, { level: 1 }).length).toBeLessThan(BUDGET);
  });
});
