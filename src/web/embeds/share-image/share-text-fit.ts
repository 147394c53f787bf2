/**
 * Fits a line of the share image's text (a show's title, an episode's) into a box of a given
 * width, measured with the typeface's own widths: on one line at the largest size that holds it,
 * else on two lines broken between words, else on two lines at a smaller size. A title of up to
 * NEVER_CUT_CHARACTERS characters is never cut: it shrinks on below the box's usual smallest size
 * until two lines hold it. Only a longer title, at the smallest size, loses its end to an ellipsis.
 */
import { textWidth } from './share-font-metrics.js';

/** Titles this long or shorter are always drawn whole (issue 25: "never truncated below 40 characters"). */
export const NEVER_CUT_CHARACTERS = 40;

/** The size a title that is never cut may shrink to, far below any box's usual smallest. */
const FLOOR_SIZE = 10;

export interface TextBox {
  /** The widest any line may be, in pixels. */
  width: number;
  /** The size tried first, in pixels. */
  largest: number;
  /** Below this size the text is broken onto two lines instead of shrinking further on one. */
  smallestOnOneLine: number;
  /** The smallest size for two lines; past it only the ellipsis (or, for short text, shrinking) remains. */
  smallest: number;
  /** One line only (a subtitle): never broken, shrunk down to `smallest`. */
  singleLine?: boolean;
  bold?: boolean;
}

export interface FittedText {
  size: number;
  /** One or two lines, each no wider than the box. */
  lines: string[];
  /** True when the end of the text was replaced by an ellipsis. */
  cut: boolean;
}

/** Pixel width of a line at a size, in the box's weight. */
type Measure = (line: string, size: number) => number;

/** The layout of `text` in `box`; runs of white space count as one space, as SVG draws them. */
export function fitText(text: string, box: TextBox): FittedText {
  const value = text.replace(/\s+/g, ' ').trim();
  const measure: Measure = (line, size) => textWidth(line, size, box.bold);
  // Width grows in proportion to size, so the largest size for one line is a division.
  const oneLine = Math.min(box.largest, Math.floor(box.width / Math.max(measure(value, 1), 1e-9)));
  const lineCount = box.singleLine ? 1 : 2;
  const layout = (size: number) => (lineCount === 1 ? (oneLine >= size ? [value] : undefined) : twoLines(value, size, box.width, measure));
  if (oneLine >= (box.singleLine ? box.smallest : box.smallestOnOneLine)) return { size: oneLine, lines: [value], cut: false };
  const sizes: number[] = [];
  if (!box.singleLine) for (let size = Math.min(box.smallestOnOneLine, box.largest); size >= box.smallest; size--) sizes.push(size);
  if ([...value].length <= NEVER_CUT_CHARACTERS) for (let size = box.smallest - 1; size >= FLOOR_SIZE; size--) sizes.push(size);
  for (const size of sizes) {
    const lines = layout(size);
    if (lines) return { size, lines, cut: false };
  }
  return { size: box.smallest, lines: cutToFit(value, box.smallest, box.width, lineCount, measure), cut: true };
}

/**
 * The text on two lines that both fit, broken at the space that makes the longer line shortest
 * (so the lines come out near even, not a full line and a stray word), or else between two
 * characters; undefined when no break fits.
 */
function twoLines(value: string, size: number, width: number, measure: Measure): string[] | undefined {
  const characters = [...value];
  const breaks = (at: (c: string) => boolean, skip: number) => characters.flatMap((c, i) => (at(c) ? [[i, skip] as const] : []));
  for (const candidates of [breaks((c) => c === ' ', 1), breaks(() => true, 0)]) {
    let best: { lines: string[]; longest: number } | undefined;
    for (const [at, skip] of candidates) {
      const lines = [characters.slice(0, at).join(''), characters.slice(at + skip).join('')];
      const longest = Math.max(...lines.map((line) => measure(line, size)));
      if (lines.every(Boolean) && longest <= width && (!best || longest < best.longest)) best = { lines, longest };
    }
    if (best) return best.lines;
  }
  return undefined;
}

/** As many whole words as fit on the first lines, and the rest cut with an ellipsis on the last. */
function cutToFit(value: string, size: number, width: number, lineCount: number, measure: Measure): string[] {
  const fits = (line: string) => measure(line, size) <= width;
  const lines: string[] = [];
  let rest = [...value];
  while (lines.length < lineCount - 1) {
    let end = rest.length;
    while (end > 0 && !fits(rest.slice(0, end).join(''))) end = rest.lastIndexOf(' ', end - 1);
    if (end <= 0) break;
    lines.push(rest.slice(0, end).join(''));
    rest = rest.slice(end + 1);
  }
  let end = rest.length;
  while (end > 0 && !fits(`${rest.slice(0, end).join('').trimEnd()}…`)) end--;
  lines.push(`${rest.slice(0, end).join('').trimEnd()}…`);
  return lines;
}
