/**
 * `/search?q=`: one page of shows and episodes matching what was typed, each with its scores and
 * votes (an episode's fan score and average, a show's mean), with previous/next links;
 * the header's form sends here, so search works without JavaScript. An episode after the fan's
 * spoiler horizon for its show keeps its place in the list, named only by its place.
 */
import { PrevNextPager } from '../../ui/components/pager.js';
import { MAX_SEARCH_LENGTH, type SearchResults } from '../../../catalog/search.service.js';
import { t } from '../../../i18n/translate.js';
import { scoreWords, searchScores } from '../../../ranking/search-scores.js';
import { h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { paths, withUpto } from '../../../shared/paths.js';
import type { SearchRow } from '../../../catalog/search.repository.js';
import { horizonHiding, type Horizon } from '../../../shared/spoiler-horizon.js';
import { MaskedPlace } from '../../ui/components/spoiler-horizon.js';
import { shownTitle, shownTitleOf } from '../../ui/components/alternate-titles.js';

/**
 * One episode found. Under a horizon it links to the page with that horizon (where the cookie
 * would redirect anyway); after it, no title and no numbers.
 */
function EpisodeResult(props: { item: SearchRow; horizons: ReadonlyMap<string, Horizon> | undefined; priorVotes: number }) {
  const { item } = props;
  const horizon = props.horizons?.get(item.showSlug);
  const seasonNumber = item.seasonNumber as number;
  const episodeNumber = item.episodeNumber as number;
  const href = withUpto(paths.episode(item.showSlug, seasonNumber, episodeNumber), horizon);
  const hiding = horizonHiding(props.horizons, item.showSlug, { seasonNumber, episodeNumber });
  if (hiding) {
    return (
      <li data-kind="episode">
        <MaskedPlace showTitle={item.showTitle} seasonNumber={seasonNumber} episodeNumber={episodeNumber} href={href} horizon={hiding} />
      </li>
    );
  }
  return (
    <li data-kind="episode">
      <a href={href}>
        {shownTitleOf({ title: item.episodeTitle, titles: item.episodeTitles })?.title ?? t('common.untitledEpisode', { number: episodeNumber })}
      </a>{' '}
      <span class="show-facts">
        {[
          t('site.searchWhere', { show: item.showTitle, season: seasonNumber, episode: episodeNumber }),
          ...scoreWords(searchScores(item, props.priorVotes)),
          t('common.votes', { count: item.votes }),
        ].join(' · ')}
      </span>
    </li>
  );
}

export function SearchPage(props: {
  text: string;
  results: SearchResults;
  /** RANK_PRIOR_VOTES, for the episodes' fan scores. */
  priorVotes: number;
  user?: Viewer;
  /** The visitor's spoiler horizons, by show slug. */
  horizons?: ReadonlyMap<string, Horizon>;
}) {
  const { text, results } = props;
  const { items, page, more } = results;
  const heading = text.trim() === '' ? t('site.searchHeading') : t('site.searchResultsFor', { text });
  return (
    <Layout
      user={props.user}
      meta={{
        title: page === 1 ? heading : t('site.pageSuffix', { title: heading, page }),
        description: t('site.searchDescription'),
        // A page of real matches lists shows and episodes under the words typed, like a tag page,
        // and may be indexed (issue 15 asks every public page to pass Lighthouse's SEO audit,
        // which counts noindex against it); a query that found nothing, or only titles close to a
        // mistyped word, is a thin page no search engine should keep.
        noindex: text.trim() !== '' && (items.length === 0 || results.nearMisses),
      }}
    >
      <header class="page-header">
        <h1>{heading}</h1>
        <search class="search-page-form">
          <form action={paths.search()} method="get">
            <label for="search-page-q">{t('site.searchLabel')}</label>
            <input id="search-page-q" name="q" type="search" value={text} maxlength={String(MAX_SEARCH_LENGTH)} />
            <button type="submit">{t('site.searchButton')}</button>
          </form>
        </search>
        {results.words.length === 0 ? (
          text.trim() === '' ? null : (
            <p class="lede">{t('site.searchHint')}</p>
          )
        ) : items.length === 0 ? (
          <p class="lede">{page === 1 ? t('site.searchNothing') : t('site.searchNoMore')}</p>
        ) : results.nearMisses ? (
          <p class="lede">{t('site.searchNearMisses')}</p>
        ) : null}
      </header>
      {items.length === 0 ? null : (
        <ol class="search-results" start={(page - 1) * results.perPage + 1}>
          {items.map((item) =>
            item.kind === 'show' ? (
              <li data-kind="show">
                <a href={paths.show(item.showSlug)}>{shownTitle({ title: item.showTitle, titles: item.showTitles })}</a>{' '}
                <span class="show-facts">
                  {[t('site.searchShow'), item.network, ...scoreWords(searchScores(item, props.priorVotes)), t('common.votes', { count: item.votes })]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ) : (
              <EpisodeResult item={item} horizons={props.horizons} priorVotes={props.priorVotes} />
            ),
          )}
        </ol>
      )}
      <PrevNextPager page={page} hasNext={more} href={(n) => paths.search(text, n)} label={t('site.searchPages')} />
    </Layout>
  );
}
