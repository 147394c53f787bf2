/**
 * `/top`: the best, most voted and most divisive episodes across the site, a page at a time,
 * optionally of one year or one network (picked from those the lists hold, matched in any case), with the minimum of votes and the time the lists were
 * last brought up to date stated on the page.
 */
import { PrevNextPager } from '../../ui/components/pager.js';
import { DEFAULT_TOP_LIST, DIVISIVE_MIN_SHARE, TOP_LISTS, TOP_PER_PAGE, type TopList } from '../../../ranking/top-episodes.js';
import type { TopPage as TopData } from '../../../ranking/top-episodes.service.js';
import { paths, withUpto } from '../../../shared/paths.js';
import { horizonHiding, type Horizon } from '../../../shared/spoiler-horizon.js';
import { MaskedPlace } from '../../ui/components/spoiler-horizon.js';
import { formatTimestamp, formatVotes, plural } from '../../ui/format.js';
import { h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { offsetOf } from '../../../shared/paging.js';
import { LIMITS } from '../../../catalog/catalog-rules.js';
import type { TopFilterChoices } from '../../../ranking/filter-choices.js';
import { FilterPicker, spelledAsStored } from '../../ui/components/filter-picker.js';

/** Each list's tab label and heading. */
const LIST_NAMES: Record<TopList, { tab: string; heading: string }> = {
  best: { tab: 'Best', heading: 'The best episodes' },
  votes: { tab: 'Most voted', heading: 'The most voted episodes' },
  divisive: { tab: 'Most divisive', heading: 'The most divisive episodes' },
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What the list says it holds, in words. */
function explanation(data: TopData): string {
  const min = `Episodes with at least ${formatVotes(data.minVotes)}`;
  if (data.list === 'best') return `${min}, by fan score: each episode's average pulled towards its show's, so a few votes cannot top the list.`;
  if (data.list === 'votes') return `${min}, by how many votes they have.`;
  return `${min} whose fans split: at least ${percent(DIVISIVE_MIN_SHARE)} of ratings from 1 to 3 and at least as many from 8 to 10, the most evenly split first.`;
}

export function TopPage(props: {
  data: TopData;
  /** The years and networks the lists hold, for the filter form. */
  choices: TopFilterChoices;
  url: string;
  user?: Viewer;
  /** The visitor's spoiler horizons, by show slug: an episode after its show's is masked in place. */
  horizons?: ReadonlyMap<string, Horizon>;
}) {
  const { data, choices } = props;
  const { list, filters, page } = data;
  const names = LIST_NAMES[list];
  const scope = [
    filters.year === undefined ? null : `aired in ${filters.year}`,
    filters.network === undefined ? null : `on ${spelledAsStored(filters.network, choices.networks)}`,
  ]
    .filter(Boolean)
    .join(', ');
  const title = `${names.heading}${scope ? ` ${scope}` : ''}${page > 1 ? `: page ${page}` : ''}`;
  const first = offsetOf(page, TOP_PER_PAGE) + 1;
  const link = (changes: { list?: TopList; page?: number }) => paths.top({ ...filters, list, page: 1, ...changes });
  return (
    <Layout user={props.user} meta={{ title, description: explanation(data), url: props.url }}>
      <header class="page-header">
        <h1>{title}</h1>
        <p class="lede">{explanation(data)}</p>
        <p class="top-freshness">
          {data.refreshedAt === null ? 'The lists are being computed for the first time.' : `Scores as of ${formatTimestamp(data.refreshedAt)}.`}
        </p>
      </header>
      <nav class="tabs" aria-label="Lists">
        {TOP_LISTS.map((l) => (
          <a href={link({ list: l })} aria-current={l === list ? 'page' : undefined}>
            {LIST_NAMES[l].tab}
          </a>
        ))}
      </nav>
      <form class="top-filters" action={paths.top()} method="get">
        {list === DEFAULT_TOP_LIST ? null : <input type="hidden" name="list" value={list} />}
        <FilterPicker label="Year" name="year" choices={choices.years} value={filters.year} plural="years" />{' '}
        <FilterPicker label="Network" name="network" choices={choices.networks} value={filters.network} plural="networks" maxlength={LIMITS.network} />{' '}
        <button type="submit">Filter</button>
      </form>
      {data.entries.length === 0 ? (
        <p class="empty">No episode is on this list yet.</p>
      ) : (
        <ol class="top-list" start={first}>
          {data.entries.map((e) => {
            const href = withUpto(paths.episode(e.show.slug, e.seasonNumber, e.episodeNumber), props.horizons?.get(e.show.slug));
            const hiding = horizonHiding(props.horizons, e.show.slug, e);
            if (hiding) {
              // After the fan's horizon for its show: its place on the list, its show and numbers, nothing else.
              return (
                <li data-episode={`${e.show.slug}/${e.seasonNumber}/${e.episodeNumber}`}>
                  <MaskedPlace showTitle={e.show.title} seasonNumber={e.seasonNumber} episodeNumber={e.episodeNumber} href={href} horizon={hiding} />
                </li>
              );
            }
            return (
              <li data-episode={`${e.show.slug}/${e.seasonNumber}/${e.episodeNumber}`}>
                <a href={href}>{e.title ?? `Episode ${e.episodeNumber}`}</a>{' '}
                <span class="show-facts">
                  {[
                    <a href={paths.show(e.show.slug)}>{e.show.title}</a>,
                    `season ${e.seasonNumber}, episode ${e.episodeNumber}`,
                    e.show.network,
                    e.airDate?.slice(0, 4),
                  ]
                    .filter(Boolean)
                    .flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}
                </span>{' '}
                <span class="top-numbers">
                  {`fan score ${e.fanScore} · average ${e.average} · ${formatVotes(e.votes)}`}
                  {e.divisiveness === null ? '' : ` · at least ${percent(e.divisiveness)} at each end`}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <PrevNextPager page={page} hasNext={data.hasNext} href={(n) => link({ page: n })} label="Pages of the list" />
      <p class="top-count">{data.entries.length === 0 ? null : `${plural(data.entries.length, 'episode')} on this page.`}</p>
    </Layout>
  );
}
