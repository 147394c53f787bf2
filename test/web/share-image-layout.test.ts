/**
 * The share image's text layout: long titles wrap onto two lines or shrink to fit their column,
 * a title of 40 characters or fewer is never cut, and only a longer one loses its end to an
 * ellipsis. Widths are checked with resvg's own bounding boxes of the drawn text (the same
 * renderer and font as the PNG, kerning included), not with the width table the layout uses.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { Resvg } from '@resvg/resvg-js';
import { factories } from '../helpers/factories.js';
import { useTestApp } from '../helpers/app.js';
import { showCard } from '../../src/web/embeds/share-image/share-card.js';
import { SHARE_IMAGE_SIZE, SHARE_TOP_EPISODES, shareImageSvg } from '../../src/web/embeds/share-image/share-svg.js';
import { SHARE_FONT_FAMILY, SHARE_FONT_FILES } from '../../src/web/embeds/share-image/share-font.js';
import { fitText, NEVER_CUT_CHARACTERS } from '../../src/web/embeds/share-image/share-text-fit.js';

/** The best five, best first: a 60-character title, 40 of the widest letters, 39, 41+ and a short one. */
const TITLES = [
  'The Night the Whole Troupe Learned to Fly Without Any Safety',
  'MMMMMMMMMM WWWWWWWWWW MMMMMMMMMM WWWWWWWW',
  'A Promise Kept Under the Big Top at Dawn',
  'An Impossibly Long Episode Title That Keeps Going Well Past Any Reasonable Length for a Card Like This One',
  'Pilot',
];
const SHOW_TITLE = 'The Remarkable and Somewhat Long-Winded Chronicles of a Circus';

/** The ink box resvg draws for one <text> element of the card, alone on a blank card. */
function inkBox(element: string): { left: number; right: number } {
  const { width, height } = SHARE_IMAGE_SIZE;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${SHARE_FONT_FAMILY}">${element}</svg>`;
  const box = new Resvg(svg, { font: { fontFiles: [...SHARE_FONT_FILES], loadSystemFonts: false, defaultFontFamily: SHARE_FONT_FAMILY } }).getBBox();
  if (!box) throw new Error(`Nothing drawn for ${element}`);
  return { left: box.x, right: box.x + box.width };
}

/** Each best-episode row of the SVG: its code, title lines and score, as elements in drawing order. */
function rowsOf(svg: string) {
  const $ = cheerio.load(svg, { xml: true });
  // Elements as markup (to draw alone) and the title's lines as text.
  const rows: Array<{ code: string; lines: string[]; text: string[]; score: string; size: number }> = [];
  let row: (typeof rows)[number] | undefined;
  for (const element of $('text').toArray()) {
    const node = $(element);
    if (/^S\d+E\d+$/.test(node.text())) {
      rows.push((row = { code: $.xml(element), lines: [], text: [], score: '', size: 0 }));
    } else if (row && !row.score && node.attr('text-anchor') === 'end') {
      row.score = $.xml(element);
    } else if (row && !row.score) {
      row.lines.push($.xml(element));
      row.text.push(node.text());
      row.size = Number(node.attr('font-size'));
    }
  }
  return { $, rows };
}

describe('share image layout', () => {
  const context = useTestApp({
    seed: async (database) => {
      const make = factories(database.handle.db);
      const show = await make.show({ slug: 'circus', title: SHOW_TITLE });
      const season = await make.season(show.id, 12);
      for (const [i, title] of TITLES.entries()) {
        const episode = await make.episode(season.id, 101 + i, { title });
        // Best first, in the order above.
        await make.ratings(episode.id, [10 - i, 10 - i, 9 - i]);
      }
    },
  });

  it('keeps every title under 41 characters whole, and every line clear of the code and the score', async () => {
    const data = await context.app.services.rankings.show('circus', 'score', { page: 1, perPage: SHARE_TOP_EPISODES });
    const svg = shareImageSvg(showCard(data));
    const { $, rows } = rowsOf(svg);
    expect(rows.length).toBe(TITLES.length);
    rows.forEach((row, i) => {
      const title = TITLES[i]!;
      const drawn = row.text.join(' ');
      expect(row.lines.length, title).toBeGreaterThan(0);
      expect(row.lines.length, title).toBeLessThanOrEqual(2);
      if ([...title].length <= NEVER_CUT_CHARACTERS) expect(drawn, title).toBe(title);
      else expect(title.startsWith(drawn.replace(/…$/, '')), title).toBe(true);
      // Nothing runs into the code before it or the score after it, as resvg draws them.
      const codeRight = inkBox(row.code).right;
      const scoreLeft = inkBox(row.score).left;
      for (const line of row.lines) {
        const ink = inkBox(line);
        expect(ink.left, `${title}: ${line}`).toBeGreaterThan(codeRight);
        expect(ink.right, `${title}: ${line}`).toBeLessThan(scoreLeft);
      }
    });
    // The 60-character title wraps whole at a readable size instead of losing its end.
    expect(rows[0]!.lines.length).toBe(2);
    expect(rows[0]!.size).toBeGreaterThanOrEqual(20);
    expect(rows[0]!.text.join(' ')).toBe(TITLES[0]);
    // Only the title past 40 characters is cut, and only once two lines at the smallest size cannot hold it.
    expect(rows.map((row) => row.text.join('').includes('…'))).toEqual([false, false, false, true, false]);
    // The short title keeps the largest size, on one line.
    expect(rows[4]).toMatchObject({ size: 30, text: ['Pilot'] });

    // The show's title uses the card's width: whole, within the margins.
    const heading = $('text[font-weight="700"]')
      .toArray()
      .filter((e) => SHOW_TITLE.includes($(e).text()) && $(e).text().length > 8);
    expect(heading.map((e) => $(e).text()).join(' ')).toBe(SHOW_TITLE);
    for (const line of heading) {
      const ink = inkBox($.xml(line));
      expect(ink.left).toBeGreaterThanOrEqual(60 - 5);
      expect(ink.right).toBeLessThanOrEqual(SHARE_IMAGE_SIZE.width - 60);
    }
  });

  it('never cuts a title of up to 40 characters, however wide its letters, in any column the card can have', () => {
    const box = { largest: 30, smallestOnOneLine: 24, smallest: 20 };
    for (const width of [300, 360, 420]) {
      for (const letter of ['i', 'a', 'M', 'W', '—']) {
        for (const length of [1, 12, 25, 39, 40]) {
          const fitted = fitText(letter.repeat(length), { ...box, width });
          expect(fitted.cut, `${length}×${letter} in ${width}px`).toBe(false);
          expect(fitted.lines.join(''), `${length}×${letter} in ${width}px`).toBe(letter.repeat(length));
        }
      }
    }
    // One character more, of the widest letters, may be cut: at the smallest size, with an ellipsis.
    const cut = fitText('W'.repeat(80), { ...box, width: 300 });
    expect(cut).toMatchObject({ cut: true, size: 20 });
    expect(cut.lines.at(-1)).toMatch(/…$/);
  });

  it('shrinks on one line before wrapping, and wraps between words into near-even lines', () => {
    const box = { width: 400, largest: 30, smallestOnOneLine: 24, smallest: 20 };
    const short = fitText('Pilot', box);
    expect(short).toEqual({ size: 30, lines: ['Pilot'], cut: false });
    const shrunk = fitText('A title a little too wide to be set at thirty', box);
    expect(shrunk.lines.length).toBe(1);
    expect(shrunk.size).toBeLessThan(30);
    expect(shrunk.size).toBeGreaterThanOrEqual(24);
    const wrapped = fitText('The Night the Whole Troupe Learned to Fly Without Any Safety', box);
    expect(wrapped.cut).toBe(false);
    // Not a full first line and a short second one: the break that makes the longer line shortest.
    expect(wrapped.lines).toEqual(['The Night the Whole Troupe', 'Learned to Fly Without Any Safety']);
  });
});
