/**
 * A show's page: every episode ranked across seasons, and its seasons' totals.
 */
import type { ShowPageData } from '../../../ranking/rankings.service.js';
import { Breadcrumbs, ShowHeader } from '../../ui/components/show-header.js';
import { ExternalLinks } from '../../ui/components/external-links.js';
import type { ExternalIds } from '../../../catalog/external-ids.js';
import { RankingSection } from '../../ui/components/ranking-list.js';
import { AsOfBanner } from '../../ui/components/as-of-banner.js';
import { truncate } from '../../ui/format.js';
import { formatCount, formatDecimalText } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { aggregateRating, alternateNames, breadcrumbList, siteOf, StructuredData } from '../../ui/components/structured-data.js';
import { shownTitle } from '../../ui/components/alternate-titles.js';
import { Fragment, h } from '../../ui/jsx.js';
import { Layout } from '../../ui/layout.js';
import { showPreview } from '../../embeds/share-image/share-meta.js';
import { paths, withUpto } from '../../../shared/paths.js';
import { isSeasonBeyondHorizon } from '../../../shared/spoiler-horizon.js';
import { SpoilerSettings } from '../../ui/components/spoiler-settings.js';
import { Heatmap } from '../../ui/charts/heatmap.js';
import { TrendChart } from '../../ui/charts/trend-chart.js';
import { rankingVoteContext, type RankingPageProps } from './ranking-page.js';
import { DEFAULT_HEATMAP_MEASURE, type HeatmapMeasure } from '../../../shared/heatmap-measures.js';
import type { HeatmapScale } from '../../../shared/heatmap-scales.js';
import { ColumnHeads } from '../../ui/components/column-heads.js';

export function ShowPage(
  props: RankingPageProps & {
    data: ShowPageData;
    /** What the heatmap shows (HEATMAP_MEASURES); the fan score by default. */
    heatmap?: HeatmapMeasure;
    /** How the heatmap spreads its colours (HEATMAP_SCALES); the show's own range by default. */
    heatmapScale?: HeatmapScale | undefined;
    /** The show's ids on other sites, linked under its header. */
    externalIds?: ExternalIds;
  },
) {
  const { show, seasons, ranking } = props.data;
  const { horizon } = props;
  const asOf = props.asOf?.day;
  const base = siteOf(props.url, paths.show(show.slug, ranking.sort, ranking.page.page, asOf));
  // The page's own path without upto: where the horizon form comes back to.
  const ownPath = props.url.slice(base.length);
  const showUrl = base + paths.show(show.slug);
  // The show's totals are its seasons' (every episode belongs to one); the average is the show's mean.
  const totalVotes = seasons.reduce((n, s) => n + s.votes, 0);
  const vote = rankingVoteContext(props, show.slug, ranking.sort, 'show', paths.show(show.slug, ranking.sort, ranking.page.page));
  return (
    <Layout
      user={props.user}
      meta={{
        title: t('ranking.showPageTitle', { show: show.title, page: ranking.page.page }),
        description: truncate(show.synopsis, 200),
        url: props.url,
        // The share image and the embed list episodes by title: a masked page offers neither.
        ...(horizon ? {} : showPreview(base, show)),
        feed: paths.showFeed(show.slug),
      }}
    >
      <Breadcrumbs trail={[{ label: t('ranking.home'), href: paths.home() }, { label: show.title }]} />
      <AsOfBanner notice={props.asOf} />
      <ShowHeader
        show={show}
        heading={shownTitle(show)}
        url={props.url}
        about={<ExternalLinks kind="show" ids={props.externalIds} />}
        tools={asOf === undefined ? <SpoilerSettings showSlug={show.slug} horizon={horizon} returnTo={ownPath} seasons={seasons} /> : null}
      />
      {/* The ranking first (issue 25): the seasons' totals and the charts follow it. */}
      <RankingSection
        movements={props.movements}
        ranking={ranking}
        showSlug={show.slug}
        heading={t('ranking.showRankingHeading', { show: show.title })}
        hrefFor={(sort) => withUpto(paths.show(show.slug, sort, undefined, asOf), horizon)}
        pageHref={(page) => withUpto(paths.show(show.slug, ranking.sort, page, asOf), horizon)}
        vote={asOf === undefined ? vote : undefined}
        horizon={horizon}
      />
      <section class="seasons-section" aria-labelledby="seasons-heading">
        <h2 id="seasons-heading">{t('ranking.seasonsHeading')}</h2>
        {seasons.length === 0 ? (
          <p class="empty">{t('ranking.noSeasons')}</p>
        ) : (
          <table class="seasons">
            <ColumnHeads
              columns={[t('ranking.columnSeason'), t('ranking.columnEpisodes'), t('ranking.columnRated'), t('ranking.columnVotes'), t('ranking.columnAverage')]}
            />
            <tbody>
              {seasons.map((s) => (
                <tr data-season={s.number}>
                  <th scope="row">
                    <a href={withUpto(paths.season(show.slug, s.number, undefined, undefined, asOf), horizon)}>
                      {t('ranking.seasonNumber', { season: s.number })}
                    </a>
                  </th>
                  <td>{formatCount(s.episodeCount)}</td>
                  <td>{formatCount(s.ratedEpisodeCount)}</td>
                  {/* A season wholly after the horizon keeps its numbers of episodes, not its scores. */}
                  {isSeasonBeyondHorizon(horizon, s.number) ? (
                    <td colspan="2" class="masked">
                      {t('ranking.seasonHidden')}
                    </td>
                  ) : (
                    <>
                      <td>{t('common.votes', { count: s.votes })}</td>
                      <td class="season-average">{s.average === null ? '—' : formatDecimalText(s.average)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr class="show-totals">
                <th scope="row">{t('ranking.allSeasons')}</th>
                <td>{formatCount(seasons.reduce((n, s) => n + s.episodeCount, 0))}</td>
                <td>{formatCount(seasons.reduce((n, s) => n + s.ratedEpisodeCount, 0))}</td>
                <td class="show-votes">{t('common.votes', { count: totalVotes })}</td>
                <td class="show-average">{ranking.showMean === null ? '—' : formatDecimalText(ranking.showMean)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>
      <Heatmap
        showSlug={show.slug}
        scores={props.data.scores}
        measure={props.heatmap ?? DEFAULT_HEATMAP_MEASURE}
        scale={props.heatmapScale}
        sort={ranking.sort}
        page={ranking.page.page}
        horizon={horizon}
      />
      <TrendChart showSlug={show.slug} scores={props.data.scores} subject={show.title} url={props.url} table={props.chartTable} horizon={horizon} />
      <StructuredData
        nodes={[
          {
            '@type': 'TVSeries',
            '@id': showUrl,
            url: showUrl,
            name: show.title,
            alternateName: alternateNames(show.title, show),
            description: show.synopsis || undefined,
            numberOfSeasons: seasons.length,
            containsSeason: seasons.map((s) => ({ '@type': 'TVSeason', url: base + paths.season(show.slug, s.number), seasonNumber: s.number })),
            aggregateRating: aggregateRating({ average: ranking.showMean, votes: totalVotes }),
          },
          breadcrumbList([
            { name: t('ranking.home'), url: base + paths.home() },
            { name: show.title, url: showUrl },
          ]),
        ]}
      />
    </Layout>
  );
}
