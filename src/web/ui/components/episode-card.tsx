/**
 * One episode in a ranking or on its own page: title, credits, score block and rating control. In a
 * ranking the card is one compact row (rank, title, score, rate) and the rest (synopsis,
 * directors, watch links) sits one tap away in a <details> that opens without JavaScript: the
 * full text stays in the page for search engines and seed parity, but not in the way of the list.
 */
import type { EpisodeEntry } from '../../../ranking/rankings.service.js';
import { formatDate, formatDecimalText } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { h, Fragment, type Html } from '../jsx.js';
import { episodeAnchor, paths, withUpto } from '../../../shared/paths.js';
import type { Horizon } from '../../../shared/spoiler-horizon.js';
import { VoteControl, type VotePageContext } from './vote-form.js';
import { MAX_RATING } from '../../../votes/rating-scale.js';
import { MovementMarker } from './movement.js';
import type { Movement } from '../../../ranking/snapshots/snapshots.service.js';
import type { CountryChoice } from './country-chooser.js';
import { WatchLinks } from './external-links.js';

void Fragment;

type MetaOf = Pick<EpisodeEntry, 'seasonNumber' | 'episodeNumber' | 'airDate'>;

/** The words of EpisodeMeta, for a paragraph or for a disclosure's summary (which takes no paragraph). */
function metaText(episode: MetaOf) {
  const aired = formatDate(episode.airDate);
  const place = { season: episode.seasonNumber, episode: episode.episodeNumber };
  if (!aired) return t('ranking.episodeMeta', place);
  return <>{tParts<Html>('ranking.episodeMetaAired', { ...place, date: aired, time: (chunks) => <time datetime={episode.airDate!}>{chunks}</time> })}</>;
}

/** "Season 1 · Episode 26 · Aired September 25, 2003" */
export function EpisodeMeta(props: { episode: MetaOf }) {
  return <p class="episode-meta">{metaText(props.episode)}</p>;
}

/** Directors and watch-now links, shown wherever an episode is; `choice` says where the watch links' country is changed. */
export function EpisodeCredits(props: { episode: Pick<EpisodeEntry, 'directors' | 'watchLinks'>; choice?: CountryChoice }) {
  const { directors, watchLinks } = props.episode;
  return (
    <>
      {directors.length > 0 ? (
        <p class="directors">{t('ranking.directors', { count: directors.length, names: directors.join(t('ranking.nameSeparator')) })}</p>
      ) : null}
      <WatchLinks links={watchLinks} choice={props.choice} />
    </>
  );
}

/** The score block: average (the big number), vote count, fan score and the few-votes mark. */
export function ScoreBlock(props: { episode: EpisodeEntry; priorVotes: number }) {
  const { episode } = props;
  if (episode.average === null) {
    return (
      <div class="score score-empty">
        <p class="votes">{t('ranking.noVotesYet')}</p>
      </div>
    );
  }
  return (
    <div class="score">
      <p class="average">
        <span class="visually-hidden">{t('ranking.averageRating')} </span>
        <span class="average-value">{formatDecimalText(episode.average)}</span> / {MAX_RATING}
      </p>
      <p class="votes">{t('common.votes', { count: episode.count })}</p>
      <p class="fan-score">
        {tParts<Html>('ranking.fanScoreValue', {
          score: formatDecimalText(episode.fanScore ?? ''),
          value: (chunks) => <span class="fan-score-value">{chunks}</span>,
        })}
      </p>
      {episode.fewVotes ? (
        <p class="few-votes" title={t('ranking.fewVotesTitle', { count: props.priorVotes })}>
          {t('ranking.fewVotes')}
        </p>
      ) : null}
    </div>
  );
}

/** Where a card stands in a ranking: what links (the anchor) and the voting script (the data attributes) find it by. */
export function placeOfCard(episode: { id: number; seasonNumber: number; episodeNumber: number; rank?: number | undefined }) {
  return {
    id: episodeAnchor(episode.seasonNumber, episode.episodeNumber),
    'data-episode-id': episode.id,
    'data-season': episode.seasonNumber,
    'data-episode': episode.episodeNumber,
    'data-rank': episode.rank,
  };
}

/** A card's rank, read as "Rank #3"; nothing for an episode not ranked yet. */
export function RankLine(props: { rank?: number | undefined }) {
  return props.rank === undefined ? null : (
    <p class="rank">
      <span class="visually-hidden">{t('ranking.rank')} </span>#{props.rank}
    </p>
  );
}

/**
 * A ranked card's numbers and air date as the summary of a disclosure holding its synopsis,
 * directors and watch links; just the line when there is nothing more to show.
 */
function EpisodeDetails(props: { episode: EpisodeEntry; href: string }) {
  const { episode } = props;
  if (!episode.synopsis && episode.directors.length === 0 && episode.watchLinks.length === 0) return <EpisodeMeta episode={episode} />;
  return (
    <details class="episode-details">
      {/* The summary is the line itself: no element more in each of a page's hundred cards. */}
      <summary class="episode-meta">{metaText(episode)}</summary>
      {episode.synopsis ? <p class="synopsis">{episode.synopsis}</p> : null}
      <EpisodeCredits episode={episode} choice={{ episodePage: props.href }} />
    </details>
  );
}

/**
 * One entry of a ranking, every fact of the reference page's entry in it: rank (with its move
 * since a week ago), title, score and the rating control on the first line; the details under it.
 * The stylesheet lays the children out on a grid, so they stay flat (site.js finds them by class).
 */
export function EpisodeCard(props: {
  episode: EpisodeEntry & { rank?: number };
  showSlug: string;
  priorVotes: number;
  /** Absent where no vote is taken (a past day's ranking). */
  vote?: VotePageContext | undefined;
  /** The page's spoiler horizon, which the link to the episode's page keeps. */
  horizon?: Horizon | null | undefined;
  /** The episode's move since a week ago (live rankings by fan score only). */
  movement?: Movement | undefined;
}): Html {
  const { episode, showSlug } = props;
  const href = withUpto(paths.episode(showSlug, episode.seasonNumber, episode.episodeNumber), props.horizon);
  return (
    <article class="episode" {...placeOfCard(episode)} data-average={episode.average} data-votes={episode.count}>
      <RankLine rank={episode.rank} />
      <MovementMarker movement={props.movement} />
      <h3 class="episode-title">
        <a href={href}>{episode.displayTitle}</a>
      </h3>
      <ScoreBlock episode={episode} priorVotes={props.priorVotes} />
      {props.vote ? <VoteControl context={props.vote} episode={episode} /> : null}
      <EpisodeDetails episode={episode} href={href} />
    </article>
  );
}
