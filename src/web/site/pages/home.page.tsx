/**
 * The front page: the most voted show opened up (its best episodes, its seasons), the first places
 * of /top, and a bounded selection of shows (the most rated, the most recently rated) with a link
 * to the A–Z list of every show, so its size and cost do not grow with the catalogue; a call to
 * vote; on a site still being set up, one line for its operator; and on an empty site, the
 * commands that fill it.
 *
 * A list that would only repeat the featured show is left out: a one-show demo shows that show
 * once, opened up, rather than as the same card three times.
 */
import type { FrontPage, ShowSummary } from '../../../ranking/rankings.service.js';
import type { TopEntry } from '../../../ranking/top-episodes.service.js';
import { formatVotes, plural } from '../../ui/format.js';
import { Fragment, h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { paths, routes } from '../../../shared/paths.js';
import { CATALOGUE_FORMAT_DOC, FILL_CATALOGUE_COMMANDS } from '../../../shared/first-start.js';
import { horizonHiding, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { RATING_RANGE_TEXT } from '../../../votes/rating-scale.js';
import { FeaturedShowBlock, Leaders } from './home-featured.js';

/** How many shows each list on the front page holds. */
export const FRONT_PAGE_SHOWS = 12;
/** How many of the featured show's best episodes the front page names. */
export const FEATURED_PLACES = 3;
/** How many of /top's first places the front page names. */
export const FRONT_PAGE_LEADERS = 5;
/** Up to this many shows, the site is taken to be still being set up: its operator is told how to import theirs. */
export const SETTING_UP_SHOWS = 3;

export function HomePage(props: {
  front: FrontPage;
  /** The first places of /top, over every show. */
  leaders: TopEntry[];
  url: string;
  user?: Viewer;
  /** The visitor's spoiler horizons, by show slug: a best episode after its show's is not named. */
  horizons?: ReadonlyMap<string, Horizon>;
}) {
  const { mostVoted, recentlyActive, featured, showCount } = props.front;
  const featuredSlug = featured?.summary.show.slug;
  // Each list is shown when it names something the featured block does not.
  const addsShows = (shows: ShowSummary[]) => shows.some((s) => s.show.slug !== featuredSlug);
  const signedIn = Boolean(props.user);
  return (
    <Layout
      user={props.user}
      meta={{
        title: 'The best TV episodes, ranked by fans',
        description: `Fans rate every episode from ${RATING_RANGE_TEXT}; Epirank ranks each season from best to worst.`,
        url: props.url,
      }}
    >
      <header class="page-header home-hero">
        <h1>The best TV episodes, ranked by fans</h1>
        <p class="lede">Every episode of a show, ranked from best to worst by the people who watched it.</p>
        {featured ? <CallToAction firstShow={featured.summary.show.slug} signedIn={signedIn} /> : null}
      </header>
      {showCount === 0 || !featured ? (
        <EmptyCatalogue />
      ) : (
        <>
          <FeaturedShowBlock featured={featured} horizons={props.horizons} />
          {props.leaders.some((e) => e.show.slug !== featuredSlug) ? <Leaders leaders={props.leaders} horizons={props.horizons} /> : null}
          {addsShows(mostVoted) ? (
            <section class="front-list" aria-labelledby="most-rated-heading">
              <h2 id="most-rated-heading">Most rated shows</h2>
              <ShowCards shows={mostVoted} horizons={props.horizons} />
            </section>
          ) : null}
          {addsShows(recentlyActive) ? (
            <section class="front-list" aria-labelledby="recent-heading">
              <h2 id="recent-heading">Rated recently</h2>
              <ShowCards shows={recentlyActive} horizons={props.horizons} />
            </section>
          ) : null}
          <p class="browse-all">
            <a href={paths.shows()}>Browse all {plural(showCount, 'show')}</a>
          </p>
          <HowToVote signedIn={signedIn} />
          {showCount <= SETTING_UP_SHOWS ? <SettingUp /> : null}
        </>
      )}
    </Layout>
  );
}

/**
 * What to do here, in the first screen: rate (no account needed), and keep ratings with an
 * account; a signed-in fan gets their own ratings instead (their page is never shared, so it may differ).
 */
function CallToAction(props: { firstShow: string; signedIn: boolean }) {
  return (
    <p class="home-cta">
      <a class="button" href={paths.show(props.firstShow)}>
        Rate what you watched
      </a>{' '}
      {props.signedIn ? (
        <a class="button-secondary" href={routes.account.ratings}>
          Your ratings
        </a>
      ) : (
        <a class="button-secondary" href={routes.account.signUp}>
          Sign up
        </a>
      )}
    </p>
  );
}

/** One quiet line for the operator of a site with only a few shows: where their own catalogue goes in. */
function SettingUp() {
  return (
    <p class="home-setting-up">
      Running this site? Import your own catalogue on the <a href={routes.admin.import}>import page</a> or with <code>{FILL_CATALOGUE_COMMANDS.import}</code>{' '}
      (format: <code>{CATALOGUE_FORMAT_DOC}</code>).
    </p>
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
