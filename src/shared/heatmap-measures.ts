/**
 * What a show page's heatmap colours and prints: the fan score (the default, as the ranking) or
 * the plain average. Chosen with `?heatmap=average`, a link that works without JavaScript.
 */
export const HEATMAP_MEASURES = ['score', 'average'] as const;
export type HeatmapMeasure = (typeof HEATMAP_MEASURES)[number];
export const DEFAULT_HEATMAP_MEASURE: HeatmapMeasure = 'score';
