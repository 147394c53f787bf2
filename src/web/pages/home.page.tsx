import type { ShowSummary } from '../../ranking/rankings.service.js';
import { formatVotes, plural } from '../format.js';
import { h } from '../jsx.js';
import { Layout, type Viewer } from '../layout.js';
import { paths } from '../paths.js';
import { RATING_RANGE_TEXT } from '../../votes/rating-scale.js';

export function HomePage(props: { shows: ShowSummary[]; url: string; user?: Viewer }) {
  return (
    <Layout
      user={props.user}
      meta={{
        title: 'The best TV episodes, ranked by fans',
        description: `Fans rate every episode from ${RATING_RANGE_TEXT}; Epirank ranks each season from best to worst.`,
        url: props.url,
      }}
    >
      <header class="page-header">
        <h1>The best TV episodes, ranked by fans</h1>
        <p class="lede">Pick a show to see every episode ranked from best to worst by the people who watched it.</p>
      </header>
      {props.shows.length === 0 ? (
        <p class="empty">No shows yet. An operator can import a catalogue with <code>epirank import</code>.</p>
      ) : (
        <ul class="show-list">
          {props.shows.map(({ show, votes, episodeCount, best }) => (
            <li class="show-card" data-show={show.slug}>
              <h2>
                <a href={paths.show(show.slug)}>{show.title}</a>
              </h2>
              <p class="show-facts">
                {[show.network, show.status, plural(episodeCount, 'episode'), formatVotes(votes)].filter(Boolean).join(' · ')}
              </p>
              {best ? (
                <p class="best-episode">
                  Best episode:{' '}
                  <a href={paths.episode(show.slug, best.seasonNumber, best.episodeNumber)}>{best.displayTitle}</a>{' '}
                  <span class="best-numbers">
                    (season {best.seasonNumber}, average {best.average}, {formatVotes(best.count)})
                  </span>
                </p>
              ) : (
                <p class="best-episode">No votes yet.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
