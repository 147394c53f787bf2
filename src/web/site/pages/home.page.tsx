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
import { formatDecimalText } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { Fragment, h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { paths, routes } from '../../../shared/paths.js';
import { CATALOGUE_FORMAT_DOC, FILL_CATALOGUE_COMMANDS } from '../../../shared/first-start.js';
import { horizonHiding, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { FeaturedShowBlock, Leaders } from './home-featured.js';
import { ratingRange, showFacts } from './site-words.js';

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
        title: t('site.homeTitle'),
        description: t('site.homeDescription', ratingRange()),
        url: props.url,
      }}
    >
      <header class="page-header home-hero">
        <h1>{t('site.homeTitle')}</h1>
        <p class="lede">{t('site.homeLede')}</p>
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
              <h2 id="most-rated-heading">{t('site.homeMostRated')}</h2>
              <ShowCards shows={mostVoted} horizons={props.horizons} />
            </section>
          ) : null}
          {addsShows(recentlyActive) ? (
            <section class="front-list" aria-labelledby="recent-heading">
              <h2 id="recent-heading">{t('site.homeRecent')}</h2>
              <ShowCards shows={recentlyActive} horizons={props.horizons} />
            </section>
          ) : null}
          <p class="browse-all">
            <a href={paths.shows()}>{t('site.homeBrowseAll', { count: showCount })}</a>
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
        {t('site.homeRate')}
      </a>{' '}
      {props.signedIn ? (
        <a class="button-secondary" href={routes.account.ratings}>
          {t('site.homeYourRatings')}
        </a>
      ) : (
        <a class="button-secondary" href={routes.account.signUp}>
          {t('site.homeSignUp')}
        </a>
      )}
    </p>
  );
}

/**
 * A command or a file name the operator types: the same in every language. Marked English, as
 * its words are, so a screen reader says them as such and the language checks pass over them.
 */
const Command = (props: { text: string }) => (
  <code lang="en" translate="no">
    {props.text}
  </code>
);

/** One quiet line for the operator of a site with only a few shows: where their own catalogue goes in. */
function SettingUp() {
  return (
    <p class="home-setting-up">
      {tParts('site.homeSettingUp', {
        link: (chunks) => <a href={routes.admin.import}>{chunks}</a>,
        command: <Command text={FILL_CATALOGUE_COMMANDS.import} />,
        doc: <Command text={CATALOGUE_FORMAT_DOC} />,
      })}
    </p>
  );
}

/** Said once on an empty site: who can fill it, and with which command (the server's log says the same). */
function EmptyCatalogue() {
  return (
    <div class="empty front-empty">
      <p>{t('site.noShowsYet')}</p>
      <p>
        {tParts('site.homeEmptyHelp', {
          demo: <Command text={FILL_CATALOGUE_COMMANDS.demo} />,
          command: <Command text={FILL_CATALOGUE_COMMANDS.import} />,
          doc: <Command text={CATALOGUE_FORMAT_DOC} />,
        })}
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
      <h2 id="how-heading">{t('site.homeHowHeading')}</h2>
      <p>{t('site.homeHowText', ratingRange())}</p>
      {props.signedIn ? null : (
        <p>
          {tParts('site.homeHowAccount', {
            signUp: (chunks) => <a href={routes.account.signUp}>{chunks}</a>,
            signIn: (chunks) => <a href={routes.account.signIn}>{chunks}</a>,
          })}
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
          <p class="show-facts">{showFacts(show, episodeCount, votes)}</p>
          {best ? (
            <BestEpisode showSlug={show.slug} best={best} hiding={horizonHiding(props.horizons, show.slug, best)} />
          ) : (
            <p class="best-episode">{t('site.homeNoVotes')}</p>
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
    <p class="best-episode">{tParts('site.homeBestEpisode', { title: <span class="masked">{maskedText(hiding)}</span> })}</p>
  ) : (
    <p class="best-episode">
      {tParts('site.homeBestEpisode', { title: <a href={paths.episode(showSlug, best.seasonNumber, best.episodeNumber)}>{best.displayTitle}</a> })}{' '}
      <span class="best-numbers">
        {t('site.homeBestNumbers', { season: best.seasonNumber, average: formatDecimalText(best.average ?? ''), count: best.count })}
      </span>
    </p>
  );
}
