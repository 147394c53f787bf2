/**
 * The show page's heatmap: its colour scale (contrast of every step in both themes, the stylesheet
 * built from it), and the table the page serves without JavaScript: the ranking's own numbers in
 * every cell, unrated cells and gaps, links, accessible names, table semantics, the measure switch.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOUR_STEPS, contrast, heatmapCss, stepClass, stepLabel, stepOf, UNRATED } from '../../src/web/ui/charts/colour-scale.js';
import { absoluteColours, RELATIVE_MIN_SPAN, relativeBounds, relativeColours } from '../../src/web/ui/charts/heatmap-scale.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { parsePage, readRanking, type Page } from '../helpers/html.js';

const DEMO = '/shows/kaleido-star';
/** WCAG AA for normal text. */
const AA = 4.5;

describe('the colour scale', () => {
  it('gives every step text that reads at 4.5:1 or better, in both themes', () => {
    expect(COLOUR_STEPS.length).toBeGreaterThanOrEqual(5);
    for (const step of COLOUR_STEPS) expect(contrast(step.fill, step.text), step.fill).toBeGreaterThanOrEqual(AA);
    for (const theme of ['light', 'dark'] as const) expect(contrast(UNRATED[theme].fill, UNRATED[theme].text), theme).toBeGreaterThanOrEqual(AA);
  });

  it('runs from darkest to lightest, so that order reads without telling hues apart', () => {
    const lightness = COLOUR_STEPS.map((s) => contrast(s.fill, '#000000'));
    expect([...lightness].sort((a, b) => a - b)).toEqual(lightness);
  });

  it('puts a shown score in the step its number says, edges included', () => {
    expect(stepOf('1.00')).toBe(0);
    expect(stepOf('4.99')).toBe(0);
    expect(stepOf('5.00')).toBe(1);
    expect(stepOf('7.49')).toBe(4);
    expect(stepOf('7.50')).toBe(5);
    expect(stepOf('9.49')).toBe(8);
    expect(stepOf('9.50')).toBe(9);
    expect(stepOf('10.00')).toBe(9);
    expect(stepClass(null)).toBe('hm-none');
    expect(stepClass('8.40')).toBe('hm-6');
    expect([stepLabel(0), stepLabel(5), stepLabel(9)]).toEqual(['under 5', '7.5–8', '9.5 and over']);
  });

  it('is what the stylesheet holds, written once by heatmapCss()', () => {
    const css = readFileSync(new URL('../../src/web/assets/site.css', import.meta.url), 'utf8');
    const start = css.indexOf('*/', css.indexOf('/* heatmap colours:')) + 2;
    const end = css.indexOf('/* end of heatmap colours */');
    expect(start).toBeGreaterThan(1);
    expect(css.slice(start, end).trim()).toBe(heatmapCss());
  });
});

describe('the relative colour scale', () => {
  it("cuts the show's own range into one equal step per fill, lowest score darkest, highest lightest", () => {
    const bounds = relativeBounds([785, 928, 840])!;
    expect(bounds.starts).toHaveLength(COLOUR_STEPS.length);
    expect(bounds.starts[0]).toBe(785);
    expect(bounds.end).toBe(928);
    const widths = [...bounds.starts.slice(1), bounds.end].map((next, i) => next - bounds.starts[i]!);
    for (const w of widths) expect([14, 15]).toContain(w);
    const colours = relativeColours(['7.85', '9.28', '8.40']);
    expect(colours.classOf('7.85')).toBe('hm-0');
    expect(colours.classOf('9.28')).toBe('hm-9');
    expect(colours.classOf(null)).toBe('hm-none');
    // A score on a step's lower edge belongs to that step, a hundredth below it to the one before.
    expect(colours.classOf((bounds.starts[4]! / 100).toFixed(2))).toBe('hm-4');
    expect(colours.classOf(((bounds.starts[4]! - 1) / 100).toFixed(2))).toBe('hm-3');
    // Higher scores never get a darker step.
    const steps = Array.from({ length: 144 }, (_, i) => Number(colours.classOf(((785 + i) / 100).toFixed(2)).slice(3)));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(new Set(steps).size).toBe(COLOUR_STEPS.length);
  });

  it("states each step's scores in its legend, from the show's lowest to its highest", () => {
    const colours = relativeColours(['7.85', '9.28', '8.40']);
    expect(colours.range).toEqual({ low: '7.85', high: '9.28' });
    expect(colours.steps.map((s) => s.className)).toEqual(COLOUR_STEPS.map((_, i) => `hm-${i}`));
    expect(colours.steps[0]!.label).toMatch(/^7\.85–7\.99$/);
    expect(colours.steps.at(-1)!.label).toMatch(/^9\.14–9\.28$/);
    // Each step ends where the next begins.
    const labels = colours.steps.map((s) => s.label.split('–'));
    for (let i = 1; i < labels.length; i++) expect(labels[i]![0]).toBe(labels[i - 1]![1]);
  });

  it('widens a narrow range to one point around its scores, so close scores keep close colours', () => {
    expect(RELATIVE_MIN_SPAN).toBe(100);
    expect(relativeBounds([840])).toEqual({ starts: [790, 800, 810, 820, 830, 840, 850, 860, 870, 880], end: 890 });
    const one = relativeColours(['8.40']);
    expect(one.classOf('8.40')).toBe('hm-5');
    expect(one.range).toEqual({ low: '8.40', high: '8.40' });
    const close = relativeColours(['8.40', '8.45']);
    expect([close.classOf('8.40'), close.classOf('8.45')]).toEqual(['hm-4', 'hm-5']);
    // Kept inside the rating scale at both ends.
    expect(relativeBounds([1000])).toMatchObject({ starts: expect.arrayContaining([900]), end: 1000 });
    expect(relativeColours(['10.00']).classOf('10.00')).toBe('hm-9');
    expect(relativeBounds([100, 120])!.starts[0]).toBe(100);
    expect(relativeColours(['1.00', '1.20']).classOf('1.00')).toBe('hm-0');
  });

  it('falls back to the fixed steps when nothing is rated, and the absolute scale is the fixed steps', () => {
    expect(relativeBounds([])).toBeNull();
    const none = relativeColours([]);
    expect(none.range).toBeNull();
    expect(none.steps.map((s) => s.label)).toEqual(COLOUR_STEPS.map((_, i) => stepLabel(i)));
    const absolute = absoluteColours(['7.85', '9.28']);
    expect(absolute.classOf('8.40')).toBe(stepClass('8.40'));
    expect(absolute.range).toEqual({ low: '7.85', high: '9.28' });
  });
});

async function get(app: { inject: (o: { method: 'GET'; url: string }) => Promise<{ statusCode: number; body: string }> }, url: string) {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return parsePage(response.body);
}

/** The heatmap as a reader meets it: each body cell with its row's season and its column's episode number. */
function readHeatmap($: Page) {
  const columns = $('table.heatmap thead th')
    .toArray()
    .map((th) => $(th).text().trim());
  return $('table.heatmap tbody tr')
    .toArray()
    .flatMap((tr) => {
      const season = $(tr).find('th[scope="row"]').text().trim();
      return $(tr)
        .children('td')
        .toArray()
        .map((td, i) => ({
          season,
          column: columns[i + 1],
          className: $(td).attr('class'),
          text: $(td).text().trim(),
          href: $(td).find('a').attr('href'),
          name: $(td).find('a').attr('aria-label'),
        }));
    });
}

describe('the demo show page, after votes', () => {
  const context = useTestApp({ seed: seedDemo });

  async function vote(episode: number, rating: number) {
    const response = await context.app.inject({
      method: 'POST',
      url: `${DEMO}/seasons/1/episodes/${episode}/rating`,
      payload: new URLSearchParams({ rating: String(rating), return: DEMO }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.statusCode).toBe(303);
  }

  // Changed with the relative scale (issue 25): the plain page colours by the show's own range, the
  // fixed steps are `scale=absolute`.
  it("prints the ranking's own fan score and average in every cell, coloured by its step on either scale", async () => {
    await vote(2, 10);
    await vote(11, 1);
    await vote(26, 7);
    for (const [measure, scale] of [
      ['score', 'relative'],
      ['average', 'relative'],
      ['score', 'absolute'],
      ['average', 'absolute'],
    ] as const) {
      const query = new URLSearchParams([...(measure === 'average' ? [['heatmap', measure]] : []), ...(scale === 'absolute' ? [['scale', scale]] : [])]);
      const $ = await get(context.app, `${DEMO}?${query}`);
      const ranked = readRanking($);
      const cells = readHeatmap($).filter((c) => c.href);
      expect(ranked.length).toBeGreaterThan(20);
      // 26 episodes of season 1 and the 25 of the demo's unrated season 2, every cell linked.
      expect(cells).toHaveLength(51);
      const shownOf = (card: (typeof ranked)[number]) => (measure === 'score' ? card.fanScore : card.average);
      const relative = relativeColours(ranked.map(shownOf));
      for (const card of ranked) {
        const cell = cells.find((c) => c.season === `S${card.season}` && c.column === String(card.episode));
        const expected = shownOf(card);
        expect(cell?.text, `S${card.season}E${card.episode}`).toBe(expected);
        expect(cell?.className).toBe(scale === 'absolute' ? stepClass(expected) : relative.classOf(expected));
        expect(cell?.name).toBe(`S${card.season}E${card.episode} ${card.title}: ${expected}`);
        expect(cell?.href).toBe(`${DEMO}/seasons/${card.season}/episodes/${card.episode}`);
      }
    }
  });

  it('is a labelled region holding a captioned table with column and row headers', async () => {
    const $ = await get(context.app, DEMO);
    const section = $('section#heatmap');
    expect($(`#${section.attr('aria-labelledby')}`).text()).toBe('Ratings heatmap');
    expect(section.find('table.heatmap caption').text()).toContain('Fan score of every episode');
    expect(section.find('thead th[scope="col"]').first().text()).toBe('Season');
    expect(section.find('thead th[scope="col"]')).toHaveLength(27);
    expect(section.find('tbody th[scope="row"]').text()).toBe('S1S2');
    expect(section.find('tbody th[scope="row"] a').first().attr('href')).toBe(`${DEMO}/seasons/1`);
    expect(section.find('.heatmap-legend li')).toHaveLength(COLOUR_STEPS.length + 1);
  });

  it('switches between fan score and average with plain links that keep the ranking page', async () => {
    const plain = await get(context.app, `${DEMO}?sort=votes`);
    const links = plain('.heatmap-switch a');
    expect(links.toArray().map((a) => [plain(a).text(), plain(a).attr('href'), plain(a).attr('aria-current')])).toEqual([
      ['Fan score', `${DEMO}?sort=votes#heatmap`, 'true'],
      ['Average', `${DEMO}?sort=votes&heatmap=average#heatmap`, undefined],
    ]);
    const average = await get(context.app, `${DEMO}?sort=votes&heatmap=average`);
    expect(average('.heatmap-switch a[aria-current]').text()).toBe('Average');
    expect(average('table.heatmap caption').text()).toContain('Average of every episode');
    expect(average('link[rel="canonical"]').attr('href')).toContain('heatmap=average');
    // Both variants are cached, each under its own address.
    expect((await get(context.app, `${DEMO}?sort=votes`))('.heatmap-switch a[aria-current]').text()).toBe('Fan score');
  });

  it('answers 400, not 500, for a measure or a scale it does not know', async () => {
    for (const query of ['heatmap=median', 'scale=log']) {
      const response = await context.app.inject({ method: 'GET', url: `${DEMO}?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it("states the show's own range in the legend, and switches to the whole scale and back with plain links", async () => {
    const $ = await get(context.app, `${DEMO}?heatmap=average`);
    const values = readHeatmap($)
      .filter((c) => c.className !== 'hm-none' && c.href)
      .map((c) => c.text);
    const low = values.reduce((a, b) => (Number(a) <= Number(b) ? a : b));
    const high = values.reduce((a, b) => (Number(a) >= Number(b) ? a : b));
    expect($('#heatmap-legend-label').text()).toBe(`Average, by colour, relative to this show's range (lowest ${low}, highest ${high}):`);
    const legend = $('.heatmap-legend li')
      .toArray()
      .map((li) => $(li).text());
    expect(legend).toHaveLength(COLOUR_STEPS.length + 1);
    expect(legend[0]!.startsWith(`${low}–`)).toBe(true);
    expect(legend[COLOUR_STEPS.length - 1]!.endsWith(`–${high}`)).toBe(true);
    const switches = $('nav[aria-label="Heatmap colours"] a');
    expect(switches.toArray().map((a) => [$(a).text(), $(a).attr('href'), $(a).attr('aria-current')])).toEqual([
      ["This show's range", `${DEMO}?heatmap=average#heatmap`, 'true'],
      ['Whole scale, 1–10', `${DEMO}?heatmap=average&scale=absolute#heatmap`, undefined],
    ]);
    const absolute = await get(context.app, `${DEMO}?heatmap=average&scale=absolute`);
    expect(absolute('#heatmap-legend-label').text()).toBe('Average, by colour:');
    expect(
      absolute('.heatmap-legend li')
        .toArray()
        .slice(0, COLOUR_STEPS.length)
        .map((li) => absolute(li).text()),
    ).toEqual(COLOUR_STEPS.map((_, i) => stepLabel(i)));
    expect(absolute('nav[aria-label="Heatmap colours"] a[aria-current]').text()).toBe('Whole scale, 1–10');
    // The measure switch keeps the scale, and the scale switch the measure.
    expect(absolute('.heatmap-switch a:contains("Fan score")').attr('href')).toBe(`${DEMO}?scale=absolute#heatmap`);
    expect(absolute('link[rel="canonical"]').attr('href')).toContain('scale=absolute');
  });
});

/**
 * Season 1: episodes 1–3, episode 3 without votes. Season 2: episodes 1 and 3 only (a gap at 2).
 */
async function seedGaps(database: TestDatabase) {
  const f = factories(database.handle.db);
  const show = await f.show({ slug: 'gaps', title: 'Gaps' });
  const one = await f.season(show.id, 1);
  const two = await f.season(show.id, 2);
  const e1 = await f.episode(one.id, 1, { title: 'Pilot' });
  const e2 = await f.episode(one.id, 2, { title: null });
  await f.episode(one.id, 3, { title: 'Quiet' });
  const e4 = await f.episode(two.id, 1);
  const e5 = await f.episode(two.id, 3);
  await f.ratings(e1.id, [9, 9, 8]);
  await f.ratings(e2.id, [3]);
  await f.ratings(e4.id, [7, 6]);
  await f.ratings(e5.id, [10, 10, 10, 10, 10, 10]);
}

describe('unrated cells and gaps', () => {
  const context = useTestApp({ seed: seedGaps });

  it('marks an unrated episode with a dash and its own class, and leaves a missing episode number empty', async () => {
    const cells = readHeatmap(await get(context.app, '/shows/gaps'));
    expect(cells.map((c) => [c.season, c.column, c.text, c.className])).toEqual([
      ['S1', '1', expect.any(String), expect.stringMatching(/^hm-\d$/)],
      ['S1', '2', expect.any(String), expect.stringMatching(/^hm-\d$/)],
      ['S1', '3', '–', 'hm-none'],
      ['S2', '1', expect.any(String), expect.stringMatching(/^hm-\d$/)],
      ['S2', '2', '', 'hm-gap'],
      ['S2', '3', expect.any(String), expect.stringMatching(/^hm-\d$/)],
    ]);
    const unrated = cells[2]!;
    expect(unrated.name).toBe('S1E3 Quiet: not yet rated');
    expect(unrated.href).toBe('/shows/gaps/seasons/1/episodes/3');
    // An untitled episode is named as the pages name it.
    expect(cells[1]!.name).toMatch(/^S1E2 Episode 2: \d+\.\d\d$/);
    expect(cells[4]!.href).toBeUndefined();
  });

  it('spreads its colours over the cells in view: a score after the spoiler horizon does not stretch the range', async () => {
    const legendRange = ($: Page) =>
      $('#heatmap-legend-label')
        .text()
        .match(/lowest (\S+), highest ([^)]+)\)/)!
        .slice(1);
    const rangeOfCells = ($: Page) => {
      const values = readHeatmap($)
        .filter((c) => /^\d/.test(c.text))
        .map((c) => Number(c.text));
      return [Math.min(...values).toFixed(2), Math.max(...values).toFixed(2)];
    };
    const plain = await get(context.app, '/shows/gaps');
    const masked = await get(context.app, '/shows/gaps?upto=1x3');
    expect(legendRange(plain)).toEqual(rangeOfCells(plain));
    expect(legendRange(masked)).toEqual(rangeOfCells(masked));
    expect(legendRange(masked)[1]).not.toBe(legendRange(plain)[1]);
  });
});
