/**
 * A season ranked: the page the reference page is compared with.
 */
import type { SeasonPageData } from '../../../ranking/rankings.service.js';
import { Breadcrumbs, ShowHeader } from '../../ui/components/show-header.js';
import { shownTitle } from '../../ui/components/alternate-titles.js';
import { RankingSection } from '../../ui/components/ranking-list.js';
import { AsOfBanner } from '../../ui/components/as-of-banner.js';
import { truncate } from '../../ui/format.js';
import { formatDecimalText } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { aggregateRating, breadcrumbList, siteOf, StructuredData } from '../../ui/components/structured-data.js';
import { Fragment, h, type Html } from '../../ui/jsx.js';
import { Layout } from '../../ui/layout.js';
import { seasonPreview } from '../../embeds/share-image/share-meta.js';
import { paths, withUpto } from '../../../shared/paths.js';
import { isBeyondHorizon, isSeasonBeyondHorizon } from '../../../shared/spoiler-horizon.js';
import { SpoilerSettings } from '../../ui/components/spoiler-settings.js';
import { TrendChart } from '../../ui/charts/trend-chart.js';
import { rankingVoteContext, type RankingPageProps } from './ranking-page.js';

export function SeasonPage(props: RankingPageProps & { data: SeasonPageData }) {
  const { show, season, seasons, ranking } = props.data;
  const { horizon } = props;
  // A season wholly after the horizon keeps its totals to itself: they are its episodes' scores.
  const totals = isSeasonBeyondHorizon(horizon, season.number) ? { average: null, votes: 0 } : props.data.totals;
  const asOf = props.asOf?.day;
  const base = siteOf(props.url, paths.season(show.slug, season.number, ranking.sort, ranking.page.page, asOf));
  // The page's own path without upto: where the horizon form comes back to.
  const ownPath = props.url.slice(base.length);
  const seasonUrl = base + paths.season(show.slug, season.number);
  const showUrl = base + paths.show(show.slug);
  const pageNumber = ranking.page.page;
  const heading = t('ranking.seasonHeading', { show: shownTitle(show), season: season.number, page: pageNumber });
  const seasonName = t('ranking.seasonNumber', { season: season.number });
  const subject = t('ranking.seasonSubject', { show: show.title, season: season.number });
  const vote = rankingVoteContext(props, show.slug, ranking.sort, 'season', paths.season(show.slug, season.number, ranking.sort, pageNumber));
  return (
    <Layout
      user={props.user}
      meta={{
        title: heading,
        description: truncate(t('ranking.seasonDescription', { show: show.title, season: season.number, synopsis: show.synopsis }), 200),
        url: props.url,
        // The share image and the embed list episodes by title: a masked page offers neither.
        ...(horizon ? {} : seasonPreview(base, show, season.number)),
      }}
    >
      <Breadcrumbs
        trail={[{ label: t('ranking.home'), href: paths.home() }, { label: show.title, href: withUpto(paths.show(show.slug), horizon) }, { label: seasonName }]}
      />
      <AsOfBanner notice={props.asOf} />
      <ShowHeader
        show={show}
        heading={heading}
        lede={t('ranking.seasonLede', { show: show.title, season: season.number })}
        url={props.url}
        tools={asOf === undefined ? <SpoilerSettings showSlug={show.slug} horizon={horizon} returnTo={ownPath} seasons={props.data.horizonSeasons} /> : null}
      >
        <p class="season-rating">
          {totals.average === null
            ? isSeasonBeyondHorizon(horizon, season.number)
              ? t('ranking.seasonAverageHidden')
              : t('ranking.noVotesYet')
            : tParts<Html>('ranking.seasonAverage', {
                average: formatDecimalText(totals.average),
                count: totals.votes,
                mean: (chunks) => <span class="season-average">{chunks}</span>,
                votes: (chunks) => <span class="season-votes">{chunks}</span>,
              })}
        </p>
        {seasons.length > 1 ? (
          <nav class="season-switch" aria-label={t('ranking.seasonsHeading')}>
            <ul>
              {seasons.map((s) =>
                s.number === season.number ? (
                  <li>
                    <a href={withUpto(paths.season(show.slug, s.number, ranking.sort, undefined, asOf), horizon)} aria-current="page">
                      {t('ranking.seasonNumber', { season: s.number })}
                    </a>
                  </li>
                ) : (
                  <li>
                    <a href={withUpto(paths.season(show.slug, s.number, ranking.sort, undefined, asOf), horizon)}>
                      {t('ranking.seasonNumber', { season: s.number })}
                    </a>
                  </li>
                ),
              )}
            </ul>
          </nav>
        ) : null}
      </ShowHeader>
      <RankingSection
        movements={props.movements}
        ranking={ranking}
        showSlug={show.slug}
        heading={t('ranking.seasonRanked', { season: season.number })}
        hrefFor={(sort) => withUpto(paths.season(show.slug, season.number, sort, undefined, asOf), horizon)}
        pageHref={(page) => withUpto(paths.season(show.slug, season.number, ranking.sort, page, asOf), horizon)}
        vote={asOf === undefined ? vote : undefined}
        horizon={horizon}
      />
      <TrendChart showSlug={show.slug} scores={props.data.scores} subject={subject} url={props.url} table={props.chartTable} horizon={horizon} />
      <StructuredData
        nodes={[
          {
            '@type': 'TVSeason',
            '@id': seasonUrl,
            url: seasonUrl,
            name: subject,
            seasonNumber: season.number,
            partOfSeries: { '@type': 'TVSeries', '@id': showUrl, url: showUrl, name: show.title },
            aggregateRating: aggregateRating(totals),
          },
          {
            '@type': 'ItemList',
            name: heading,
            url: props.url,
            itemListOrder: 'https://schema.org/ItemListOrderDescending',
            // A masked episode is left out: its name and rating are what the page hides.
            itemListElement: ranking.ranked
              .filter((e) => !isBeyondHorizon(horizon, e))
              .map((e) => {
                const url = base + paths.episode(show.slug, e.seasonNumber, e.episodeNumber);
                return {
                  '@type': 'ListItem',
                  position: e.rank,
                  item: {
                    '@type': 'TVEpisode',
                    '@id': url,
                    url,
                    name: e.displayTitle,
                    episodeNumber: e.episodeNumber,
                    aggregateRating: aggregateRating({ average: e.average, votes: e.count }),
                  },
                };
              }),
          },
          breadcrumbList([
            { name: t('ranking.home'), url: base + paths.home() },
            { name: show.title, url: showUrl },
            { name: seasonName, url: seasonUrl },
          ]),
        ]}
      />
    </Layout>
  );
}
