/**
 * The front page: a bounded selection (the most rated shows, the shows rated most recently) and a
 * link to the A–Z list of every show, so its size and cost do not grow with the catalogue; a
 * call to vote under them; and, on an empty site, the commands that fill it.
 */
import type { FrontPage, ShowSummary } from '../../../ranking/rankings.service.js';
import { formatVotes, plural } from '../../ui/format.js';
import { Fragment, h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { paths, routes } from '../../../shared/paths.js';
import { CATALOGUE_FORMAT_DOC, FILL_CATALOGUE_COMMANDS } from '../../../shared/first-start.js';
import { horizonHiding, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { RATING_RANGE_TEXT } from '../../../votes/rating-scale.js';

/** How many shows each list on the front page holds. */
export const FRONT_PAGE_SHOWS = 12;

export function HomePage(props: {
  front: FrontPage;
  url: string;
  user?: Viewer;
  /** The visitor's spoiler horizons, by show slug: a best episode after its show's is not named. */
  horizons?: ReadonlyMap<string, Horizon>;
}) {
  const { mostVoted, recentlyActive, showCount } = props.front;
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
      {showCount === 0 ? (
        <EmptyCatalogue />
      ) : (
        <>
          <section class="front-list" aria-labelledby="most-rated-heading">
            <h2 id="most-rated-heading">Most rated shows</h2>
            <ShowCards shows={mostVoted} horizons={props.horizons} />
          </section>
          {recentlyActive.length > 0 ? (
            <section class="front-list" aria-labelledby="recent-heading">
              <h2 id="recent-heading">Rated recently</h2>
              <ShowCards shows={recentlyActive} horizons={props.horizons} />
            </section>
          ) : null}
          <p class="browse-all">
            <a href={paths.shows()}>Browse all {plural(showCount, 'show')}</a>
          </p>
          <HowToVote signedIn={Boolean(props.user)} />
        </>
      )}
    </Layout>
  );
}

/** Said once on an empty site: who can fill it, and with which command (the server's log says the same). */
function EmptyCatalogue() {
  return (
    <div class="empty front-empty">
      <p>No shows yet.</p>
      <p>
        Running this site? Load the demo show with <code>{FILL_CATALOGUE_COMMANDS.demo}</code>, or import your own catalogue with{' '}
        <code>{FILL_CATALOGUE_COMMANDS.import}</code> (its format is described in <code>{CATALOGUE_FORMAT_DOC}</code>).
      </p>
    </div>
  );
}

/**
 * The call to vote under the lists: a first visitor of a one-show demo otherwise sees two cards and
 * no word on what to do. Static, so the page stays as cheap and as cacheable as before.
 */
function HowToVote(props: { signedIn: boolean }) {
  return (
    <section class="front-how" aria-labelledby="how-heading">
      <h2 id="how-heading">Rate what you have watched</h2>
      <p>Open a show, pick a season and rate any episode from {RATING_RANGE_TEXT}: no account needed. The rankings change with every vote.</p>
      {props.signedIn ? null : (
        <p>
          <a href={routes.account.signUp}>Create an account</a> to keep your ratings on every device, or <a href={routes.account.signIn}>sign in</a>.
        </p>
      )}
    </section>
  );
}

function ShowCards(props: { shows: ShowSummary[]; horizons?: ReadonlyMap<string, Horizon> | undefined }) {
  return (
    <ul class="show-list">
      {props.shows.map(({ show, votes, episodeCount, best }) => (
        <li class="show-card" data-show={show.slug}>
          <h3>
            <a href={paths.show(show.slug)}>{show.title}</a>
          </h3>
          <p class="show-facts">{[show.network, show.status, plural(episodeCount, 'episode'), formatVotes(votes)].filter(Boolean).join(' · ')}</p>
          {best ? (
            <BestEpisode showSlug={show.slug} best={best} hiding={horizonHiding(props.horizons, show.slug, best)} />
          ) : (
            <p class="best-episode">No votes yet.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A show card's best episode, or only that it is hidden when it lies after the visitor's horizon. */
function BestEpisode(props: { showSlug: string; best: NonNullable<ShowSummary['best']>; hiding: Horizon | null }) {
  const { showSlug, best, hiding } = props;
  return hiding ? (
    <p class="best-episode">
      Best episode: <span class="masked">{maskedText(hiding)}</span>
    </p>
  ) : (
    <p class="best-episode">
      Best episode: <a href={paths.episode(showSlug, best.seasonNumber, best.episodeNumber)}>{best.displayTitle}</a>{' '}
      <span class="best-numbers">
        (season {best.seasonNumber}, average {best.average}, {formatVotes(best.count)})
      </span>
    </p>
  );
}
