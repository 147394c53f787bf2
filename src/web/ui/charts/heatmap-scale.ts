/**
 * How a heatmap spreads the colour scale's fills over scores. The absolute scale is
 * colour-scale.ts's fixed steps over the whole rating scale, the same for every show. The relative
 * scale (the default) cuts the show's own range, lowest shown score to highest, into equal steps,
 * one fill each, darkest first: on the fixed steps a show scoring 7.6 to 9.3 is one band of
 * teal. Both paint with the same classes (`hm-0` … `hm-9`), so the stylesheet and the text colours
 * that keep each cell readable are the same for both.
 */
import { formatDecimalText } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { DEFAULT_HEATMAP_SCALE, type HeatmapScale } from '../../../shared/heatmap-scales.js';
import { COLOUR_STEPS, classOfStep, hundredths, stepClass, stepLabel, UNRATED_CLASS } from './colour-scale.js';

/** A step of the legend: its class (the cells' fill and text colour) and the scores it covers. */
export interface LegendStep {
  className: string;
  label: string;
}

/** A heatmap's colouring: the class of each cell and the legend that explains it. */
export interface HeatmapColours {
  scale: HeatmapScale;
  /** The class of a cell showing this score ("8.40"), or of an unrated cell (null). */
  classOf(shown: string | null): string;
  /** The legend's steps, lowest scores first. */
  steps: readonly LegendStep[];
  /** The lowest and highest score shown, as the cells print them; null when nothing is rated. */
  range: { low: string; high: string } | null;
}

/**
 * The narrowest range the relative scale spreads its steps over, in hundredths. A show whose scores
 * lie closer together (or one with a single score) gets its range widened to one point, centred on
 * its scores, so that 8.40 and 8.45 are neighbouring colours rather than the darkest and the
 * lightest.
 */
export const RELATIVE_MIN_SPAN = 100;

/** The rating scale in hundredths: a widened range is kept inside it. */
const SCALE_LOW = 100;
const SCALE_HIGH = 1000;

/** 840 → "8.40", as the ranking writes scores (and the cells' colours are read from). */
function shownOf(value: number): string {
  return (value / 100).toFixed(2);
}

/** 840 → "8.40" / "8,40": as the cells print scores, in the language in force. */
function shownText(value: number): string {
  return formatDecimalText(shownOf(value));
}

/** The fixed steps over the whole rating scale. */
export function absoluteColours(shown: readonly string[]): HeatmapColours {
  return {
    scale: 'absolute',
    classOf: stepClass,
    steps: COLOUR_STEPS.map((_, i) => ({ className: classOfStep(i), label: stepLabel(i) })),
    range: rangeOf(shown.map(hundredths)),
  };
}

function rangeOf(values: readonly number[]): HeatmapColours['range'] {
  if (values.length === 0) return null;
  return { low: shownOf(Math.min(...values)), high: shownOf(Math.max(...values)) };
}

/**
 * Where the relative scale's steps start, in hundredths, lowest first, and where the last one ends:
 * as many equal steps as there are fills, over the range of `values` (widened to
 * RELATIVE_MIN_SPAN when narrower). Empty without values.
 */
export function relativeBounds(values: readonly number[]): { starts: number[]; end: number } | null {
  if (values.length === 0) return null;
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (high - low < RELATIVE_MIN_SPAN) {
    low -= Math.floor((RELATIVE_MIN_SPAN - (high - low)) / 2);
    low = Math.min(Math.max(low, SCALE_LOW), SCALE_HIGH - RELATIVE_MIN_SPAN);
    high = Math.max(high, low + RELATIVE_MIN_SPAN);
  }
  const count = COLOUR_STEPS.length;
  const starts = Array.from({ length: count }, (_, i) => low + Math.round((i * (high - low)) / count));
  return { starts, end: high };
}

/** The show's own range of shown scores cut into equal steps; the fixed steps when nothing is rated. */
export function relativeColours(shown: readonly string[]): HeatmapColours {
  const values = shown.map(hundredths);
  const bounds = relativeBounds(values);
  if (!bounds) return { ...absoluteColours(shown), scale: 'relative' };
  const { starts, end } = bounds;
  const stepOfValue = (value: number) => {
    let step = 0;
    for (let i = 1; i < starts.length; i++) if (value >= starts[i]!) step = i;
    return step;
  };
  return {
    scale: 'relative',
    classOf: (value) => (value === null ? UNRATED_CLASS : classOfStep(stepOfValue(hundredths(value)))),
    steps: starts.map((from, i) => ({
      className: classOfStep(i),
      label: t('charts.stepRange', { from: shownText(from), to: shownText(starts[i + 1] ?? end) }),
    })),
    range: rangeOf(values),
  };
}

/** The colouring of a heatmap showing these scores (the rated cells in view) on this scale. */
export function heatmapColours(shown: readonly string[], scale: HeatmapScale = DEFAULT_HEATMAP_SCALE): HeatmapColours {
  return scale === 'absolute' ? absoluteColours(shown) : relativeColours(shown);
}
