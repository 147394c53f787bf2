/**
 * The heatmap's colour scale, stated once: which score falls in which step, each step's fill (the
 * viridis palette, perceptually uniform and readable with every common colour-vision deficiency),
 * the text colour that reads best on it, and the unrated cell of each theme. The heatmap's class
 * names, its legend and the stylesheet's heatmap section are all built from here; a test checks
 * that site.css holds exactly what `heatmapCss()` writes.
 */
import { formatDecimalText } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';

/** A step of the scale: scores from `from` (inclusive, in hundredths) up to the next step's `from`. */
export interface ColourStep {
  /** Lowest score in the step, in hundredths (750 = 7.50); the first step starts at 0. */
  from: number;
  fill: string;
  /** Dark or light, whichever contrasts more with the fill. */
  text: string;
}

/** Text colours to choose from; every fill of a usable scale reaches 4.5:1 with one of them. */
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/**
 * Where the steps start, in hundredths. Fans' scores bunch between 6 and 9.5, so the steps are
 * half a point wide there and everything under 5 shares the first one.
 */
const STEP_STARTS = [0, 500, 600, 650, 700, 750, 800, 850, 900, 950];

/** Viridis sampled at ten even points, darkest (lowest score) first. */
const FILLS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];

/** An episode without votes: a grey of its own in each theme, with a hatch and a dash. */
export const UNRATED = {
  light: { fill: '#e3e6eb', text: '#1b1f27' },
  dark: { fill: '#2a2f39', text: '#e7e9ee' },
} as const;

/** The class prefix of the steps: `hm-0` to `hm-9`, and `hm-none` for an unrated cell. */
const CLASS_PREFIX = 'hm-';
export const UNRATED_CLASS = `${CLASS_PREFIX}none`;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour, dark or light, that contrasts more with `fill`. */
export function textOn(fill: string): string {
  return contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

export const COLOUR_STEPS: readonly ColourStep[] = STEP_STARTS.map((from, i) => ({ from, fill: FILLS[i]!, text: textOn(FILLS[i]!) }));

/** "8.40" → 840: the shown number decides the colour, so a cell's colour matches its label. */
export function hundredths(shown: string): number {
  return Math.round(Number.parseFloat(shown) * 100);
}

/** The step a shown score ("8.40") falls in. */
export function stepOf(shown: string): number {
  const value = hundredths(shown);
  let step = 0;
  for (let i = 1; i < COLOUR_STEPS.length; i++) if (value >= COLOUR_STEPS[i]!.from) step = i;
  return step;
}

/** The class of a step of the scale. */
export function classOfStep(step: number): string {
  return `${CLASS_PREFIX}${step}`;
}

/** The class of a cell showing this score, or of an unrated cell. */
export function stepClass(shown: string | null): string {
  return shown === null ? UNRATED_CLASS : classOfStep(stepOf(shown));
}

/** The legend's label of a step, in the language in force: "under 5", "7.5–8", "9.5 and over" ("7,5–8" in Spanish). */
export function stepLabel(step: number): string {
  // 750 → "7.5" (or "8", never "8.0"), then the language's decimal separator.
  const number = (hundredths: number) => formatDecimalText(String(hundredths / 100));
  const from = COLOUR_STEPS[step]!.from;
  const next = COLOUR_STEPS[step + 1];
  if (step === 0) return t('charts.stepUnder', { value: number(next!.from) });
  return next ? t('charts.stepRange', { from: number(from), to: number(next.from) }) : t('charts.stepAndOver', { value: number(from) });
}

/**
 * The stylesheet's heatmap colours. The fills are the same in both themes (they keep their
 * contrast with their own text whatever the page behind them); only the unrated cell changes.
 */
export function heatmapCss(): string {
  const lines = COLOUR_STEPS.map((s, i) => `.${classOfStep(i)} {\n  background: ${s.fill};\n  color: ${s.text};\n}`);
  const unrated = (theme: keyof typeof UNRATED) => `background-color: ${UNRATED[theme].fill};\n  color: ${UNRATED[theme].text};`;
  return [
    ...lines,
    `.${UNRATED_CLASS} {\n  ${unrated('light')}\n}`,
    `@media (prefers-color-scheme: dark) {\n  .${UNRATED_CLASS} {\n    ${unrated('dark').replace('\n', '\n  ')}\n  }\n}`,
  ].join('\n\n');
}
