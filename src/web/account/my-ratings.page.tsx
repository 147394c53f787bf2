/**
 * A fan's own ratings (/account/ratings): the list in pages with its orders, show filter and
 * downloads, each rating changed or withdrawn in its row, the "where I disagree most" view, and the confirmation pages before deleting every
 * rating or the whole account.
 */
import type { User } from '../../accounts/accounts.repository.js';
import { MY_RATINGS_SORTS, type MyRatingsSort } from '../../shared/my-ratings-sorts.js';
import { episodeAnchor, paths } from '../../shared/paths.js';
import { DEFAULT_SORT } from '../../shared/sort-orders.js';
import type { MyRating, MyRatingsPage, RatedEpisode } from '../../votes/my-ratings.service.js';
import { HELD_RATING_MESSAGE } from '../../votes/network-allowance.js';
import { VoteForm, type VotePageContext } from '../ui/components/vote-form.js';
import { FormProblem, type FieldErrors } from '../ui/components/form-field.js';
import { CONFIRM_DELETE } from '../ui/confirm-delete.js';
import { formatShortDate, formatTimestamp, plural } from '../ui/format.js';
import { Fragment, h } from '../ui/jsx.js';
import { Layout, type Viewer } from '../ui/layout.js';
import { NumberedPager } from '../ui/components/pager.js';
import { ColumnHeads } from '../ui/components/column-heads.js';

const SORT_LABELS: Record<MyRatingsSort, string> = {
  newest: 'Newest first',
  show: 'By show',
  rating: 'By my rating',
  disagree: 'Where I disagree most',
};

export function MyRatingsListPage(props: { list: MyRatingsPage; user: Viewer; signedIn: boolean; rated?: RatedEpisode | null }) {
  const { list } = props;
  const disagree = list.sort === 'disagree';
  const title = disagree ? 'Where you disagree most with the crowd' : 'Your ratings';
  const link = (page: number, sort: MyRatingsSort = list.sort) => paths.accountRatings({ sort, show: list.show, page });
  // A rating changed from a row comes back to this very page of the list, which says what it is now.
  const change = { returnTo: (r: MyRating) => paths.accountRatings({ sort: list.sort, show: list.show, page: list.page, rated: r.episodeId }) };
  const showTitle = list.shows.find((s) => s.slug === list.show)?.title;
  return (
    <Layout meta={{ title, noindex: true }} user={props.user}>
      <section class="my-ratings">
        <h1>{title}</h1>
        <p class="lede">
          {disagree
            ? 'Your ratings, farthest from the fans’ average first.'
            : props.signedIn
              ? 'Every episode you rated, with the fans’ average beside your rating.'
              : 'The episodes rated from this browser. Create an account or sign in to keep them on every device: you will be asked to add them to it.'}
        </p>
        <nav class="my-ratings-views" aria-label="Order">
          {MY_RATINGS_SORTS.map((sort) => (
            <a href={link(1, sort)} aria-current={sort === list.sort ? 'page' : undefined}>
              {SORT_LABELS[sort]}
            </a>
          ))}
        </nav>
        {list.shows.length > 1 || list.show !== null ? (
          <form class="my-ratings-filter" method="get" action={paths.accountRatings()}>
            {list.sort === 'newest' ? null : <input type="hidden" name="sort" value={list.sort} />}
            <label for="my-ratings-show">Show</label>{' '}
            <select id="my-ratings-show" name="show">
              <option value="">Every show</option>
              {list.shows.map((s) => (
                <option value={s.slug} selected={s.slug === list.show}>
                  {s.title}
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="button-secondary">
              Filter
            </button>
          </form>
        ) : null}
        {props.rated ? <RatedNotice rated={props.rated} /> : null}
        {list.items.length === 0 ? (
          <p class="my-ratings-empty">
            {list.page > list.pageCount ? (
              <>
                There is no page {list.page}. <a href={link(list.pageCount)}>Go to page {list.pageCount}</a>.
              </>
            ) : list.show !== null ? (
              `You have not rated any episode of ${showTitle ?? 'that show'}.`
            ) : (
              <>
                You have not rated any episodes yet. <a href={paths.shows()}>Find a show</a> and press a number from 1 to 10 beside an episode.
              </>
            )}
          </p>
        ) : (
          <RatingsTable caption={title} ratings={list.items} change={change} />
        )}
        {list.total > 0 && list.page <= list.pageCount ? (
          <NumberedPager page={list} href={(page) => link(page)} noun={['rating', 'ratings']} label="Pages of your ratings" />
        ) : null}
        <h2>Take them with you</h2>
        <p class="my-ratings-downloads">
          Download every rating as <a href={paths.accountRatingsCsv()}>CSV</a> (columns show, season, episode, title, rating, rated_at) or as{' '}
          <a href={paths.accountRatingsJson()}>JSON</a>.
        </p>
        <p class="my-ratings-import">
          Rated episodes elsewhere? <a href={paths.accountRatingsImport()}>Import ratings</a> from IMDb, Trakt or TV Time.
        </p>
        {props.signedIn ? (
          <p class="my-ratings-delete">
            <a href={paths.accountRatingsDelete()}>Delete all my ratings</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
}

/**
 * A page of ratings as a table: the fan's list, and the anonymous ratings a fan is asked about at
 * sign-in (join-ratings.page.tsx). With `change`, each row carries the site's vote form behind a
 * "Change" disclosure (open without JavaScript), posting back to the list at `change.returnTo`.
 * Text reads left, numbers right; on a phone each row stacks (site.css, "my-ratings: …").
 */
export function RatingsTable(props: { caption: string; ratings: MyRating[]; change?: { returnTo: (rating: MyRating) => string } }) {
  const { change } = props;
  const columns = ['Show', 'Episode', 'Your rating', 'Fans’ average', 'Rated'];
  return (
    <table class="my-ratings-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <ColumnHeads columns={change ? [...columns, <span class="visually-hidden">Change your rating</span>] : columns} />
      <tbody>
        {props.ratings.map((r) => (
          <RatingRow rating={r} returnTo={change?.returnTo(r)} />
        ))}
      </tbody>
    </table>
  );
}

function RatingRow(props: { rating: MyRating; returnTo: string | undefined }) {
  const r = props.rating;
  return (
    <tr class={r.held ? 'my-rating-row held' : 'my-rating-row'}>
      <td class="my-rating-show">
        <a href={paths.show(r.showSlug)}>{r.showTitle}</a>
      </td>
      <td class="my-rating-episode">
        <a href={paths.episode(r.showSlug, r.season, r.episode)}>
          S{r.season}E{r.episode} · {r.displayTitle}
        </a>
      </td>
      <td class="my-rating">
        {r.rating}
        {r.held ? <span class="held-marker"> (held for review)</span> : null}
      </td>
      <td class="my-rating-crowd" data-label="Fans’ average">
        {r.crowdAverage ?? '—'}
      </td>
      <td class="my-rating-date" data-label="Rated">
        <time datetime={r.ratedAt} title={formatTimestamp(r.ratedAt)}>
          {formatShortDate(r.ratedAt) ?? formatTimestamp(r.ratedAt)}
        </time>
      </td>
      {props.returnTo === undefined ? null : (
        <td class="my-rating-change">
          <ChangeRating rating={r} returnTo={props.returnTo} />
        </td>
      )}
    </tr>
  );
}

/** The row's rating buttons behind a disclosure: the site's vote form, coming back to this page of the list. */
function ChangeRating(props: { rating: MyRating; returnTo: string }) {
  const r = props.rating;
  const context: VotePageContext = {
    showSlug: r.showSlug,
    returnTo: props.returnTo,
    sort: DEFAULT_SORT,
    scope: 'season',
    yourRatings: new Map([[r.episodeId, r.rating]]),
  };
  return (
    <details>
      <summary>
        Change
        <span class="visually-hidden">
          {' '}
          your rating of {r.showTitle} S{r.season}E{r.episode}
        </span>
      </summary>
      <VoteForm context={context} episode={{ id: r.episodeId, seasonNumber: r.season, episodeNumber: r.episode, displayTitle: r.displayTitle }} />
    </details>
  );
}

/**
 * Says what became of the rating just changed or withdrawn from the list (no JavaScript). Carries
 * the episode's anchor, which the vote route appends to the address it sends the browser back to,
 * so the browser lands on this line.
 */
function RatedNotice(props: { rated: RatedEpisode }) {
  const { rated } = props;
  const name = `${rated.showTitle} S${rated.season}E${rated.episode} · ${rated.displayTitle}`;
  return (
    <p class="my-ratings-notice" role="status" id={episodeAnchor(rated.season, rated.episode)}>
      {rated.rating === null
        ? `Removed your rating of ${name}.`
        : `Saved: your rating of ${name} is ${rated.rating}.${rated.held ? ` ${HELD_RATING_MESSAGE}` : ''}`}
    </p>
  );
}

/** Asks before deleting every rating of the account. */
export function ConfirmDeleteRatingsPage(props: { user: User; count: number }) {
  return (
    <Layout meta={{ title: 'Delete all your ratings', noindex: true }} user={props.user}>
      <section class="account-form">
        <h1>Delete all your ratings?</h1>
        {props.count === 0 ? (
          <p>
            You have no ratings to delete. <a href={paths.accountRatings()}>Back to your ratings</a>
          </p>
        ) : (
          <>
            <p>
              This deletes your {plural(props.count, 'rating')} for good, and every episode’s numbers are counted again without them. Your account stays. You
              may want to <a href={paths.accountRatingsCsv()}>download them</a> first.
            </p>
            <form method="post" action={paths.accountRatingsDelete()}>
              <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
              <button type="submit" class="button-danger">
                Delete {plural(props.count, 'rating')}
              </button>{' '}
              <a href={paths.accountRatings()}>Keep them</a>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}

/** Asks before deleting the account; says why not when it is the last admin's. */
export function ConfirmDeleteAccountPage(props: { user: User; count: number; errors?: FieldErrors }) {
  return (
    <Layout meta={{ title: 'Delete your account', noindex: true }} user={props.user}>
      <section class="account-form">
        <h1>Delete your account?</h1>
        <FormProblem errors={props.errors ?? {}} />
        <p>
          This deletes the account {props.user.email} and its {plural(props.count, 'rating')} for good, and signs you out everywhere. Every episode’s numbers
          are counted again without your ratings. You may want to <a href={paths.accountRatingsCsv()}>download your ratings</a> first.
        </p>
        <form method="post" action={paths.accountDelete()}>
          <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
          <button type="submit" class="button-danger">
            Delete my account
          </button>{' '}
          <a href="/account">Keep it</a>
        </form>
      </section>
    </Layout>
  );
}

/** Shown once the account is gone (the session cookie is cleared with it). */
export function AccountDeletedPage(props: { ratings: number }) {
  return (
    <Layout meta={{ title: 'Account deleted', noindex: true }} user={null}>
      <section class="account-form">
        <h1>Your account was deleted</h1>
        <p role="status">The account and its {plural(props.ratings, 'rating')} are gone, and every device it was signed in on is signed out.</p>
        <p>
          <a href={paths.home()}>Back to Epirank</a>
        </p>
      </section>
    </Layout>
  );
}
