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
import { VoteForm, type VotePageContext } from '../ui/components/vote-form.js';
import { FormProblem, type FieldErrors } from '../ui/components/form-field.js';
import { CONFIRM_DELETE } from '../ui/confirm-delete.js';
import { formatDecimalText, formatShortDate } from '../../i18n/format.js';
import { type MessageKey, t, tParts } from '../../i18n/translate.js';
import { formatTimestamp } from '../ui/format.js';
import { Fragment, h } from '../ui/jsx.js';
import { Layout, type Viewer } from '../ui/layout.js';
import { NumberedPager } from '../ui/components/pager.js';
import { ColumnHeads } from '../ui/components/column-heads.js';

const SORT_LABELS: Record<MyRatingsSort, MessageKey> = {
  newest: 'account.sortNewest',
  show: 'account.sortShow',
  rating: 'account.sortRating',
  disagree: 'account.sortDisagree',
};

/** "S1E3" as the language writes it ("T1E3" in Spanish). */
const code = (season: number, episode: number) => t('account.episodeCode', { season, episode });

export function MyRatingsListPage(props: { list: MyRatingsPage; user: Viewer; signedIn: boolean; rated?: RatedEpisode | null }) {
  const { list } = props;
  const disagree = list.sort === 'disagree';
  const title = t(disagree ? 'account.disagreeTitle' : 'account.ratingsTitle');
  const link = (page: number, sort: MyRatingsSort = list.sort) => paths.accountRatings({ sort, show: list.show, page });
  // A rating changed from a row comes back to this very page of the list, which says what it is now.
  const change = { returnTo: (r: MyRating) => paths.accountRatings({ sort: list.sort, show: list.show, page: list.page, rated: r.episodeId }) };
  const showTitle = list.shows.find((s) => s.slug === list.show)?.title;
  return (
    <Layout meta={{ title, noindex: true }} user={props.user}>
      <section class="my-ratings">
        <h1>{title}</h1>
        <p class="lede">{t(disagree ? 'account.disagreeLede' : props.signedIn ? 'account.ratingsLede' : 'account.ratingsLedeAnonymous')}</p>
        <nav class="my-ratings-views" aria-label={t('account.order')}>
          {MY_RATINGS_SORTS.map((sort) => (
            <a href={link(1, sort)} aria-current={sort === list.sort ? 'page' : undefined}>
              {t(SORT_LABELS[sort])}
            </a>
          ))}
        </nav>
        {list.shows.length > 1 || list.show !== null ? (
          <form class="my-ratings-filter" method="get" action={paths.accountRatings()}>
            {list.sort === 'newest' ? null : <input type="hidden" name="sort" value={list.sort} />}
            <label for="my-ratings-show">{t('account.showFilter')}</label>{' '}
            <select id="my-ratings-show" name="show">
              <option value="">{t('account.everyShow')}</option>
              {list.shows.map((s) => (
                <option value={s.slug} selected={s.slug === list.show}>
                  {s.title}
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="button-secondary">
              {t('account.filter')}
            </button>
          </form>
        ) : null}
        {props.rated ? <RatedNotice rated={props.rated} /> : null}
        {list.items.length === 0 ? (
          <p class="my-ratings-empty">
            {list.page > list.pageCount
              ? tParts('account.noSuchPage', { page: list.page, last: list.pageCount, link: (words) => <a href={link(list.pageCount)}>{words}</a> })
              : list.show !== null
                ? showTitle === undefined
                  ? t('account.noneOfThatShow')
                  : t('account.noneOfShow', { show: showTitle })
                : tParts('account.noneYet', { link: (words) => <a href={paths.shows()}>{words}</a> })}
          </p>
        ) : (
          <RatingsTable caption={title} ratings={list.items} change={change} />
        )}
        {list.total > 0 && list.page <= list.pageCount ? (
          <NumberedPager page={list} href={(page) => link(page)} noun={(count) => t('account.countRatings', { count })} label={t('account.ratingsPages')} />
        ) : null}
        <h2>{t('account.takeThem')}</h2>
        <p class="my-ratings-downloads">
          {tParts('account.downloads', {
            csv: (words) => <a href={paths.accountRatingsCsv()}>{words}</a>,
            json: (words) => <a href={paths.accountRatingsJson()}>{words}</a>,
          })}
        </p>
        <p class="my-ratings-import">{tParts('account.importLine', { link: (words) => <a href={paths.accountRatingsImport()}>{words}</a> })}</p>
        {props.signedIn ? (
          <p class="my-ratings-delete">
            <a href={paths.accountRatingsDelete()}>{t('account.deleteAllLink')}</a>
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
  const columns = [t('account.columnShow'), t('account.columnEpisode'), t('account.columnYourRating'), t('account.columnAverage'), t('account.columnRated')];
  return (
    <table class="my-ratings-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <ColumnHeads columns={change ? [...columns, <span class="visually-hidden">{t('account.changeYourRating')}</span>] : columns} />
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
          {code(r.season, r.episode)} · {r.displayTitle}
        </a>
      </td>
      <td class="my-rating">
        {r.rating}
        {r.held ? <span class="held-marker"> {t('account.held')}</span> : null}
      </td>
      <td class="my-rating-crowd" data-label={t('account.columnAverage')}>
        {r.crowdAverage === null ? '—' : formatDecimalText(r.crowdAverage)}
      </td>
      <td class="my-rating-date" data-label={t('account.columnRated')}>
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
        {tParts('account.changeRating', {
          show: r.showTitle,
          code: code(r.season, r.episode),
          hidden: (words) => <span class="visually-hidden">{words}</span>,
        })}
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
  const name = `${rated.showTitle} ${code(rated.season, rated.episode)} · ${rated.displayTitle}`;
  return (
    <p class="my-ratings-notice" role="status" id={episodeAnchor(rated.season, rated.episode)}>
      {rated.rating === null
        ? t('account.removedRating', { episode: name })
        : `${t('account.savedRating', { episode: name, rating: rated.rating })}${rated.held ? ` ${t('ranking.heldRating')}` : ''}`}
    </p>
  );
}

/** Asks before deleting every rating of the account. */
export function ConfirmDeleteRatingsPage(props: { user: User; count: number }) {
  return (
    <Layout meta={{ title: t('account.deleteRatingsTitle'), noindex: true }} user={props.user}>
      <section class="account-form">
        <h1>{t('account.deleteRatingsQuestion')}</h1>
        {props.count === 0 ? (
          <p>{tParts('account.noRatingsToDelete', { link: (words) => <a href={paths.accountRatings()}>{words}</a> })}</p>
        ) : (
          <>
            <p>{tParts('account.deleteRatingsText', { count: props.count, link: (words) => <a href={paths.accountRatingsCsv()}>{words}</a> })}</p>
            <form method="post" action={paths.accountRatingsDelete()}>
              <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
              <button type="submit" class="button-danger">
                {t('account.deleteRatingsButton', { count: props.count })}
              </button>{' '}
              <a href={paths.accountRatings()}>{t('account.keepThem')}</a>
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
    <Layout meta={{ title: t('account.deleteHeading'), noindex: true }} user={props.user}>
      <section class="account-form">
        <h1>{t('account.deleteAccountQuestion')}</h1>
        <FormProblem errors={props.errors ?? {}} />
        <p>
          {tParts('account.deleteAccountText', {
            email: props.user.email,
            count: props.count,
            link: (words) => <a href={paths.accountRatingsCsv()}>{words}</a>,
          })}
        </p>
        <form method="post" action={paths.accountDelete()}>
          <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
          <button type="submit" class="button-danger">
            {t('account.deleteAccountButton')}
          </button>{' '}
          <a href="/account">{t('account.keepIt')}</a>
        </form>
      </section>
    </Layout>
  );
}

/** Shown once the account is gone (the session cookie is cleared with it). */
export function AccountDeletedPage(props: { ratings: number }) {
  return (
    <Layout meta={{ title: t('account.accountDeleted'), noindex: true }} user={null}>
      <section class="account-form">
        <h1>{t('account.accountDeletedHeading')}</h1>
        <p role="status">{t('account.accountDeletedText', { count: props.ratings })}</p>
        <p>
          <a href={paths.home()}>{t('account.backToSite')}</a>
        </p>
      </section>
    </Layout>
  );
}
