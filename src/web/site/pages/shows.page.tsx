/**
 * `/shows`: every show from A to Z, by votes or by the latest catalogue change, optionally of one
 * network, status (picked from those that exist, matched in any case) or first-air year, a page at a time, with stable addresses (`/shows`, `/shows?sort=votes&page=2`,
 * …) and previous/next links marked `rel` for browsers and crawlers.
 */
import { PrevNextPager } from '../../ui/components/pager.js';
import type { BrowsedShow } from '../../../ranking/show-browse.js';
import { DEFAULT_SHOW_SORT, SHOW_SORTS, type ShowFilters, type ShowSort } from '../../../shared/show-sorts.js';
import { formatCount } from '../../../i18n/format.js';
import { t, type MessageKey } from '../../../i18n/translate.js';
import { h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { paths } from '../../../shared/paths.js';
import { entriesOnPage, pageCountOf } from '../../../shared/paging.js';
import { LIMITS } from '../../../catalog/catalog-rules.js';
import type { ShowFilterChoices } from '../../../ranking/filter-choices.js';
import { FilterPicker, NetworkPicker, spelledAsStored } from '../../ui/components/filter-picker.js';
import { showFacts, showStatus } from './site-words.js';

/** Shows on one page of the A–Z list. */
export const SHOWS_PER_PAGE = 50;

/** How many pages `total` shows take; an empty catalogue still has its (empty) first page. */
export function showPageCount(total: number): number {
  return pageCountOf(total, SHOWS_PER_PAGE);
}

/** Each order's tab label and the heading it gives the list (message keys). */
const SORT_NAMES: Record<ShowSort, { tab: MessageKey; heading: MessageKey }> = {
  title: { tab: 'site.showsTabTitle', heading: 'site.showsHeadingTitle' },
  votes: { tab: 'site.showsTabVotes', heading: 'site.showsHeadingVotes' },
  updated: { tab: 'site.showsTabUpdated', heading: 'site.showsHeadingUpdated' },
};

export function ShowsPage(props: {
  shows: BrowsedShow[];
  sort: ShowSort;
  filters: ShowFilters;
  /** The networks, statuses and years that exist, for the filter form. */
  choices: ShowFilterChoices;
  page: number;
  total: number;
  url: string;
  user?: Viewer;
}) {
  const { shows, sort, filters, choices, page, total } = props;
  const pageCount = showPageCount(total);
  const { first } = entriesOnPage(page, SHOWS_PER_PAGE, total);
  const scope = [
    filters.year === undefined ? null : t('site.showsScopeYear', { year: String(filters.year) }),
    filters.network === undefined ? null : t('site.showsScopeNetwork', { network: spelledAsStored(filters.network, choices.networks) }),
    filters.status === undefined ? null : t('site.showsScopeStatus', { status: showStatus(spelledAsStored(filters.status, choices.statuses)) }),
  ]
    .filter(Boolean)
    .join(t('site.showsScopeSeparator'));
  const heading = scope ? t('site.showsScoped', { heading: t(SORT_NAMES[sort].heading), scope }) : t(SORT_NAMES[sort].heading);
  const link = (p: number, s: ShowSort = sort) => paths.shows(p, { sort: s, ...filters });
  return (
    <Layout
      user={props.user}
      meta={{
        title: page === 1 ? heading : t('site.pageOfSuffix', { title: heading, page, count: pageCount }),
        description: t('site.showsDescription', { count: total }),
        url: props.url,
      }}
    >
      <header class="page-header">
        <h1>{heading}</h1>
        <p class="lede">
          {total === 0
            ? scope
              ? t('site.showsNoMatch')
              : t('site.noShowsYet')
            : shows.length === total
              ? t('site.showsCountAll', { count: total })
              : t('site.showsCountRange', { count: total, first: formatCount(first), last: formatCount(first + shows.length - 1) })}
        </p>
      </header>
      <nav class="tabs" aria-label={t('site.showsOrders')}>
        {SHOW_SORTS.map((s) => (
          <a href={link(1, s)} aria-current={s === sort ? 'page' : undefined}>
            {t(SORT_NAMES[s].tab)}
          </a>
        ))}
      </nav>
      <form class="show-filters" action={paths.shows()} method="get">
        {sort === DEFAULT_SHOW_SORT ? null : <input type="hidden" name="sort" value={sort} />}
        <NetworkPicker choices={choices.networks} value={filters.network} />{' '}
        <FilterPicker label={t('site.showsStatus')} name="status" choices={choices.statuses} value={filters.status} kind="status" maxlength={LIMITS.status} />{' '}
        <FilterPicker label={t('site.showsFirstAired')} name="year" choices={choices.years} value={filters.year} kind="year" />{' '}
        <button type="submit">{t('site.filter')}</button>
      </form>
      {shows.length === 0 ? null : (
        <ol class="show-index" start={first}>
          {shows.map(({ show, votes, episodeCount }) => (
            <li data-show={show.slug}>
              <a href={paths.show(show.slug)}>{show.title}</a> <span class="show-facts">{showFacts(show, episodeCount, votes, false)}</span>
            </li>
          ))}
        </ol>
      )}
      <PrevNextPager page={page} of={pageCount} hasNext={page < pageCount} href={(n) => link(n)} label={t('site.showsPages')} />
    </Layout>
  );
}
