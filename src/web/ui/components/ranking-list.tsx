/**
 * A ranking as a list of episode cards, with its heading, sort choice and pager.
 */
import type { RankingPageInfo, RankingView } from '../../../ranking/rankings.service.js';
import { SORT_ORDERS, type SortOrder } from '../../../shared/sort-orders.js';
import { type MessageKey, t } from '../../../i18n/translate.js';
import { h, Fragment } from '../jsx.js';
import { EpisodeCard, EpisodeMeta } from './episode-card.js';
import { paths, episodeAnchor, withUpto } from '../../../shared/paths.js';
import { horizonLabel, isBeyondHorizon, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { MaskedEpisode } from './spoiler-horizon.js';
import { VoteControl, VoteFormTemplate, type VotePageContext } from './vote-form.js';
import type { Movement } from '../../../ranking/snapshots/snapshots.service.js';
import { entriesOnPage, pagesAround } from '../../../shared/paging.js';

void Fragment;

const SORT_LABELS = {
  score: 'ranking.sortFanScore',
  average: 'ranking.sortAverage',
  votes: 'ranking.sortVotes',
} as const satisfies Record<SortOrder, MessageKey>;

/** Sort links (not a form): each order has its own shareable URL and works without JavaScript. */
function SortSwitch(props: { current: SortOrder; hrefFor: (sort: SortOrder) => string }) {
  return (
    <nav class="sort-switch" aria-label={t('ranking.sortLabel')}>
      <span class="sort-label">{t('ranking.sortBy')}</span>
      <ul>
        {SORT_ORDERS.map((sort) => (
          <li>
            {sort === props.current ? (
              <a href={props.hrefFor(sort)} aria-current="true" class="current">
                {t(SORT_LABELS[sort])}
              </a>
            ) : (
              <a href={props.hrefFor(sort)}>{t(SORT_LABELS[sort])}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The way to the one page that explains the fan score, the orders and ties (/how-ranked): the
 * explanation used to repeat above every ranking, pushing its first entries below the fold.
 */
function HowRankedLink() {
  return (
    <a class="how-ranked-link" href={paths.howRanked()}>
      {t('ranking.howRanked')}
    </a>
  );
}

/** Numbered pages of a long ranking, with rel=prev/next; nothing when it fits on one page. */
function Pager(props: { page: RankingPageInfo; hrefFor: (page: number) => string }) {
  const { page, pageCount, perPage, rankedTotal, unratedTotal } = props.page;
  if (pageCount <= 1) return null;
  const total = rankedTotal + unratedTotal;
  const { first, last } = entriesOnPage(page, perPage, total);
  // Gaps between the pages shown are an ellipsis.
  const shown = pagesAround(page, pageCount);
  return (
    <nav class="pager" aria-label={t('ranking.pagesLabel')}>
      <p class="pager-range">{t('ranking.pagerRange', { first, last, total })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={props.hrefFor(page - 1)} rel="prev">
              {t('ranking.pagerPrevious')}
            </a>
          </li>
        ) : null}
        {shown.map((n, i) => (
          <>
            {i > 0 && n - shown[i - 1]! > 1 ? <li aria-hidden="true">…</li> : null}
            <li>
              {n === page ? (
                <a href={props.hrefFor(n)} aria-current="page">
                  {n}
                </a>
              ) : (
                <a href={props.hrefFor(n)}>{n}</a>
              )}
            </li>
          </>
        ))}
        {page < pageCount ? (
          <li>
            <a href={props.hrefFor(page + 1)} rel="next">
              {t('ranking.pagerNext')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A ranked list with its sort switch, explanation, pages and the separate not-yet-rated list. */
export function RankingSection(props: {
  ranking: RankingView;
  showSlug: string;
  heading: string;
  hrefFor: (sort: SortOrder) => string;
  pageHref: (page: number) => string;
  /** Absent on a past day's ranking (`?as_of=`), which takes no votes: the cards keep only their numbers. */
  vote?: VotePageContext | undefined;
  /** Each episode's move since a week ago, marked in its card beside its rank. */
  movements?: ReadonlyMap<number, Movement> | undefined;
  /** The spoiler horizon: later episodes keep their places with nothing but their numbers. */
  horizon?: Horizon | null | undefined;
}) {
  const { horizon } = props;
  const { ranking, showSlug } = props;
  const firstRank = ranking.ranked[0]?.rank ?? 1;
  return (
    <>
      {/* The voting script reads which ranking the page shows, and where a vote comes back to. */}
      <section
        class="ranking-section"
        aria-labelledby="ranking-heading"
        data-scope={props.vote?.scope}
        data-sort={ranking.sort}
        data-return={props.vote?.returnTo}
      >
        <div class="ranking-head">
          <h2 id="ranking-heading">{props.heading}</h2>
          <SortSwitch current={ranking.sort} hrefFor={props.hrefFor} />
          <HowRankedLink />
        </div>
        {ranking.page.rankedTotal === 0 ? (
          <p class="empty">{t('ranking.noEpisodeVotes')}</p>
        ) : ranking.ranked.length > 0 ? (
          <ol class="ranking" start={firstRank === 1 ? undefined : firstRank}>
            {ranking.ranked.map((episode) =>
              horizon && isBeyondHorizon(horizon, episode) ? (
                <li>
                  <MaskedEpisode episode={episode} horizon={horizon} />
                </li>
              ) : (
                <li>
                  <EpisodeCard
                    episode={episode}
                    showSlug={showSlug}
                    priorVotes={ranking.priorVotes}
                    vote={props.vote}
                    horizon={horizon}
                    movement={props.movements?.get(episode.id)}
                  />
                </li>
              ),
            )}
          </ol>
        ) : null}
      </section>
      {ranking.unrated.length > 0 ? (
        <section class="unrated-section" aria-labelledby="unrated-heading">
          <h2 id="unrated-heading">{t('ranking.notYetRated')}</h2>
          <ul class="unrated">
            {ranking.unrated.map((episode) =>
              horizon && isBeyondHorizon(horizon, episode) ? (
                <li id={episodeAnchor(episode.seasonNumber, episode.episodeNumber)} data-episode-id={episode.id} class="masked">
                  {horizonLabel({ season: episode.seasonNumber, episode: episode.episodeNumber })} · {maskedText(horizon)}
                </li>
              ) : (
                <li id={episodeAnchor(episode.seasonNumber, episode.episodeNumber)} data-episode-id={episode.id}>
                  <a href={withUpto(paths.episode(showSlug, episode.seasonNumber, episode.episodeNumber), horizon)}>{episode.displayTitle}</a>
                  <EpisodeMeta episode={episode} />
                  {props.vote ? <VoteControl context={props.vote} episode={episode} /> : null}
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
      <Pager page={ranking.page} hrefFor={props.pageHref} />
      {props.vote ? <VoteFormTemplate /> : null}
    </>
  );
}
