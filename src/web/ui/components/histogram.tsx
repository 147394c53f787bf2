/**
 * An episode's histogram: how many of the votes cast here gave each rating, as a table.
 */
import { formatCount } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { h, Fragment, type Html } from '../jsx.js';
import { RATINGS } from '../../../votes/rating-scale.js';

void Fragment;

/**
 * The rating levels as a table (so screen readers get real numbers) with a bar per row.
 * Only votes cast here have a known rating; imported baseline votes are counted in the caption,
 * so a single vote cast here among many imported ones is not mistaken for the whole picture.
 * The voting script rewrites the counts in the spans it finds by class.
 */
export function Histogram(props: { histogram: number[]; baselineCount: number }) {
  const total = props.histogram.reduce((a, b) => a + b, 0);
  const largest = Math.max(1, ...props.histogram);
  const levels = props.histogram.map((count, index) => ({ rating: RATINGS[index]!, count })).reverse();
  return (
    <section class="histogram-section" aria-labelledby="histogram-heading">
      <h2 id="histogram-heading">{t('ranking.histogramHeading')}</h2>
      {total === 0 ? (
        <p class="empty">{t('ranking.histogramEmpty')}</p>
      ) : (
        <table class="histogram">
          <caption>
            {tParts<Html>(props.baselineCount > 0 ? 'ranking.histogramCaptionOutOf' : 'ranking.histogramCaption', {
              count: total,
              total: total + props.baselineCount,
              shown: (chunks) => <span class="histogram-shown">{chunks}</span>,
              all: (chunks) => <span class="histogram-total">{chunks}</span>,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('ranking.histogramRating')}</th>
              <th scope="col">{t('ranking.columnVotes')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('ranking.histogramShare')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map(({ rating, count }) => (
              <tr data-rating={rating}>
                <th scope="row">{rating}</th>
                <td class="histogram-count">{formatCount(count)}</td>
                <td class="histogram-bar-cell">
                  <span class="histogram-bar" style={`width: ${((100 * count) / largest).toFixed(1)}%`}></span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.baselineCount > 0 ? <p class="note">{t('ranking.histogramBaseline', { count: props.baselineCount })}</p> : null}
    </section>
  );
}
