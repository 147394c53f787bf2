/**
 * The trend chart: every episode's fan score in air order (season, then episode), with a
 * least-squares line through each season's scores, as GraphTV draws it. Server-rendered SVG with
 * labelled axes, a title and a description; each point is a link to its episode that names
 * itself, and the same numbers follow in a table ("Chart data") for anyone who cannot see the
 * drawing. On a phone the drawing keeps a minimum width and scrolls sideways in its frame, with
 * larger text (site.css), rather than shrinking its labels to a few pixels.
 *
 * The SVG keeps its own role (graphics-document) rather than `img`: an image's children are
 * presentational, so focusable points inside one would be nested controls that assistive
 * technology never reaches.
 */
import type { EpisodeScore } from '../../../ranking/episode-scores.js';
import { h } from '../jsx.js';
import { paths, withChartTable, withUpto } from '../../../shared/paths.js';
import { horizonLabel, isBeyondHorizon, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { cellName, episodeCode } from './heatmap.js';
import { formatCount, formatDecimalText, formatTwoDecimals } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { coordinate, dotsPath, leastSquares, linear, scoreDomain, type Line, valueAt } from './trend.js';
import { ColumnHeads } from '../components/column-heads.js';

/**
 * The drawing's size in user units (it scales to the page's width, down to the minimum width in
 * site.css). A long show keeps this size and packs its points closer, as GraphTV does: the chart
 * is for the shape, the table for detail. The margins leave room for the phone's larger labels.
 */
const CHART_WIDTH = 960;
const CHART_HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 52, left: 56 };
/** Points shrink from this radius to MIN_RADIUS as episodes crowd, so neighbours stay apart where they can. */
const MAX_RADIUS = 3;
const MIN_RADIUS = 1.5;
/**
 * Roughly how wide a character of the axis labels is at their largest (20 units, on a phone), to
 * keep season labels from overlapping at every size.
 */
const LABEL_CHAR_WIDTH = 12;

/** One episode placed on the chart: its position in air order and, when rated and not masked, its score. */
export interface ChartPoint {
  episode: EpisodeScore;
  index: number;
  score: number | null;
  /** After the spoiler horizon: its place on the axis is kept, its score is not drawn. */
  masked: boolean;
}

/** A season's stretch of the axis and its trend line (null with fewer than two rated episodes). */
export interface ChartSeason {
  seasonNumber: number;
  first: number;
  last: number;
  /** The last place before the horizon (the trend line stops there); null when the whole season is after it. */
  lastShown: number | null;
  trend: Line | null;
}

/** The chart's data, ready to draw or to tabulate. */
export function chartData(scores: readonly EpisodeScore[], horizon?: Horizon | null): { points: ChartPoint[]; seasons: ChartSeason[] } {
  const points = scores.map((episode, index) => {
    const masked = isBeyondHorizon(horizon, episode);
    return { episode, index, masked, score: masked || episode.fanScore === null ? null : Number.parseFloat(episode.fanScore) };
  });
  const seasons: ChartSeason[] = [];
  for (const p of points) {
    let current = seasons.at(-1);
    if (current && current.seasonNumber === p.episode.seasonNumber) current.last = p.index;
    else seasons.push((current = { seasonNumber: p.episode.seasonNumber, first: p.index, last: p.index, lastShown: null, trend: null }));
    if (!p.masked) current.lastShown = p.index;
  }
  for (const season of seasons) {
    const rated = points.slice(season.first, season.last + 1).filter((p) => p.score !== null);
    season.trend = leastSquares(rated.map((p) => ({ x: p.index, y: p.score! })));
  }
  return { points, seasons };
}

/**
 * Up to this many points, each is a tab stop that names itself (a tooltip on hover and focus).
 * Past it the points are a few pixels wide and a thousand tab stops help nobody: the numbers
 * are in the table a link away (chart=table) and, on a show page, in the heatmap's cells. It
 * also keeps a 1,000-episode show page from carrying every title a third time.
 */
export const NAMED_POINTS_MAX = 60;

/** The radius of the points when this many episodes share the axis. */
export function pointRadius(episodeCount: number): number {
  const step = (CHART_WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, episodeCount);
  return Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, Math.round((step / 2.5) * 10) / 10));
}

/**
 * `url`: the page's address; the numbers as a table are a link to it with `chart=table`, or, when
 * `table` is set (that address), laid out below the chart.
 */
export function TrendChart(props: {
  /** The show whose episodes the points link to. */
  showSlug: string;
  scores: readonly EpisodeScore[];
  subject: string;
  url: string;
  table?: boolean;
  /** The page's spoiler horizon: no point, trend or number after it, and the table and point links keep it. */
  horizon?: Horizon | null | undefined;
}) {
  const { showSlug } = props;
  const { horizon } = props;
  const { points, seasons } = chartData(props.scores, horizon);
  const rated = points.filter((p) => p.score !== null);
  const named = rated.length <= NAMED_POINTS_MAX;
  const width = CHART_WIDTH;
  const radius = pointRadius(points.length);
  const domain = scoreDomain(rated.map((p) => p.score!));
  const plotBottom = CHART_HEIGHT - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + ((index + 0.5) * (width - MARGIN.left - MARGIN.right)) / Math.max(1, points.length);
  const y = linear(domain.min, domain.max, plotBottom, MARGIN.top);
  const trendOf = new Map(seasons.map((s) => [s.seasonNumber, s.trend]));
  const labelled = seasonLabels(seasons, (s) => (x(s.first) + x(s.last)) / 2);
  // Neighbouring seasons' points take turns in two colours, so that where one ends shows.
  const oddSeasons = new Set(seasons.filter((_, i) => i % 2 === 1).map((s) => s.seasonNumber));
  const description =
    rated.length === 0
      ? t('charts.trendNoVotes', { total: points.length })
      : t('charts.trendDescription', {
          rated: rated.length,
          total: points.length,
          low: formatTwoDecimals(Math.min(...rated.map((p) => p.score!))),
          high: formatTwoDecimals(Math.max(...rated.map((p) => p.score!))),
        });
  // A sentence of its own after the description's.
  const masking = horizon && points.some((p) => p.masked) ? ` ${t('charts.trendMasked', { after: horizonLabel(horizon) })}` : '';
  return (
    <section class="trend-section" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('charts.trendHeading')}</h2>
      <div class="trend-frame">
        <svg class="trend-chart" viewBox={`0 0 ${width} ${CHART_HEIGHT}`} aria-labelledby="trend-title" aria-describedby="trend-desc">
          <title id="trend-title">{t('charts.trendTitle', { subject: props.subject })}</title>
          <desc id="trend-desc">
            {description}
            {masking}
          </desc>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is not focusable; its ticks and labels only repeat the table's numbers. */}
          <g class="tc-axes" aria-hidden="true">
            {domain.ticks.map((tick) => (
              <g>
                <line class="tc-grid" x1={MARGIN.left} x2={width - MARGIN.right} y1={coordinate(y(tick))} y2={coordinate(y(tick))} />
                <text class="tc-tick" x={MARGIN.left - 8} y={coordinate(y(tick) + 4)} text-anchor="end">
                  {formatCount(tick)}
                </text>
              </g>
            ))}
            {seasons.map((s, i) => {
              const from = x(s.first) - (x(1) - x(0)) / 2;
              const to = x(s.last) + (x(1) - x(0)) / 2;
              return (
                <g>
                  {i > 0 ? <line class="tc-season-edge" x1={coordinate(from)} x2={coordinate(from)} y1={MARGIN.top} y2={plotBottom} /> : null}
                  {labelled.has(s.seasonNumber) ? (
                    <text class="tc-tick" x={coordinate((from + to) / 2)} y={plotBottom + 22} text-anchor="middle">
                      {t('charts.seasonCode', { season: s.seasonNumber })}
                    </text>
                  ) : null}
                </g>
              );
            })}
            <text class="tc-label" x={MARGIN.left + (width - MARGIN.left - MARGIN.right) / 2} y={CHART_HEIGHT - 6} text-anchor="middle">
              {t('charts.trendXAxis')}
            </text>
            <text class="tc-label" transform={`translate(20 ${(MARGIN.top + plotBottom) / 2}) rotate(-90)`} text-anchor="middle">
              {t('charts.trendYAxis')}
            </text>
            {seasons.map((s) =>
              s.trend && s.lastShown !== null ? (
                <line
                  class="tc-trend"
                  x1={coordinate(x(s.first))}
                  y1={coordinate(y(clamp(valueAt(s.trend, s.first), domain)))}
                  x2={coordinate(x(s.lastShown))}
                  y2={coordinate(y(clamp(valueAt(s.trend, s.lastShown), domain)))}
                />
              ) : null,
            )}
          </g>
          <g class="tc-points">
            {named
              ? rated.map((p) => (
                  // The link's <title> names it (and is the browser's tooltip on hover).
                  <a class="tc-link" href={withUpto(paths.episode(showSlug, p.episode.seasonNumber, p.episode.episodeNumber), horizon)}>
                    <title>{cellName(p.episode, p.episode.fanScore)}</title>
                    <circle
                      class={oddSeasons.has(p.episode.seasonNumber) ? 'tc-pt tc-odd' : 'tc-pt'}
                      cx={coordinate(x(p.index))}
                      cy={coordinate(y(p.score!))}
                      r={radius}
                    />
                  </a>
                ))
              : // Unnamed points are a picture only: one path per colour, not an element each.
                [false, true].map((odd) => {
                  const dots = rated.filter((p) => oddSeasons.has(p.episode.seasonNumber) === odd).map((p) => [x(p.index), y(p.score!)] as const);
                  return dots.length === 0 ? null : <path class={odd ? 'tc-pts tc-odd' : 'tc-pts'} stroke-width={2 * radius} d={dotsPath(dots)} />;
                })}
          </g>
        </svg>
      </div>
      {props.table ? (
        <table class="chart-data" id="trend-data">
          <caption>{t('charts.trendTableCaption')}</caption>
          <ColumnHeads columns={[t('charts.trendEpisode'), t('charts.trendTitleColumn'), t('charts.trendScoreColumn'), t('charts.trendColumn')]} />
          <tbody>
            {points.map((p) => {
              if (p.masked && horizon) {
                return (
                  <tr class="masked">
                    <th scope="row">{episodeCode(p.episode.seasonNumber, p.episode.episodeNumber)}</th>
                    <td colspan="3">{maskedText(horizon)}</td>
                  </tr>
                );
              }
              const trend = trendOf.get(p.episode.seasonNumber);
              return (
                <tr>
                  <th scope="row">{episodeCode(p.episode.seasonNumber, p.episode.episodeNumber)}</th>
                  <td>{p.episode.title}</td>
                  <td>{p.episode.fanScore === null ? '–' : formatDecimalText(p.episode.fanScore)}</td>
                  <td>{trend ? formatTwoDecimals(valueAt(trend, p.index)) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="chart-data-link">
          <a href={`${withUpto(withChartTable(props.url), horizon)}#trend-data`}>{t('charts.trendTableLink')}</a>
        </p>
      )}
    </section>
  );
}

/**
 * The seasons whose label ("S12") fits under the axis: from the first, each next one that clears
 * the last label drawn, so a long show gets evenly spread labels rather than a smudge.
 */
export function seasonLabels<S extends Pick<ChartSeason, 'seasonNumber'>>(seasons: readonly S[], centre: (season: S) => number): Set<number> {
  const shown = new Set<number>();
  let clearFrom = Number.NEGATIVE_INFINITY;
  for (const s of seasons) {
    const half = ((String(s.seasonNumber).length + 1) * LABEL_CHAR_WIDTH) / 2;
    if (centre(s) - half < clearFrom) continue;
    shown.add(s.seasonNumber);
    clearFrom = centre(s) + half + LABEL_CHAR_WIDTH;
  }
  return shown;
}

/** A trend line may run past the axis at a season's ends; it is cut at the axis. */
function clamp(value: number, domain: { min: number; max: number }): number {
  return Math.min(domain.max, Math.max(domain.min, value));
}
