/**
 * The parts of the front page that show episodes rather than shows: the most voted show opened up
 * (its best episodes with their scores, its seasons, a link to its whole ranking) and the first
 * places of the site-wide list. Both are masked after the visitor's spoiler horizons, as `/top` is.
 */
import type { FeaturedShow } from '../../../ranking/rankings.service.js';
import type { TopEntry } from '../../../ranking/top-episodes.service.js';
import { formatDecimalText } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { h } from '../../ui/jsx.js';
import { paths, withUpto } from '../../../shared/paths.js';
import { horizonHiding, isSeasonBeyondHorizon, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { showFacts } from './site-words.js';

/** Seasons named in the featured block; a show with more links to its page for the rest. */
export const FEATURED_SEASONS = 12;

/** One place of a short ranking: rank, title (or why it is hidden), where it sits, and its score. */
interface Place {
  rank: number;
  showSlug: string;
  seasonNumber: number;
  episodeNumber: number;
  title: string;
  /** Shown under the title: the season and episode, and for a list of many shows the show. */
  where: string;
  fanScore: string | null;
  votes: number;
}

export function FeaturedShowBlock(props: { featured: FeaturedShow; horizons?: ReadonlyMap<string, Horizon> | undefined }) {
  const { summary, seasons, best } = props.featured;
  const { show } = summary;
  const horizon = props.horizons?.get(show.slug);
  const shownSeasons = seasons.slice(0, FEATURED_SEASONS);
  return (
    <section class="home-featured" aria-labelledby="featured-heading" data-show={show.slug}>
      <div class="home-featured-about">
        <p class="home-eyebrow">{t('site.featuredEyebrow')}</p>
        <h2 id="featured-heading">
          <a href={paths.show(show.slug)}>{show.title}</a>
        </h2>
        <p class="show-facts">{showFacts(show, summary.episodeCount, summary.votes)}</p>
      </div>
      <div class="home-featured-best">
        <h3 id="featured-best-heading">{t('site.featuredBest')}</h3>
        {best.length === 0 ? (
          <p class="home-no-votes">{t('site.featuredNoVotes')}</p>
        ) : (
          <Places
            labelledBy="featured-best-heading"
            horizons={props.horizons}
            places={best.map((e) => ({
              rank: e.rank,
              showSlug: show.slug,
              seasonNumber: e.seasonNumber,
              episodeNumber: e.episodeNumber,
              title: e.displayTitle,
              where: t('site.featuredWhere', { season: e.seasonNumber, episode: e.episodeNumber }),
              fanScore: e.fanScore,
              votes: e.count,
            }))}
          />
        )}
        <p class="home-ranking-link">
          <a href={withUpto(paths.show(show.slug), horizon)}>{t('site.featuredSeeAll', { count: summary.episodeCount })}</a>
        </p>
      </div>
      <div class="home-featured-seasons">
        <ul class="home-seasons" aria-label={t('site.featuredSeasons', { title: show.title })}>
          {shownSeasons.map((s) => (
            <li>
              <a href={withUpto(paths.season(show.slug, s.number), horizon)}>{t('site.featuredSeason', { number: s.number })}</a>{' '}
              <span class="home-season-facts">
                {t('site.episodes', { count: s.episodeCount })} ·{' '}
                {s.average === null
                  ? t('site.featuredSeasonNoVotes')
                  : isSeasonBeyondHorizon(horizon, s.number)
                    ? t('common.votes', { count: s.votes })
                    : t('site.featuredSeasonAverage', { average: formatDecimalText(s.average) })}
              </span>
            </li>
          ))}
        </ul>
        {seasons.length > shownSeasons.length ? (
          <p class="home-more-seasons">{t('site.featuredMoreSeasons', { count: seasons.length - shownSeasons.length })}</p>
        ) : null}
      </div>
    </section>
  );
}

/** The first places of `/top`, over every show. */
export function Leaders(props: { leaders: TopEntry[]; horizons?: ReadonlyMap<string, Horizon> | undefined }) {
  return (
    <section class="home-leaders" aria-labelledby="leaders-heading">
      <h2 id="leaders-heading">{t('site.leadersHeading')}</h2>
      <Places
        labelledBy="leaders-heading"
        horizons={props.horizons}
        places={props.leaders.map((e) => ({
          rank: e.rank,
          showSlug: e.show.slug,
          seasonNumber: e.seasonNumber,
          episodeNumber: e.episodeNumber,
          title: e.title ?? t('common.untitledEpisode', { number: e.episodeNumber }),
          where: t('site.leadersWhere', { show: e.show.title, season: e.seasonNumber, episode: e.episodeNumber }),
          fanScore: e.fanScore,
          votes: e.votes,
        }))}
      />
      <p class="home-ranking-link">
        <a href={paths.top()}>{t('site.leadersSeeAll')}</a>
      </p>
    </section>
  );
}

function Places(props: { places: Place[]; labelledBy: string; horizons?: ReadonlyMap<string, Horizon> | undefined }) {
  return (
    <ol class="home-places" aria-labelledby={props.labelledBy}>
      {props.places.map((p) => {
        const hiding = horizonHiding(props.horizons, p.showSlug, p);
        const href = withUpto(paths.episode(p.showSlug, p.seasonNumber, p.episodeNumber), props.horizons?.get(p.showSlug));
        return (
          <li data-episode={`${p.showSlug}/${p.seasonNumber}/${p.episodeNumber}`}>
            <span class="home-place-rank">{p.rank}</span>
            <span class="home-place-title">
              {hiding ? <span class="masked">{maskedText(hiding)}</span> : <a href={href}>{p.title}</a>}
              <span class="home-place-where">{p.where}</span>
            </span>
            {hiding || p.fanScore === null ? null : (
              <span class="home-place-score">
                <span class="visually-hidden">{`${t('site.placeFanScore')} `}</span>
                <strong>{formatDecimalText(p.fanScore)}</strong>
                <span class="home-place-votes">{t('common.votes', { count: p.votes })}</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
