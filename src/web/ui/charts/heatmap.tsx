/**
 * A show's heatmap: one row per season, one column per episode number, each cell the episode's
 * fan score (or average) on its colour step, linking to the episode. A plain table, so it works
 * without JavaScript and a screen reader walks it by row and column headers; it scrolls inside
 * its own box with the season column and the episode row kept in view. The colours spread over
 * the show's own range of scores unless the reader switches to the absolute scale
 * (heatmap-scale.ts); the legend says which scores each colour covers.
 */
import type { EpisodeScore } from '../../../ranking/episode-scores.js';
import { DEFAULT_HEATMAP_MEASURE, HEATMAP_MEASURES, type HeatmapMeasure } from '../../../shared/heatmap-measures.js';
import { DEFAULT_HEATMAP_SCALE, HEATMAP_SCALES, type HeatmapScale } from '../../../shared/heatmap-scales.js';
import { paths, withUpto } from '../../../shared/paths.js';
import { isBeyondHorizon, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import type { SortOrder } from '../../../shared/sort-orders.js';
import { formatDecimalText } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { MAX_RATING, MIN_RATING } from '../../../votes/rating-scale.js';
import { h } from '../jsx.js';
import { UNRATED_CLASS } from './colour-scale.js';
import { heatmapColours, type HeatmapColours } from './heatmap-scale.js';

/** A cell after the spoiler horizon: grey, without a value or a title, in its place. */
export const MASKED_CELL_CLASS = 'hm-masked';

/** The fragment id of the heatmap, so the measure switch lands back on it. */
export const HEATMAP_ID = 'heatmap';

/** What each measure is called on its switch, in the language in force. */
function measureNames(): Record<HeatmapMeasure, string> {
  return { score: t('charts.measureScore'), average: t('charts.measureAverage') };
}

/** What each colour scale is called on its switch, in the language in force. */
function scaleNames(): Record<HeatmapScale, string> {
  return { relative: t('charts.scaleRelative'), absolute: t('charts.scaleAbsolute', { low: MIN_RATING, high: MAX_RATING }) };
}

/** What a heatmap shows and how it colours it: each switch link changes one and keeps the other. */
export interface HeatmapView {
  measure: HeatmapMeasure;
  scale: HeatmapScale;
}

/** What an unrated cell prints: a dash, as the season table does for a missing average. */
export const UNRATED_MARK = '–';

/** The number a cell shows for this measure, exactly as the ranking formats it. */
export function shownValue(episode: EpisodeScore, measure: HeatmapMeasure): string | null {
  return measure === 'average' ? episode.average : episode.fanScore;
}

/**
 * Up to this many episodes, each cell's name carries the episode's title. A bigger show's rated
 * cells are named by their score alone, read in the context of their row and column headers
 * (season and episode number; WCAG's "link purpose in context"), and unrated ones by season and
 * number ("S3E14: not yet rated"), since a dash says nothing: the episode pages they link to carry
 * the titles. Titles, then repeated names, in each of a 1,000-episode show's cells made up most of
 * its page's compressed bytes.
 */
export const TITLED_CELLS_MAX = 200;

/** "S2E5" ("T2E5" in Spanish): an episode's compact code in the language in force. */
export function episodeCode(seasonNumber: number, episodeNumber: number): string {
  return t('charts.episodeCode', { season: seasonNumber, episode: episodeNumber });
}

/** A cell's accessible name: "S2E5 Title: 8.40", or "… not yet rated"; without the title when `titled` is false. */
export function cellName(episode: EpisodeScore, value: string | null, titled = true): string {
  return t('charts.cellName', {
    code: episodeCode(episode.seasonNumber, episode.episodeNumber),
    titled: String(titled),
    title: episode.title,
    rated: String(value !== null),
    score: value === null ? '' : formatDecimalText(value),
  });
}

/** The seasons as rows and the union of their episode numbers as columns, in order. */
function grid(scores: readonly EpisodeScore[]) {
  const seasons = new Map<number, Map<number, EpisodeScore>>();
  const numbers = new Set<number>();
  for (const e of scores) {
    let row = seasons.get(e.seasonNumber);
    if (!row) seasons.set(e.seasonNumber, (row = new Map()));
    row.set(e.episodeNumber, e);
    numbers.add(e.episodeNumber);
  }
  return { seasons, columns: [...numbers].sort((a, b) => a - b) };
}

export function Heatmap(props: {
  showSlug: string;
  scores: readonly EpisodeScore[];
  measure: HeatmapMeasure;
  /** How the colours spread over scores: the show's own range by default. */
  scale?: HeatmapScale | undefined;
  sort?: SortOrder;
  page?: number;
  /** The page's spoiler horizon: the cells after it are masked, and links keep it. */
  horizon?: Horizon | null | undefined;
  /**
   * Where the measure and scale switches go, when not to the show page: an embed switches inside
   * its own frame (its links otherwise open the full site in a new tab).
   */
  switchLink?: (view: HeatmapView) => { href: string; target: '_self' };
}) {
  const { showSlug, scores, measure, horizon } = props;
  const scale = props.scale ?? DEFAULT_HEATMAP_SCALE;
  const { seasons, columns } = grid(scores);
  const titled = scores.length <= TITLED_CELLS_MAX;
  // The range is the cells in view: a score after the spoiler horizon neither shows nor stretches it.
  const shown = scores.flatMap((e) => (isBeyondHorizon(horizon, e) ? [] : [shownValue(e, measure)])).filter((v) => v !== null);
  const colours = heatmapColours(shown, scale);
  const switchTo = (view: HeatmapView) => ({
    href: `${withUpto(paths.showWithHeatmap(showSlug, view.measure, props.sort, props.page, view.scale), horizon)}#${HEATMAP_ID}`,
    ...props.switchLink?.(view),
  });
  return (
    <section class="heatmap-section" id={HEATMAP_ID} aria-labelledby="heatmap-heading">
      <h2 id="heatmap-heading">{t('charts.heatmapHeading')}</h2>
      <nav class="heatmap-switch" aria-label={t('charts.heatmapMeasureNav')}>
        <SwitchList
          values={HEATMAP_MEASURES}
          current={measure}
          usual={DEFAULT_HEATMAP_MEASURE}
          names={measureNames()}
          link={(m) => switchTo({ measure: m, scale })}
        />
      </nav>
      {scores.length === 0 ? (
        <p class="empty">{t('charts.noEpisodes')}</p>
      ) : (
        <div class="heatmap-scroll">
          <table class="heatmap">
            <caption>
              {/* The span, not the caption (as wide as the table), stays in view as the table scrolls sideways. */}
              <span>{t('charts.heatmapCaption', { measure })}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.seasonColumn')}</th>
                {columns.map((n) => (
                  <th scope="col">{n}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...seasons].map(([seasonNumber, row]) => (
                <tr>
                  <th scope="row">
                    <a href={withUpto(paths.season(showSlug, seasonNumber), horizon)}>{t('charts.seasonCode', { season: seasonNumber })}</a>
                  </th>
                  {columns.map((n) => {
                    const episode = row.get(n);
                    if (!episode) return <td class="hm-gap"></td>;
                    if (horizon && isBeyondHorizon(horizon, episode)) {
                      return (
                        <td class={MASKED_CELL_CLASS}>
                          <span class="visually-hidden">
                            {episodeCode(seasonNumber, n)}: {maskedText(horizon)}
                          </span>
                        </td>
                      );
                    }
                    const value = shownValue(episode, measure);
                    return (
                      <td class={colours.classOf(value)}>
                        <a
                          href={withUpto(paths.episode(showSlug, seasonNumber, n), horizon)}
                          aria-label={titled || value === null ? cellName(episode, value, titled) : undefined}
                        >
                          {value === null ? UNRATED_MARK : formatDecimalText(value)}
                        </a>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <HeatmapLegend measure={measure} colours={colours} horizon={horizon} />
      <nav class="heatmap-scale-switch" aria-label={t('charts.heatmapColoursNav')}>
        <span>{t('charts.heatmapColours')}</span>
        <SwitchList values={HEATMAP_SCALES} current={scale} usual={DEFAULT_HEATMAP_SCALE} names={scaleNames()} link={(c) => switchTo({ measure, scale: c })} />
      </nav>
    </section>
  );
}

/** What the legend says its colours cover: the show's own range, or the whole scale. */
function legendIntro(measure: HeatmapMeasure, colours: HeatmapColours): string {
  if (colours.scale === 'absolute' || !colours.range) return t('charts.legendIntro', { measure });
  return t('charts.legendIntroRelative', { measure, low: formatDecimalText(colours.range.low), high: formatDecimalText(colours.range.high) });
}

/** The scale, step by step, in the cells' own colours. */
function HeatmapLegend(props: { measure: HeatmapMeasure; colours: HeatmapColours; horizon: Horizon | null | undefined }) {
  return (
    <div class="heatmap-legend">
      <p id="heatmap-legend-label">{legendIntro(props.measure, props.colours)}</p>
      <ul aria-labelledby="heatmap-legend-label">
        {props.colours.steps.map((step) => (
          <li class={step.className}>{step.label}</li>
        ))}
        <li class={UNRATED_CLASS}>{t('charts.legendUnrated', { mark: UNRATED_MARK })}</li>
        {props.horizon ? <li class={MASKED_CELL_CLASS}>{maskedText(props.horizon)}</li> : null}
      </ul>
    </div>
  );
}

/**
 * One of the heatmap's switches (measure, colour scale): a link per value, the current one marked;
 * every value but the usual one is nofollow, so crawlers index one view of the table.
 */
function SwitchList<T extends string>(props: {
  values: readonly T[];
  current: T;
  usual: T;
  names: Record<T, string>;
  link: (value: T) => Record<string, string | undefined>;
}) {
  return (
    <ul>
      {props.values.map((v) => (
        <li>
          <a {...props.link(v)} aria-current={v === props.current ? 'true' : undefined} rel={v === props.usual ? undefined : 'nofollow'}>
            {props.names[v]}
          </a>
        </li>
      ))}
    </ul>
  );
}
