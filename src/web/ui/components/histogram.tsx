/**
 * An episode's histogram: how many of the votes cast here gave each rating, as a table.
 */
import { formatCount, formatVotes } from '../format.js';
import { h, Fragment } from '../jsx.js';
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
      <h2 id="histogram-heading">How fans rated it</h2>
      {total === 0 ? (
        <p class="empty">No ratings have been cast on Epirank yet.</p>
      ) : (
        <table class="histogram">
          <caption>
            Ratings of the <span class="histogram-shown">{formatVotes(total)}</span> cast on Epirank
            {props.baselineCount > 0 ? (
              <>
                , out of <span class="histogram-total">{formatCount(total + props.baselineCount)}</span> in all
              </>
            ) : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Votes</th>
              <th scope="col">
                <span class="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map(({ rating, count }) => (
              <tr data-rating={rating}>
                <th scope="row">{rating}</th>
                <td class="histogram-count">{count}</td>
                <td class="histogram-bar-cell">
                  <span class="histogram-bar" style={`width: ${((100 * count) / largest).toFixed(1)}%`}></span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.baselineCount > 0 ? (
        <p class="note">The average also counts {formatVotes(props.baselineCount)} imported from elsewhere, whose individual ratings are not known.</p>
      ) : null}
    </section>
  );
}
