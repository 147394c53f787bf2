/**
 * The links between pages of a long list: numbered pages (first, previous, next, last, with the
 * total) for the admin lists and a fan's own ratings, pages of a list ordered by time (newest,
 * newer, older), and the public lists' previous and next page (search, shows, top). Previous and next carry rel="prev" and rel="next", so browsers and assistive
 * tools know the sequence.
 */
import type { KeysetPage } from '../../../editing/admin-paging.js';
import { t } from '../../../i18n/translate.js';
import { h } from '../jsx.js';
import type { NumberedPage } from '../../../shared/paging.js';

/** The list's total with its noun, as a message of the caller's: `(total) => t('admin.countShows', { count: total })`. */
export type CountedNoun = (total: number) => string;

export function NumberedPager<T>(props: { page: NumberedPage<T>; href: (page: number) => string; noun: CountedNoun; label: string }) {
  const { page, pageCount, total } = props.page;
  const count = props.noun(total);
  if (page > pageCount) {
    return (
      <p class="pager-past-end" role="status">
        {t('ranking.pagerPastEnd', { page, count, pages: pageCount })} <a href={props.href(pageCount)}>{t('ranking.pagerGoTo', { page: pageCount })}</a>
      </p>
    );
  }
  return (
    <nav class="pager admin-actions" aria-label={props.label}>
      <span class="pager-position">{t('ranking.pagerPosition', { page, pages: pageCount, count })}</span>
      {page > 1 ? <a href={props.href(1)}>{t('ranking.pagerFirst')}</a> : null}
      {page > 1 ? (
        <a rel="prev" href={props.href(page - 1)}>
          {t('ranking.pagerPrevious')}
        </a>
      ) : null}
      {page < pageCount ? (
        <a rel="next" href={props.href(page + 1)}>
          {t('ranking.pagerNext')}
        </a>
      ) : null}
      {page < pageCount ? <a href={props.href(pageCount)}>{t('ranking.pagerLast')}</a> : null}
    </nav>
  );
}

/** `href(null)` is the newest page; otherwise a cursor before or after which the linked page starts. */
export function KeysetPager<T, C>(props: { page: KeysetPage<T, C>; href: (cursor: { before?: C; after?: C } | null) => string; label: string }) {
  const { page } = props;
  if (page.isNewest && page.older === null) return null;
  return (
    <nav class="pager admin-actions" aria-label={props.label}>
      {page.isNewest ? null : <a href={props.href(null)}>{t('ranking.pagerNewest')}</a>}
      {page.newer !== null ? (
        <a rel="prev" href={props.href({ after: page.newer })}>
          {t('ranking.pagerNewer')}
        </a>
      ) : null}
      {page.older !== null ? (
        <a rel="next" href={props.href({ before: page.older })}>
          {t('ranking.pagerOlder')}
        </a>
      ) : null}
    </nav>
  );
}

/** A public list's previous and next page, and where the reader is (`of` the page count, when known); nothing on a lone page. */
export function PrevNextPager(props: { page: number; of?: number; hasNext: boolean; href: (page: number) => string; label: string }) {
  const { page } = props;
  if (page === 1 && !props.hasNext) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {page > 1 ? (
        <a rel="prev" href={props.href(page - 1)}>
          {t('site.pagerPrevious')}
        </a>
      ) : null}
      {props.of === undefined ? (
        <span aria-current="page">{t('site.pagerPage', { page })}</span>
      ) : (
        <span aria-current="page">{t('site.pagerPageOf', { page, count: props.of })}</span>
      )}
      {props.hasNext ? (
        <a rel="next" href={props.href(page + 1)}>
          {t('site.pagerNext')}
        </a>
      ) : null}
    </nav>
  );
}
