/**
 * How a heatmap spreads its colours: over the show's own range of scores (the default, so that a
 * show scoring 7.6 to 9.3 is not one band of a single colour) or over the whole rating scale, the
 * same for every show. Chosen with `?scale=absolute`, a link that works without JavaScript.
 */
export const HEATMAP_SCALES = ['relative', 'absolute'] as const;
export type HeatmapScale = (typeof HEATMAP_SCALES)[number];
export const DEFAULT_HEATMAP_SCALE: HeatmapScale = 'relative';
