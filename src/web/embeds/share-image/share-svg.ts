/**
 * The share image as SVG: a 1200×630 card (the size Open Graph and large Twitter cards show
 * uncropped) with the title, the best episodes and their scores, and a small heatmap of every
 * episode, coloured on the heatmap's own scale. Titles are measured in the typeface and wrap or
 * shrink to their column (share-text-fit.ts) rather than being cut at a guessed character count.
 * The image's own words and its scores' decimal separator are the language in force's
 * (share-words.ts). Pure: the same card in the same language always gives the same SVG, so the same
 * numbers always give the same PNG and the same ETag.
 */
import { formatDecimalText } from '../../../i18n/format.js';
import { COLOUR_STEPS, stepOf, UNRATED } from '../../ui/charts/colour-scale.js';
import { THEME_COLOUR } from '../../ui/site-identity.js';
import { SHARE_FONT_FAMILY } from './share-font.js';
import { textWidth } from './share-font-metrics.js';
import { fitText, type FittedText, type TextBox } from './share-text-fit.js';
import { shareWords } from './share-words.js';

/** The image's size in pixels; og:image:width and og:image:height are read from here. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** How many of the best episodes a card lists: as many as fit beside the heatmap at a readable size. */
export const SHARE_TOP_EPISODES = 5;

export interface ShareCard {
  /** The heading: the show's title. */
  title: string;
  /** The line under it, e.g. "Season 2, ranked by fans". */
  subtitle: string;
  /** The best episodes, best first (at most SHARE_TOP_EPISODES are drawn). */
  top: Array<{ rank: number; code: string; title: string; score: string }>;
  /** One row per season, each episode's shown score in air order; null for an episode without votes. */
  grid: Array<{ season: number; scores: Array<string | null> }>;
}

const BACKGROUND = '#17142a';
const ACCENT = '#c4b5ff';
const TEXT = '#ffffff';
const MUTED = '#c9c5dc';

/** The card's left and right margins: text and heatmap stay between them. */
const MARGIN = 60;
/** Where the heatmap may draw: the right-hand column under its heading. */
const GRID_AREA = { x: 750, y: 280, width: 390, height: 290 };
/** The best episodes' rows: rank, code, title, then the score ending here and its colour chip. */
const ROWS = { top: 310, pitch: 58, rank: MARGIN, code: 104, scoreRight: 682, gap: 18 };

/**
 * The show's title: the card's full width, large on one line, else on two lines of at most 38px,
 * the most that fit between the EPIRANK label and the subtitle.
 */
const TITLE_BOX = { width: SHARE_IMAGE_SIZE.width - 2 * MARGIN, largest: 64, smallestOnOneLine: 38, smallest: 30, bold: true };
/** Where a one-line title sits, and the last line of a two-line one. */
const TITLE_BASELINE = 150;
/** An episode's title: 30px on one line down to 24px, then two lines down to 20px. */
const EPISODE_TITLE_SIZES = { largest: 30, smallestOnOneLine: 24, smallest: 20 };
/** The line under the title: one line, shrunk if it must be. */
const SUBTITLE_BOX = { width: TITLE_BOX.width, largest: 30, smallestOnOneLine: 22, smallest: 22, singleLine: true };
/** Baselines are this many times the size apart. */
const LINE_HEIGHT = 1.1;
/** A big square at most, so a one-season show does not draw a single wall of colour. */
const MAX_CELL = 36;

/** The card as an SVG document. */
export function shareImageSvg(card: ShareCard): string {
  const { width, height } = SHARE_IMAGE_SIZE;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SHARE_FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    `<rect width="${width}" height="12" fill="${THEME_COLOUR}"/>`,
    text(MARGIN, 72, 'EPIRANK', { size: 26, fill: ACCENT, bold: true, extra: 'letter-spacing="3"' }),
    ...lines(MARGIN, TITLE_BASELINE, 'bottom', fitText(card.title, TITLE_BOX), { fill: TEXT, bold: true }),
    ...lines(MARGIN, 192, 'bottom', fitText(card.subtitle, SUBTITLE_BOX), { fill: MUTED }),
    text(MARGIN, 256, shareWords('embeds.shareBest'), { size: 26, fill: ACCENT, bold: true }),
    ...topRows(card.top),
    text(GRID_AREA.x, 256, shareWords('embeds.shareEvery'), { size: 26, fill: ACCENT, bold: true }),
    ...heatmapCells(card.grid),
    text(MARGIN, 606, shareWords('embeds.shareFooter'), { size: 22, fill: MUTED }),
    '</svg>',
  ];
  return parts.join('');
}

function topRows(top: ShareCard['top']): string[] {
  if (top.length === 0) return [text(MARGIN, ROWS.top, shareWords('embeds.noVotes'), { size: 30, fill: MUTED })];
  const shown = top.slice(0, SHARE_TOP_EPISODES);
  const titleBox = episodeTitleBox(shown);
  return shown.flatMap((episode, i) => {
    const y = ROWS.top + i * ROWS.pitch;
    return [
      text(ROWS.rank, y, String(episode.rank), { size: 30, fill: TEXT, bold: true }),
      text(ROWS.code, y, episode.code, { size: CODE_SIZE, fill: MUTED }),
      ...lines(titleBox.x, y, 'middle', fitText(episode.title, titleBox), { fill: TEXT }),
      `<rect x="${ROWS.scoreRight + 10}" y="${y - 22}" width="16" height="24" rx="3" fill="${COLOUR_STEPS[stepOf(episode.score)]!.fill}"/>`,
      text(ROWS.scoreRight, y, formatDecimalText(episode.score), { size: SCORE_SIZE, fill: TEXT, bold: true, extra: 'text-anchor="end"' }),
    ];
  });
}

const CODE_SIZE = 26;
const SCORE_SIZE = 32;

/** The titles' column: from after the widest code to before the widest score, measured in the typeface. */
function episodeTitleBox(top: ShareCard['top']): TextBox & { x: number } {
  const codes = top.map((e) => textWidth(e.code, CODE_SIZE));
  const scores = top.map((e) => textWidth(formatDecimalText(e.score), SCORE_SIZE, true));
  const x = Math.ceil(ROWS.code + Math.max(...codes) + ROWS.gap);
  const right = ROWS.scoreRight - Math.max(...scores) - ROWS.gap;
  return { x, width: Math.floor(right - x), ...EPISODE_TITLE_SIZES };
}

/**
 * Fitted text as one <text> per line from `x`: with `bottom`, the last line sits on the baseline
 * `y` and any line before it above; with `middle`, two lines straddle `y` (a row's baseline).
 */
function lines(x: number, y: number, anchor: 'bottom' | 'middle', fitted: FittedText, style: { fill: string; bold?: boolean }): string[] {
  const step = round(fitted.size * LINE_HEIGHT);
  const first = anchor === 'bottom' ? y - step * (fitted.lines.length - 1) : y - (step * (fitted.lines.length - 1)) / 2;
  return fitted.lines.map((line, i) => text(x, round(first + i * step), line, { size: fitted.size, ...style }));
}

/** Seasons down, episodes across, every cell the same square, scaled to fit the area. */
function heatmapCells(grid: ShareCard['grid']): string[] {
  const columns = Math.max(1, ...grid.map((row) => row.scores.length));
  const rows = Math.max(1, grid.length);
  const cell = Math.min(MAX_CELL, GRID_AREA.width / columns, GRID_AREA.height / rows);
  // A gap only where cells are big enough to spare one; tiny cells would vanish behind it.
  const gap = cell >= 8 ? Math.min(3, cell / 8) : 0;
  const size = round(cell - gap);
  const cells: string[] = [];
  grid.forEach((row, r) => {
    row.scores.forEach((score, c) => {
      // An unrated cell is outlined: its grey is close to the card's own dark background.
      const paint =
        score === null
          ? `fill="${UNRATED.dark.fill}" stroke="${MUTED}" stroke-width="${round(Math.min(1, size / 8))}"`
          : `fill="${COLOUR_STEPS[stepOf(score)]!.fill}"`;
      cells.push(`<rect x="${round(GRID_AREA.x + c * cell)}" y="${round(GRID_AREA.y + r * cell)}" width="${size}" height="${size}" ${paint}/>`);
    });
  });
  return cells;
}

function text(x: number, y: number, content: string, style: { size: number; fill: string; bold?: boolean; extra?: string }): string {
  const weight = style.bold ? ' font-weight="700"' : '';
  const extra = style.extra ? ` ${style.extra}` : '';
  return `<text x="${x}" y="${y}" font-size="${style.size}" fill="${style.fill}"${weight}${extra}>${escapeXml(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Text as XML character data; control characters, which XML cannot carry at all, are dropped. */
export function escapeXml(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
