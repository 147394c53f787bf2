/**
 * The trend chart's arithmetic: a least-squares line through a season's scores, the score axis's
 * range and ticks, and the mapping of data to the drawing's coordinates. Pure, so tests pin it.
 */

export interface Point {
  x: number;
  y: number;
}

/** y = slope·x + intercept. */
export interface Line {
  slope: number;
  intercept: number;
}

/**
 * The ordinary least-squares line through the points: slope Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², through the
 * mean point. Null with fewer than two distinct x values, where no line is determined.
 */
export function leastSquares(points: readonly Point[]): Line | null {
  if (points.length < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / points.length;
  const my = sy / points.length;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - mx) * (p.y - my);
    variance += (p.x - mx) ** 2;
  }
  if (variance === 0) return null;
  const slope = covariance / variance;
  return { slope, intercept: my - slope * mx };
}

/** The line's value at x. */
export function valueAt(line: Line, x: number): number {
  return line.slope * x + line.intercept;
}

/** The rating scale the axis may span. */
const SCORE_MIN = 1;
const SCORE_MAX = 10;

/**
 * The score axis: whole numbers around the data (GraphTV-style, so that a show scoring 8 to 9
 * does not look flat), at least two points tall, within the rating scale. Without data, all of it.
 */
export function scoreDomain(values: readonly number[]): { min: number; max: number; ticks: number[] } {
  let min = SCORE_MAX;
  let max = SCORE_MIN;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (values.length === 0) [min, max] = [SCORE_MIN, SCORE_MAX];
  let low = Math.max(SCORE_MIN, Math.floor(min));
  let high = Math.min(SCORE_MAX, Math.ceil(max));
  while (high - low < 2) {
    if (high < SCORE_MAX) high++;
    else low--;
  }
  const ticks: number[] = [];
  for (let t = low; t <= high; t++) ticks.push(t);
  return { min: low, max: high, ticks };
}

/** A linear map from [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** A coordinate with at most one decimal, which keeps a thousand points' markup small. */
export function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A number of tenths as SVG path data writes it shortest: 9 → ".9", -32 → "-3.2", 40 → "4". */
function tenths(value: number): string {
  return String(value / 10).replace(/^(-?)0\./, '$1.');
}

/**
 * Many points as one path of zero-length strokes (drawn as dots with round caps at the stroke's
 * width), each after the first a relative move on the 0.1 grid of `coordinate`: a thousand circles
 * cost 60 bytes and an element each, this about ten bytes and no element.
 */
export function dotsPath(points: ReadonlyArray<readonly [number, number]>): string {
  let path = '';
  let previous: [number, number] | null = null;
  for (const [x, y] of points) {
    const at: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
    path += previous ? `m${tenths(at[0] - previous[0])} ${tenths(at[1] - previous[1])}h0` : `M${tenths(at[0])} ${tenths(at[1])}h0`;
    previous = at;
  }
  return path;
}
