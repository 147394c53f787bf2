/**
 * A season ranked: the page the reference page is compared with.
 */
import type { SeasonPageData } from '../../ranking/rankings.service.js';
import { Breadcrumbs, ShowHeader } from '../components/show-header.js';
import { RankingSection } from '../components/ranking-list.js';
import { AsOfBanner, type AsOfNotice } from '../components/as-of-banner.js';
import type { Movement } from '../../ranking/snapshots/snapshots.service.js';
import { formatVotes, truncate } from '../format.js';
import { aggregateRating, breadcrumbList, siteOf, StructuredData } from '../components/structured-data.js';
import { Fragment, h } from '../jsx.js';
import { Layout, type Viewer } from '../layout.js';
import { seasonPreview } from '../share-image/share-meta.js';
import { paths } from '../../shared/paths.js';
import type { VotePageContext } from '../components/vote-form.js';
import { TrendChart } from '../charts/trend-chart.js';

export function SeasonPage(props: {
  data: SeasonPageData;
  url: string;
  /** Lay the trend chart's numbers out as a table (`chart=table`) instead of linking to them. */
  chartTable?: boolean;
  yourRatings: ReadonlyMap<number, number>;
  chooseRating?: string | undefined;
  /** The card whose rating buttons are open (RATE_PARAM). */
  open?: string | undefined;
  /** The card whose rating was just held for review (HELD_PARAM). */
  held?: string | undefined;
  user?: Viewer;
  /** Shown as it stood on a past day (`?as_of=`). */
  asOf?: AsOfNotice;
  /** Each ranked episode's move since a week ago (live rankings by fan score only). */
  movements?: ReadonlyMap<number, Movement>;
}) {
  const { show, season, seasons, ranking, totals } = props.data;
  const asOf = props.asOf?.day;
  const base = siteOf(props.url, paths.season(show.slug, season.number, ranking.sort, ranking.page.page, asOf));
  const seasonUrl = base + paths.season(show.slug, season.number);
  const showUrl = base + paths.show(show.slug);
  const pageNumber = ranking.page.page;
  const heading = `The best episodes of ${show.title} season ${season.number}${pageNumber > 1 ? ` (page ${pageNumber})` : ''}`;
  const vote: VotePageContext = {
    showSlug: show.slug,
    returnTo: paths.season(show.slug, season.number, ranking.sort, pageNumber),
    sort: ranking.sort,
    scope: 'season',
    yourRatings: props.yourRatings,
    chooseRating: props.chooseRating,
    open: props.open,
    held: props.held,
  };
  return (
    <Layout
      user={props.user}
      meta={{
        title: heading,
        description: truncate(`Every episode of ${show.title} season ${season.number}, ranked by fans' votes. ${show.synopsis}`, 200),
        url: props.url,
        ...seasonPreview(base, show, season.number),
      }}
    >
      <Breadcrumbs trail={[{ label: 'Home', href: paths.home() }, { label: show.title, href: paths.show(show.slug) }, { label: `Season ${season.number}` }]} />
      <AsOfBanner notice={props.asOf} />
      <ShowHeader
        show={show}
        heading={heading}
        lede={`Every rated episode of ${show.title} season ${season.number}, ranked from best to worst by fans' votes.`}
        url={props.url}
      >
        <p class="season-rating">
          {totals.average === null ? (
            'No votes yet'
          ) : (
            <>
              Season average <span class="season-average">{totals.average}</span> from <span class="season-votes">{formatVotes(totals.votes)}</span>
            </>
          )}
        </p>
        {seasons.length > 1 ? (
          <nav class="season-switch" aria-label="Seasons">
            <ul>
              {seasons.map((s) =>
                s.number === season.number ? (
                  <li>
                    <a href={paths.season(show.slug, s.number, ranking.sort, undefined, asOf)} aria-current="page">
                      Season {s.number}
                    </a>
                  </li>
                ) : (
                  <li>
                    <a href={paths.season(show.slug, s.number, ranking.sort, undefined, asOf)}>Season {s.number}</a>
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
        heading={`Season ${season.number}, ranked`}
        hrefFor={(sort) => paths.season(show.slug, season.number, sort, undefined, asOf)}
        pageHref={(page) => paths.season(show.slug, season.number, ranking.sort, page, asOf)}
        vote={asOf === undefined ? vote : undefined}
      />
      <TrendChart scores={props.data.scores} subject={`${show.title} season ${season.number}`} url={props.url} table={props.chartTable} />
      <StructuredData
        nodes={[
          {
            '@type': 'TVSeason',
            '@id': seasonUrl,
            url: seasonUrl,
            name: `${show.title} season ${season.number}`,
            seasonNumber: season.number,
            partOfSeries: { '@type': 'TVSeries', '@id': showUrl, url: showUrl, name: show.title },
            aggregateRating: aggregateRating(totals),
          },
          {
            '@type': 'ItemList',
            name: heading,
            url: props.url,
            itemListOrder: 'https://schema.org/ItemListOrderDescending',
            itemListElement: ranking.ranked.map((e) => {
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
            { name: 'Home', url: base + paths.home() },
            { name: show.title, url: showUrl },
            { name: `Season ${season.number}`, url: seasonUrl },
          ]),
        ]}
      />
    </Layout>
  );
}
