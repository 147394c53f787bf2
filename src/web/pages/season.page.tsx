/**
 * A season ranked: the page the reference page is compared with.
 */
import type { SeasonPageData } from '../../ranking/rankings.service.js';
import { Breadcrumbs, ShowHeader } from '../components/show-header.js';
import { RankingSection } from '../components/ranking-list.js';
import { truncate } from '../format.js';
import { h } from '../jsx.js';
import { Layout, type Viewer } from '../layout.js';
import { paths } from '../../shared/paths.js';
import type { VotePageContext } from '../components/vote-form.js';

export function SeasonPage(props: {
  data: SeasonPageData;
  url: string;
  yourRatings: ReadonlyMap<number, number>;
  chooseRating?: string | undefined;
  /** The card whose rating buttons are open (RATE_PARAM). */
  open?: string | undefined;
  /** The card whose rating was just held for review (HELD_PARAM). */
  held?: string | undefined;
  user?: Viewer;
}) {
  const { show, season, seasons, ranking } = props.data;
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
      }}
    >
      <Breadcrumbs trail={[{ label: 'Home', href: paths.home() }, { label: show.title, href: paths.show(show.slug) }, { label: `Season ${season.number}` }]} />
      <ShowHeader
        show={show}
        heading={heading}
        lede={`Every rated episode of ${show.title} season ${season.number}, ranked from best to worst by fans' votes.`}
        url={props.url}
      >
        {seasons.length > 1 ? (
          <nav class="season-switch" aria-label="Seasons">
            <ul>
              {seasons.map((s) =>
                s.number === season.number ? (
                  <li>
                    <a href={paths.season(show.slug, s.number, ranking.sort)} aria-current="page">
                      Season {s.number}
                    </a>
                  </li>
                ) : (
                  <li>
                    <a href={paths.season(show.slug, s.number, ranking.sort)}>Season {s.number}</a>
                  </li>
                ),
              )}
            </ul>
          </nav>
        ) : null}
      </ShowHeader>
      <RankingSection
        ranking={ranking}
        showSlug={show.slug}
        heading={`Season ${season.number}, ranked`}
        hrefFor={(sort) => paths.season(show.slug, season.number, sort)}
        pageHref={(page) => paths.season(show.slug, season.number, ranking.sort, page)}
        vote={vote}
      />
    </Layout>
  );
}
