/**
 * An episode's own page: its place in the season and show, its histogram and the rating control.
 * With a spoiler horizon (`?upto=`) an episode after it shows only its place, and every link out
 * keeps the horizon.
 */
import type { TVEpisode } from 'schema-dts';
import type { EpisodeView } from '../../../ranking/rankings.service.js';
import type { FlaggedScore } from '../../../moderation/moderation.service.js';
import { FlaggedScoreLine } from '../../ui/components/flagged-score.js';
import { EpisodeCredits, EpisodeMeta, ScoreBlock } from '../../ui/components/episode-card.js';
import { Histogram } from '../../ui/components/histogram.js';
import { RankHistory } from '../../ui/components/rank-history.js';
import type { RankPoint } from '../../../ranking/snapshots/snapshots.service.js';
import { Breadcrumbs } from '../../ui/components/show-header.js';
import { ShareLinks } from '../../ui/components/share-links.js';
import { truncate } from '../../ui/format.js';
import { t } from '../../../i18n/translate.js';
import { h, type Child } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { ExternalLinks } from '../../ui/components/external-links.js';
import type { ExternalIds } from '../../../catalog/external-ids.js';
import { episodeAnchor, paths, withUpto } from '../../../shared/paths.js';
import { VoteForm } from '../../ui/components/vote-form.js';
import { aggregateRating, alternateNames, breadcrumbList, siteOf, StructuredData } from '../../ui/components/structured-data.js';
import { OtherTitles } from '../../ui/components/alternate-titles.js';
import { episodeTitle, type EpisodeLink } from '../../../catalog/catalog.types.js';
import { isBeyondHorizon, type Horizon } from '../../../shared/spoiler-horizon.js';
import { HorizonBanner, MaskedEpisode } from '../../ui/components/spoiler-horizon.js';

/**
 * Links to the episodes before and after this one in the show, across seasons. Under a horizon
 * they keep it, and a neighbour after it is named by its place alone.
 */
function EpisodeNeighbours(props: { showSlug: string; neighbours: { previous: EpisodeLink | null; next: EpisodeLink | null }; horizon: Horizon | null }) {
  const { previous, next } = props.neighbours;
  if (!previous && !next) return null;
  const link = (e: EpisodeLink, rel: 'prev' | 'next') => {
    const place = t('ranking.episodePlace', { season: e.seasonNumber, episode: e.episodeNumber });
    const hidden = isBeyondHorizon(props.horizon, e);
    const episode = hidden ? place : t('ranking.placeAndTitle', { place, title: episodeTitle({ title: e.title, number: e.episodeNumber }) });
    return (
      <a rel={rel} href={withUpto(paths.episode(props.showSlug, e.seasonNumber, e.episodeNumber), props.horizon)}>
        {t(rel === 'prev' ? 'ranking.previousEpisode' : 'ranking.nextEpisode', { episode })}
      </a>
    );
  };
  return (
    <nav class="episode-neighbours" aria-label={t('ranking.neighboursLabel')}>
      <ul>
        {previous ? <li class="previous-episode">{link(previous, 'prev')}</li> : null}
        {next ? <li class="next-episode">{link(next, 'next')}</li> : null}
      </ul>
    </nav>
  );
}

/** Everything the episode page is built from. */
export interface EpisodePageProps {
  data: EpisodeView;
  /** The page's plain address (without `upto`): its canonical link, whatever horizon it shows. */
  url: string;
  yourRatings: ReadonlyMap<number, number>;
  chooseRating?: string | undefined;
  /** Set right after this visitor's rating was held for review (HELD_PARAM). */
  held?: string | undefined;
  /** How many ratings of the episode await a moderator's review. */
  heldForReview: number;
  /** The score without the open flag's window, when the viewer may see it (null otherwise). */
  flagged?: FlaggedScore | null;
  user?: Viewer;
  /** The episode's rank in its season on each snapshot day. */
  rankHistory?: readonly RankPoint[];
  /** The episode's ids on other sites, linked under its synopsis. */
  externalIds?: ExternalIds;
  /** The spoiler horizon the page is shown under (`?upto=`), or null. */
  horizon?: Horizon | null;
}

export function EpisodePage(props: EpisodePageProps) {
  const horizon = props.horizon ?? null;
  if (horizon && isBeyondHorizon(horizon, props.data.episode)) return MaskedEpisodePage({ ...props, horizon });
  const { show, episode, seasonRank, showRank, priorVotes, neighbours } = props.data;
  const place = t('ranking.episodePlace', { season: episode.seasonNumber, episode: episode.episodeNumber });
  const title = t('ranking.episodePageTitle', { title: episode.displayTitle, show: show.title, place });
  const { path } = episodeAddresses(props);
  return (
    <EpisodeFrame
      page={props}
      horizon={horizon}
      title={title}
      description={truncate(episode.synopsis || t('ranking.episodeDescription', { title: episode.displayTitle, show: show.title }), 200)}
    >
      <article class="episode-page" id={episodeAnchor(episode.seasonNumber, episode.episodeNumber)} data-episode-id={episode.id}>
        <header class="episode-header">
          <p class="show-name">
            <a href={withUpto(paths.show(show.slug), horizon)}>{show.title}</a>
          </p>
          <h1>{episode.displayTitle}</h1>
          <OtherTitles record={episode} url={props.url} />
          <EpisodeMeta episode={episode} />
        </header>
        <div class="episode-summary">
          <ScoreBlock episode={episode} priorVotes={priorVotes} />
          <dl class="facts ranks">
            <div>
              <dt>{t('ranking.rankInSeason', { season: episode.seasonNumber })}</dt>
              <dd class="season-rank">{seasonRank ? t('ranking.rankOf', seasonRank) : t('ranking.notYetRated')}</dd>
            </div>
            <div>
              <dt>{t('ranking.rankInShow', { show: show.title })}</dt>
              <dd class="show-rank">{showRank ? t('ranking.rankOf', showRank) : t('ranking.notYetRated')}</dd>
            </div>
          </dl>
        </div>
        {props.flagged ? <FlaggedScoreLine flag={props.flagged} /> : null}
        {episode.synopsis ? <p class="synopsis">{episode.synopsis}</p> : null}
        <ExternalLinks kind="episode" ids={props.externalIds} />
        <EpisodeCredits episode={episode} choice={{ back: withUpto(path, horizon) }} />
        <VoteForm
          context={{
            showSlug: show.slug,
            // A vote brings the fan back to the page they were reading, horizon and all.
            returnTo: withUpto(path, horizon),
            sort: 'score',
            scope: 'season',
            yourRatings: props.yourRatings,
            chooseRating: props.chooseRating,
            held: props.held,
          }}
          episode={episode}
        />
        {props.heldForReview > 0 ? <p class="held-for-review">{t('ranking.heldForReview', { count: props.heldForReview })}</p> : null}
        <Histogram histogram={episode.histogram} baselineCount={episode.baselineCount} />
        <RankHistory points={props.rankHistory ?? []} seasonNumber={episode.seasonNumber} />
        <ShareLinks url={props.url} title={title} />
      </article>
      <EpisodeNeighbours showSlug={show.slug} neighbours={neighbours} horizon={horizon} />
      <EpisodeStructuredData
        page={props}
        name={episode.displayTitle}
        told={{
          description: episode.synopsis || undefined,
          director: episode.directors.length > 0 ? episode.directors.map((name) => ({ '@type': 'Person', name })) : undefined,
          aggregateRating: aggregateRating({ average: episode.average, votes: episode.count }),
        }}
      />
    </EpisodeFrame>
  );
}

/** The episode's plain path, the site's base and the absolute addresses of its show and season. */
function episodeAddresses(props: EpisodePageProps) {
  const { show, episode } = props.data;
  const path = paths.episode(show.slug, episode.seasonNumber, episode.episodeNumber);
  const base = siteOf(props.url, path);
  return { path, base, showUrl: base + paths.show(show.slug), seasonUrl: base + paths.season(show.slug, episode.seasonNumber) };
}

/**
 * The episode's JSON-LD: the episode in its season and series, and the breadcrumbs. `name` and
 * `told` (synopsis, directors, rating) only where the page may tell them; the breadcrumb's last
 * step is `label`, or the episode's name.
 */
function EpisodeStructuredData(props: {
  page: EpisodePageProps;
  name?: string;
  label?: string;
  told?: Pick<TVEpisode, 'description' | 'director' | 'aggregateRating'>;
}) {
  const { page } = props;
  const { show, episode } = page.data;
  const { base, showUrl, seasonUrl } = episodeAddresses(page);
  const { description, director, aggregateRating } = props.told ?? {};
  return (
    <StructuredData
      nodes={[
        {
          '@type': 'TVEpisode',
          '@id': page.url,
          url: page.url,
          name: props.name,
          alternateName: props.name ? alternateNames(props.name, page.data.episode) : undefined,
          episodeNumber: episode.episodeNumber,
          description,
          director,
          partOfSeason: { '@type': 'TVSeason', '@id': seasonUrl, url: seasonUrl, seasonNumber: episode.seasonNumber },
          partOfSeries: { '@type': 'TVSeries', '@id': showUrl, url: showUrl, name: show.title },
          aggregateRating,
        },
        breadcrumbList([
          { name: t('ranking.home'), url: base + paths.home() },
          { name: show.title, url: showUrl },
          { name: t('ranking.seasonNumber', { season: episode.seasonNumber }), url: seasonUrl },
          { name: props.label ?? props.name ?? '', url: page.url },
        ]),
      ]}
    />
  );
}

/**
 * What an episode's page and its masked page share: the layout, Home › show › season › episode
 * (keeping the horizon on the way up) and the horizon's banner.
 */
function EpisodeFrame(props: { page: EpisodePageProps; horizon: Horizon | null; title: string; description: string; children?: Child }) {
  const { page, horizon } = props;
  const { show, episode } = page.data;
  return (
    <Layout user={page.user} meta={{ title: props.title, description: props.description, url: page.url }}>
      <Breadcrumbs
        trail={[
          { label: t('ranking.home'), href: paths.home() },
          { label: show.title, href: withUpto(paths.show(show.slug), horizon) },
          { label: t('ranking.seasonNumber', { season: episode.seasonNumber }), href: withUpto(paths.season(show.slug, episode.seasonNumber), horizon) },
          { label: t('ranking.episodeNumber', { episode: episode.episodeNumber }) },
        ]}
      />
      <HorizonBanner showSlug={show.slug} horizon={horizon} returnTo={episodeAddresses(page).path} />
      {props.children}
    </Layout>
  );
}

/**
 * An episode after the fan's horizon: the show, the episode's place and the banner, and nothing
 * that tells what happens in it (title, synopsis, scores, ranks, credits, links, rating control),
 * not even in the head or the JSON-LD.
 */
function MaskedEpisodePage(props: EpisodePageProps & { horizon: Horizon }) {
  const { show, episode, neighbours } = props.data;
  const { horizon } = props;
  const place = t('ranking.maskedEpisodePlace', { season: episode.seasonNumber, episode: episode.episodeNumber });
  return (
    <EpisodeFrame
      page={props}
      horizon={horizon}
      title={t('ranking.maskedEpisodeTitle', { show: show.title, place })}
      description={t('ranking.maskedEpisodeDescription', { show: show.title, place })}
    >
      <header class="episode-header">
        <p class="show-name">
          <a href={withUpto(paths.show(show.slug), horizon)}>{show.title}</a>
        </p>
        <h1>{place}</h1>
      </header>
      <MaskedEpisode episode={episode} horizon={horizon} />
      <EpisodeNeighbours showSlug={show.slug} neighbours={neighbours} horizon={horizon} />
      <EpisodeStructuredData page={props} label={place} />
    </EpisodeFrame>
  );
}
