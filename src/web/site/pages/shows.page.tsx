/**
 * `/shows`: every show from A to Z, by votes or by the latest catalogue change, optionally of one
 * network, status (picked from those that exist, matched in any case) or first-air year, a page at a time, with stable addresses (`/shows`, `/shows?sort=votes&page=2`,
 * …) and previous/next links marked `rel` for browsers and crawlers.
 */
import { PrevNextPager } from '../../ui/components/pager.js';
import type { BrowsedShow } from '../../../ranking/show-browse.js';
import { DEFAULT_SHOW_SORT, SHOW_SORTS, type ShowFilters, type ShowSort } from '../../../shared/show-sorts.js';
import { formatCount, formatVotes, plural } from '../../ui/format.js';
import { h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { paths } from '../../../shared/paths.js';
import { entriesOnPage, pageCountOf } from '../../../shared/paging.js';
import { LIMITS } from '../../../catalog/catalog-rules.js';
import type { ShowFilterChoices } from '../../../ranking/filter-choices.js';
import { FilterPicker, spelledAsStored } from '../../ui/components/filter-picker.js';

/** Shows on one page of the A–Z list. */
export const SHOWS_PER_PAGE = 50;

/** How many pages `total` shows take; an empty catalogue still has its (empty) first page. */
export function showPageCount(total: number): number {
  return pageCountOf(total, SHOWS_PER_PAGE);
}

/** Each order's tab label and the heading it gives the list. */
const SORT_NAMES: Record<ShowSort, { tab: string; heading: string }> = {
  title: { tab: 'A–Z', heading: 'Every show, A to Z' },
  votes: { tab: 'Most voted', heading: 'Every show, most voted first' },
  updated: { tab: 'Recently updated', heading: 'Every show, latest updated first' },
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
    filters.year === undefined ? null : `first aired in ${filters.year}`,
    filters.network === undefined ? null : `on ${spelledAsStored(filters.network, choices.networks)}`,
    filters.status === undefined ? null : `(${spelledAsStored(filters.status, choices.statuses)})`,
  ]
    .filter(Boolean)
    .join(' ');
  const heading = `${SORT_NAMES[sort].heading}${scope ? ` ${scope}` : ''}`;
  const link = (p: number, s: ShowSort = sort) => paths.shows(p, { sort: s, ...filters });
  return (
    <Layout
      user={props.user}
      meta={{
        title: page === 1 ? heading : `${heading}: page ${page} of ${pageCount}`,
        description: `All ${plural(total, 'show')} on Epirank, each with every episode ranked by fans.`,
        url: props.url,
      }}
    >
      <header class="page-header">
        <h1>{heading}</h1>
        <p class="lede">
          {total === 0
            ? scope
              ? 'No show matches these filters.'
              : 'No shows yet.'
            : `${plural(total, 'show')}; ${shows.length === total ? 'all' : `${formatCount(first)}–${formatCount(first + shows.length - 1)}`} on this page.`}
        </p>
      </header>
      <nav class="tabs" aria-label="Orders">
        {SHOW_SORTS.map((s) => (
          <a href={link(1, s)} aria-current={s === sort ? 'page' : undefined}>
            {SORT_NAMES[s].tab}
          </a>
        ))}
      </nav>
      <form class="show-filters" action={paths.shows()} method="get">
        {sort === DEFAULT_SHOW_SORT ? null : <input type="hidden" name="sort" value={sort} />}
        <FilterPicker label="Network" name="network" choices={choices.networks} value={filters.network} plural="networks" maxlength={LIMITS.network} />{' '}
        <FilterPicker label="Status" name="status" choices={choices.statuses} value={filters.status} plural="statuses" maxlength={LIMITS.status} />{' '}
        <FilterPicker label="First aired" name="year" choices={choices.years} value={filters.year} plural="years" /> <button type="submit">Filter</button>
      </form>
      {shows.length === 0 ? null : (
        <ol class="show-index" start={first}>
          {shows.map(({ show, votes, episodeCount }) => (
            <li data-show={show.slug}>
              <a href={paths.show(show.slug)}>{show.title}</a>{' '}
              <span class="show-facts">{[show.network, plural(episodeCount, 'episode'), formatVotes(votes)].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ol>
      )}
      <PrevNextPager page={page} of={pageCount} hasNext={page < pageCount} href={(n) => link(n)} label="Pages of the show list" />
    </Layout>
  );
}
