/**
 * `/search?q=`: one page of shows and episodes matching what was typed, with previous/next links;
 * the header's form sends here, so search works without JavaScript.
 */
import { MAX_SEARCH_LENGTH, type SearchResults } from '../../catalog/search.service.js';
import { formatVotes } from '../format.js';
import { h } from '../jsx.js';
import { Layout, type Viewer } from '../layout.js';
import { paths } from '../../shared/paths.js';

export function SearchPage(props: { text: string; results: SearchResults; user?: Viewer }) {
  const { text, results } = props;
  const { items, page, more } = results;
  const heading = text.trim() === '' ? 'Search' : `Results for “${text}”`;
  return (
    <Layout
      user={props.user}
      meta={{
        title: page === 1 ? heading : `${heading}: page ${page}`,
        description: 'Search Epirank’s shows and episodes by title, synopsis or director, and see how fans rank them.',
        // Results are one page per thing typed, worth nothing to a search engine's own results
        // (Google asks sites to keep them out); the bare form page may be indexed.
        noindex: text.trim() !== '',
      }}
    >
      <header class="page-header">
        <h1>{heading}</h1>
        <search class="search-page-form">
          <form action={paths.search()} method="get">
            <label for="search-page-q">Search shows and episodes</label>
            <input id="search-page-q" name="q" type="search" value={text} maxlength={String(MAX_SEARCH_LENGTH)} />
            <button type="submit">Search</button>
          </form>
        </search>
        {results.words.length === 0 ? (
          text.trim() === '' ? null : (
            <p class="lede">Type a word of a title, a synopsis or a director’s name.</p>
          )
        ) : items.length === 0 ? (
          <p class="lede">{page === 1 ? 'Nothing matches.' : 'No more results.'}</p>
        ) : results.nearMisses ? (
          <p class="lede">Nothing holds those words exactly; these titles come close.</p>
        ) : null}
      </header>
      {items.length === 0 ? null : (
        <ol class="search-results" start={(page - 1) * results.perPage + 1}>
          {items.map((item) =>
            item.kind === 'show' ? (
              <li data-kind="show">
                <a href={paths.show(item.showSlug)}>{item.showTitle}</a>{' '}
                <span class="show-facts">{['Show', item.network, formatVotes(item.votes)].filter(Boolean).join(' · ')}</span>
              </li>
            ) : (
              <li data-kind="episode">
                <a href={paths.episode(item.showSlug, item.seasonNumber as number, item.episodeNumber as number)}>
                  {item.episodeTitle ?? `Episode ${item.episodeNumber}`}
                </a>{' '}
                <span class="show-facts">
                  {[`${item.showTitle}, season ${item.seasonNumber}, episode ${item.episodeNumber}`, formatVotes(item.votes)].join(' · ')}
                </span>
              </li>
            ),
          )}
        </ol>
      )}
      {page > 1 || more ? (
        <nav class="pager" aria-label="Pages of results">
          {page > 1 ? (
            <a rel="prev" href={paths.search(text, page - 1)}>
              Previous page
            </a>
          ) : null}
          <span aria-current="page">Page {page}</span>
          {more ? (
            <a rel="next" href={paths.search(text, page + 1)}>
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
}
