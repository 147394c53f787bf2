/**
 * The trend chart: its least-squares line and axis arithmetic, and the SVG the season and show
 * pages serve without JavaScript (title, description, focusable points that name themselves, and
 * a data table with the ranking's numbers and each season's trend, computed here independently).
 */
import { describe, expect, it } from 'vitest';
import type { EpisodeScore } from '../../src/ranking/episode-scores.js';
import { chartData, pointRadius, seasonLabels } from '../../src/web/ui/charts/trend-chart.js';
import { dotsPath, leastSquares, linear, scoreDomain, valueAt } from '../../src/web/ui/charts/trend.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { parsePage, readRanking, type Page } from '../helpers/html.js';

describe('the trend line', () => {
  it('is the least-squares line', () => {
    // x̄ = 1.5, ȳ = 2.5, Σ(x−x̄)(y−ȳ) = 4, Σ(x−x̄)² = 5.
    const line = leastSquares([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 4 },
    ])!;
    expect(line.slope).toBeCloseTo(0.8, 12);
    expect(line.intercept).toBeCloseTo(1.3, 12);
    expect(valueAt(line, 10)).toBeCloseTo(9.3, 12);
  });

  it('passes through points on a line exactly, and is flat for equal scores', () => {
    const line = leastSquares([5, 6, 7].map((x) => ({ x, y: 10 - x / 2 })))!;
    expect(line.slope).toBeCloseTo(-0.5, 12);
    expect(valueAt(line, 6)).toBeCloseTo(7, 12);
    expect(leastSquares([1, 2].map((x) => ({ x, y: 8 })))).toEqual({ slope: 0, intercept: 8 });
  });

  it('does not exist for fewer than two distinct episodes', () => {
    expect(leastSquares([])).toBeNull();
    expect(leastSquares([{ x: 1, y: 7 }])).toBeNull();
    expect(
      leastSquares([
        { x: 2, y: 7 },
        { x: 2, y: 9 },
      ]),
    ).toBeNull();
  });
});

describe('the axes', () => {
  it('spans whole numbers around the scores, at least two points tall, within 1 to 10', () => {
    expect(scoreDomain([7.2, 8.9])).toEqual({ min: 7, max: 9, ticks: [7, 8, 9] });
    expect(scoreDomain([9.6])).toEqual({ min: 8, max: 10, ticks: [8, 9, 10] });
    expect(scoreDomain([1, 1.2])).toEqual({ min: 1, max: 3, ticks: [1, 2, 3] });
    expect(scoreDomain([]).ticks).toHaveLength(10);
  });

  it('maps linearly, upside down for the y axis', () => {
    const y = linear(7, 9, 200, 0);
    expect([y(7), y(8), y(9)]).toEqual([200, 100, 0]);
    expect(linear(3, 3, 0, 10)(3)).toBe(5);
  });

  it('shrinks the points as episodes crowd the axis, down to a floor', () => {
    expect(pointRadius(10)).toBe(3);
    expect(pointRadius(200)).toBeLessThan(3);
    expect(pointRadius(200)).toBeGreaterThan(1.5);
    expect(pointRadius(1000)).toBe(1.5);
  });
});

const score = (seasonNumber: number, episodeNumber: number, fanScore: string | null): EpisodeScore => ({
  id: seasonNumber * 100 + episodeNumber,
  seasonNumber,
  episodeNumber,
  title: `E${episodeNumber}`,
  votes: fanScore ? 1 : 0,
  average: fanScore,
  fanScore,
});

describe('the dots of a long show', () => {
  it('writes the first point absolutely and each next one as a move on the 0.1 grid, without drift', () => {
    expect(dotsPath([])).toBe('');
    expect(dotsPath([[48.54, 117.2]])).toBe('M48.5 117.2h0');
    expect(
      dotsPath([
        [48.54, 117.2],
        [49.44, 114],
        [50.34, 117.26],
        [90, 20],
      ]),
    ).toBe('M48.5 117.2h0m.9 -3.2h0m.9 3.3h0m39.7 -97.3h0');
    // Many small steps land where the absolute coordinates say: each move is between rounded positions.
    const points = Array.from({ length: 1000 }, (_, i) => [48 + i * 0.9037, 100 + Math.sin(i) * 40] as const);
    const moves = dotsPath(points).split('h0').filter(Boolean);
    const end = moves.reduce<[number, number]>(
      (at, move) => {
        const [dx, dy] = move.slice(1).split(' ').map(Number) as [number, number];
        return move.startsWith('M') ? [dx, dy] : [at[0] + dx, at[1] + dy];
      },
      [0, 0],
    );
    expect(end[0]).toBeCloseTo(Math.round(points.at(-1)![0] * 10) / 10, 6);
    expect(end[1]).toBeCloseTo(Math.round(points.at(-1)![1] * 10) / 10, 6);
  });
});

describe('the season labels', () => {
  const seasonsAt = (...centres: number[]) => centres.map((c, i) => ({ seasonNumber: i + 1, first: c, last: c, trend: null }));

  it('labels every season that has room and skips those that would overlap the last label drawn', () => {
    expect([...seasonLabels(seasonsAt(0, 100, 200), (s) => s.first)]).toEqual([1, 2, 3]);
    // "S1" is taken as 24 units wide (the phone's larger labels) and labels keep 12 apart, so the
    // next label's centre must be 36 further on.
    expect([...seasonLabels(seasonsAt(0, 20, 30, 40, 60, 76), (s) => s.first)]).toEqual([1, 4, 6]);
    expect([...seasonLabels(seasonsAt(0, 35), (s) => s.first)]).toEqual([1]);
  });
});

describe('the chart data', () => {
  it('places episodes in air order and fits each season on its rated episodes only', () => {
    const { points, seasons } = chartData([score(1, 1, '7.00'), score(1, 2, null), score(1, 3, '8.00'), score(2, 1, '9.00')]);
    expect(points.map((p) => [p.index, p.score])).toEqual([
      [0, 7],
      [1, null],
      [2, 8],
      [3, 9],
    ]);
    expect(seasons.map((s) => [s.seasonNumber, s.first, s.last])).toEqual([
      [1, 0, 2],
      [2, 3, 3],
    ]);
    expect(seasons[0]!.trend!.slope).toBeCloseTo(0.5, 12);
    expect(seasons[1]!.trend).toBeNull();
  });
});

/** The chart's table as a reader meets it. */
function readChartTable($: Page) {
  return $('.trend-section table.chart-data tbody tr')
    .toArray()
    .map((tr) => {
      const cells = $(tr)
        .children()
        .toArray()
        .map((c) => $(c).text().trim());
      return { episode: cells[0]!, title: cells[1]!, score: cells[2]!, trend: cells[3]! };
    });
}

/** Each season's least-squares value at each of its rated episodes, by the textbook sums. */
function expectedTrends(rows: ReturnType<typeof readChartTable>): Map<string, string> {
  const bySeason = new Map<string, Array<{ x: number; y: number; episode: string }>>();
  const xs = new Map<string, Array<{ x: number; episode: string }>>();
  rows.forEach((row, x) => {
    const season = row.episode.split('E')[0]!;
    if (!bySeason.has(season)) bySeason.set(season, []);
    if (!xs.has(season)) xs.set(season, []);
    xs.get(season)!.push({ x, episode: row.episode });
    if (row.score !== '–') bySeason.get(season)!.push({ x, y: Number(row.score), episode: row.episode });
  });
  const out = new Map<string, string>();
  for (const [season, points] of bySeason) {
    const n = points.length;
    const sx = points.reduce((a, p) => a + p.x, 0);
    const sy = points.reduce((a, p) => a + p.y, 0);
    const sxy = points.reduce((a, p) => a + p.x * p.y, 0);
    const sxx = points.reduce((a, p) => a + p.x * p.x, 0);
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const intercept = (sy - slope * sx) / n;
    // Unrated episodes in the season's stretch read the line where they fall.
    for (const p of xs.get(season)!) out.set(p.episode, (slope * p.x + intercept).toFixed(2));
  }
  return out;
}

describe('the demo season page', () => {
  const context = useTestApp({ seed: seedDemo });

  it('draws an SVG with a title and description, one point per rated episode linking to it, and the same numbers in a table', async () => {
    // The plain page links its chart's numbers; that address lays them out under the same chart.
    const plain = parsePage((await context.app.inject({ method: 'GET', url: '/shows/kaleido-star/seasons/1' })).body);
    expect(plain('table.chart-data')).toHaveLength(0);
    const link = new URL(plain('.chart-data-link a').attr('href')!);
    expect(`${link.search}${link.hash}`).toBe('?chart=table#trend-data');
    const response = await context.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    const $ = parsePage(response.body);
    expect($('table.chart-data').attr('id')).toBe(link.hash.slice(1));
    const canonical = new URL($('link[rel="canonical"]').attr('href')!);
    expect(`${canonical.pathname}${canonical.search}`).toBe(`${link.pathname}${link.search}`);
    const svg = $('.trend-section svg.trend-chart');
    expect(svg.toString()).toBe(plain('.trend-section svg.trend-chart').toString());
    expect(svg).toHaveLength(1);
    expect($(`#${svg.attr('aria-labelledby')}`).is('title')).toBe(true);
    expect($(`#${svg.attr('aria-labelledby')}`).text()).toBe('Fan score of each episode of Kaleido Star season 1, in air order');
    expect($(`#${svg.attr('aria-describedby')}`).is('desc')).toBe(true);
    expect(
      svg
        .find('.tc-label')
        .toArray()
        .map((t) => $(t).text()),
    ).toEqual(['Episode, in air order, by season', 'Fan score']);

    const ranking = readRanking($);
    const rows = readChartTable($);
    const points = svg.find('circle.tc-pt');
    expect(rows).toHaveLength(26);
    expect(points).toHaveLength(ranking.length);
    // Air order, and every number is the ranking's.
    expect(rows.map((r) => r.episode)).toEqual(Array.from({ length: 26 }, (_, i) => `S1E${i + 1}`));
    for (const card of ranking) {
      const row = rows.find((r) => r.episode === `S1E${card.episode}`)!;
      expect(row.score).toBe(card.fanScore);
      expect(row.title).toBe(card.title);
    }
    // Each point is a link to its episode (a tab stop of its own) and names itself as its row does.
    const links = points.toArray().map((p) => $(p).parent('a.tc-link'));
    const names = links.map((a) => a.children('title').text());
    expect(names).toEqual(rows.filter((r) => r.score !== '–').map((r) => `${r.episode} ${r.title}: ${r.score}`));
    expect(links.map((a) => a.attr('href'))).toEqual(
      rows.filter((r) => r.score !== '–').map((r) => `/shows/kaleido-star/seasons/1/episodes/${r.episode.split('E')[1]}`),
    );
    // A higher score sits higher (a smaller y).
    const ys = points.toArray().map((p, i) => ({ y: Number($(p).attr('cy')), score: Number(names[i]!.split(': ')[1]) }));
    for (const a of ys) for (const b of ys) if (a.score > b.score) expect(a.y).toBeLessThan(b.y);
    // The trend column is the least-squares fit, computed here from the table itself.
    const trends = expectedTrends(rows);
    for (const row of rows) expect(row.trend, row.episode).toBe(trends.get(row.episode));
    expect(svg.find('line.tc-trend')).toHaveLength(1);
  });

  it('keeps the chart to a few elements per episode, and the table of its numbers a link away', async () => {
    const $ = parsePage((await context.app.inject({ method: 'GET', url: '/shows/kaleido-star/seasons/1' })).body);
    // Per episode: its link, point and title; the rest is the axes and the link to the table.
    expect($('.trend-section *').length).toBeLessThanOrEqual(3 * 26 + 40);
  });
});

/** Two seasons of three episodes, one unrated, for a trend line per season on the show page. */
async function seedTwoSeasons(database: TestDatabase) {
  const f = factories(database.handle.db);
  const show = await f.show({ slug: 'two', title: 'Two' });
  const ratings = [
    [[8], [7, 7], [6]],
    [[9, 9], [], [10, 9, 10]],
  ];
  for (const [s, season] of ratings.entries()) {
    const { id } = await f.season(show.id, s + 1);
    for (const [e, votes] of season.entries()) {
      const episode = await f.episode(id, e + 1);
      if (votes.length > 0) await f.ratings(episode.id, votes);
    }
  }
}

describe('the show page', () => {
  const context = useTestApp({ seed: seedTwoSeasons });

  it('draws every season in air order with a trend line each, and leaves unrated episodes out of the points', async () => {
    const $ = parsePage((await context.app.inject({ method: 'GET', url: '/shows/two?chart=table' })).body);
    const rows = readChartTable($);
    expect(rows.map((r) => r.episode)).toEqual(['S1E1', 'S1E2', 'S1E3', 'S2E1', 'S2E2', 'S2E3']);
    expect(rows[4]!.score).toBe('–');
    expect($('svg.trend-chart circle.tc-pt')).toHaveLength(5);
    expect($('svg.trend-chart circle.tc-odd')).toHaveLength(2);
    expect($('svg.trend-chart line.tc-trend')).toHaveLength(2);
    const trends = expectedTrends(rows);
    for (const row of rows) expect(row.trend, row.episode).toBe(trends.get(row.episode));
  });
});
