/**
 * `/shows`: every show from A to Z, a page at a time, with stable addresses (`/shows`,
 * `/shows?page=2`, …) and previous/next links marked `rel` for browsers and crawlers.
 */
import type { ShowSummary } from '../../ranking/rankings.service.js';
import { formatVotes, plural } from '../format.js';
import { h } from '../jsx.js';
import { Layout, type Viewer } from '../layout.js';
import { paths } from '../../shared/paths.js';

/** Shows on one page of the A–Z list. */
export const SHOWS_PER_PAGE = 50;

/** How many pages `total` shows take; an empty catalogue still has its (empty) first page. */
export function showPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / SHOWS_PER_PAGE));
}

export function ShowsPage(props: { shows: ShowSummary[]; page: number; total: number; url: string; user?: Viewer }) {
  const { shows, page, total } = props;
  const pageCount = showPageCount(total);
  const first = (page - 1) * SHOWS_PER_PAGE + 1;
  return (
    <Layout
      user={props.user}
      meta={{
        title: page === 1 ? 'Every show, A to Z' : `Every show, A to Z: page ${page} of ${pageCount}`,
        description: `All ${plural(total, 'show')} on Epirank, each with every episode ranked by fans.`,
        url: props.url,
      }}
    >
      <header class="page-header">
        <h1>Every show, A to Z</h1>
        <p class="lede">
          {total === 0
            ? 'No shows yet.'
            : `${plural(total, 'show')}; ${shows.length === total ? 'all' : `${first.toLocaleString('en-US')}–${(first + shows.length - 1).toLocaleString('en-US')}`} on this page.`}
        </p>
      </header>
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
      {pageCount > 1 ? (
        <nav class="pager" aria-label="Pages of the show list">
          {page > 1 ? (
            <a rel="prev" href={paths.shows(page - 1)}>
              Previous page
            </a>
          ) : null}
          <span aria-current="page">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <a rel="next" href={paths.shows(page + 1)}>
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
}
