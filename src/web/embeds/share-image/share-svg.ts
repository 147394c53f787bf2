/**
 * The share image as SVG: a 1200×630 card (the size Open Graph and large Twitter cards show
 * uncropped) with the title, the best episodes and their scores, and a small heatmap of every
 * episode, coloured on the heatmap's own scale. Pure: the same card always gives the same SVG,
 * so the same numbers always give the same PNG and the same ETag.
 */
import { COLOUR_STEPS, stepOf, UNRATED } from '../../ui/charts/colour-scale.js';
import { THEME_COLOUR } from '../../ui/site-identity.js';
import { SHARE_FONT_FAMILY } from './share-font.js';

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

/** Where the heatmap may draw: the right-hand column under its heading. */
const GRID_AREA = { x: 710, y: 280, width: 430, height: 290 };
/** A big square at most, so a one-season show does not draw a single wall of colour. */
const MAX_CELL = 36;

/** The card as an SVG document. */
export function shareImageSvg(card: ShareCard): string {
  const { width, height } = SHARE_IMAGE_SIZE;
  const titleSize = card.title.length <= 30 ? 64 : 48;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SHARE_FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    `<rect width="${width}" height="12" fill="${THEME_COLOUR}"/>`,
    text(60, 72, 'EPIRANK', { size: 26, fill: ACCENT, bold: true, extra: 'letter-spacing="3"' }),
    text(60, 146, clip(card.title, titleSize === 64 ? 30 : 42), { size: titleSize, fill: TEXT, bold: true }),
    text(60, 192, clip(card.subtitle, 64), { size: 30, fill: MUTED }),
    text(60, 256, 'Best episodes', { size: 26, fill: ACCENT, bold: true }),
    ...topRows(card.top),
    text(GRID_AREA.x, 256, 'Every episode', { size: 26, fill: ACCENT, bold: true }),
    ...heatmapCells(card.grid),
    text(60, 606, 'Fans rate every episode, every season ranked.', { size: 22, fill: MUTED }),
    '</svg>',
  ];
  return parts.join('');
}

function topRows(top: ShareCard['top']): string[] {
  if (top.length === 0) return [text(60, 310, 'No votes yet.', { size: 30, fill: MUTED })];
  return top.slice(0, SHARE_TOP_EPISODES).flatMap((episode, i) => {
    const y = 310 + i * 58;
    return [
      text(60, y, String(episode.rank), { size: 30, fill: TEXT, bold: true }),
      text(104, y, episode.code, { size: 26, fill: MUTED }),
      text(196, y, clip(episode.title, 21), { size: 30, fill: TEXT }),
      `<rect x="652" y="${y - 22}" width="16" height="24" rx="3" fill="${COLOUR_STEPS[stepOf(episode.score)]!.fill}"/>`,
      text(642, y, episode.score, { size: 32, fill: TEXT, bold: true, extra: 'text-anchor="end"' }),
    ];
  });
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

/** Cuts text to `max` characters with an ellipsis: wider text would run into the next column. */
function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Text as XML character data; control characters, which XML cannot carry at all, are dropped. */
export function escapeXml(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
