/**
 * An episode's rank within its season over time, drawn on the server as a small SVG line (rank 1
 * at the top: lower is better) with the same numbers in a table beneath it.
 */
import type { RankPoint } from '../../../ranking/snapshots/snapshots.service.js';
import { formatDate, formatShortDate } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { h, Fragment } from '../jsx.js';
import { ColumnHeads } from './column-heads.js';

void Fragment;

const WIDTH = 480;
const HEIGHT = 160;
/** Room for the axis labels. */
const LEFT = 40;
const BOTTOM = 28;
const TOP = 10;
const RIGHT = 10;

export function RankHistory(props: { points: readonly RankPoint[]; seasonNumber: number }) {
  const ranked = props.points.filter((p): p is { day: string; rank: number } => p.rank !== null);
  // A line needs two days; before the second snapshot there is no history to draw.
  if (ranked.length === 0 || props.points.length < 2) return null;
  const worst = Math.max(...ranked.map((p) => p.rank));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (props.points.length === 1 ? plotWidth / 2 : (i * plotWidth) / (props.points.length - 1));
  const y = (rank: number) => TOP + (worst === 1 ? plotHeight / 2 : ((rank - 1) * plotHeight) / (worst - 1));
  // A gap in the line while the episode had no votes.
  const segments: string[] = [];
  let current = '';
  props.points.forEach((p, i) => {
    if (p.rank === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'}${x(i).toFixed(1)} ${y(p.rank).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const first = props.points[0]!;
  const last = props.points[props.points.length - 1]!;
  const season = props.seasonNumber;
  const description = t('ranking.rankHistoryDescription', {
    season,
    days: props.points.length,
    first: formatDate(first.day),
    last: formatDate(last.day),
    best: Math.min(...ranked.map((p) => p.rank)),
    latest: last.rank ?? t('ranking.rankHistoryUnrated'),
  });
  return (
    <section class="rank-history" aria-labelledby="rank-history-heading">
      <h2 id="rank-history-heading">{t('ranking.rankHistoryHeading')}</h2>
      <svg class="rank-history-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="rank-history-title rank-history-desc">
        <title id="rank-history-title">{t('ranking.rankHistoryTitle', { season })}</title>
        <desc id="rank-history-desc">{description}</desc>
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={HEIGHT - BOTTOM} class="axis" />
        <line x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH - RIGHT} y2={HEIGHT - BOTTOM} class="axis" />
        <text x={LEFT - 6} y={y(1) + 4} text-anchor="end">
          1
        </text>
        {worst > 1 ? (
          <text x={LEFT - 6} y={y(worst) + 4} text-anchor="end">
            {String(worst)}
          </text>
        ) : null}
        <text x={12} y={TOP + plotHeight / 2} text-anchor="middle" transform={`rotate(-90 12 ${TOP + plotHeight / 2})`}>
          {t('ranking.rank')}
        </text>
        <text x={LEFT} y={HEIGHT - 8} text-anchor="start">
          {formatShortDate(first.day)}
        </text>
        <text x={WIDTH - RIGHT} y={HEIGHT - 8} text-anchor="end">
          {formatShortDate(last.day)}
        </text>
        {segments.map((d) => (
          <path d={d} class="rank-history-line" fill="none" />
        ))}
      </svg>
      <details>
        <summary>{t('ranking.rankHistoryNumbers')}</summary>
        <table class="rank-history-table">
          <caption>{t('ranking.rankHistoryCaption', { season })}</caption>
          <ColumnHeads columns={[t('ranking.rankHistoryDay'), t('ranking.rank')]} />
          <tbody>
            {props.points.map((p) => (
              <tr>
                <th scope="row">{formatDate(p.day)}</th>
                <td>{p.rank === null ? t('ranking.rankHistoryNotRated') : String(p.rank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
