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
import { formatTimestamp } from '../../ui/format.js';
import { formatDecimalText, formatYear } from '../../../i18n/format.js';
import { t, type MessageKey } from '../../../i18n/translate.js';
import { h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { offsetOf } from '../../../shared/paging.js';
import type { TopFilterChoices } from '../../../ranking/filter-choices.js';
import { FilterPicker, NetworkPicker, spelledAsStored } from '../../ui/components/filter-picker.js';

/** Each list's tab label, heading and explanation (message keys). */
const LIST_NAMES: Record<TopList, { tab: MessageKey; heading: MessageKey; explanation: MessageKey }> = {
  best: { tab: 'site.topTabBest', heading: 'site.topHeadingBest', explanation: 'site.topExplainBest' },
  votes: { tab: 'site.topTabVotes', heading: 'site.topHeadingVotes', explanation: 'site.topExplainVotes' },
  divisive: { tab: 'site.topTabDivisive', heading: 'site.topHeadingDivisive', explanation: 'site.topExplainDivisive' },
};

/** What the list says it holds, in words. */
function explanation(data: TopData): string {
  return t(LIST_NAMES[data.list].explanation, { count: data.minVotes, share: DIVISIVE_MIN_SHARE });
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
    filters.year === undefined ? null : t('site.topScopeYear', { year: String(filters.year) }),
    filters.network === undefined ? null : t('site.topScopeNetwork', { network: spelledAsStored(filters.network, choices.networks) }),
  ]
    .filter(Boolean)
    .join(t('site.topScopeSeparator'));
  const heading = scope ? t('site.topScoped', { heading: t(names.heading), scope }) : t(names.heading);
  const title = page > 1 ? t('site.pageSuffix', { title: heading, page }) : heading;
  const first = offsetOf(page, TOP_PER_PAGE) + 1;
  const link = (changes: { list?: TopList; page?: number }) => paths.top({ ...filters, list, page: 1, ...changes });
  return (
    <Layout user={props.user} meta={{ title, description: explanation(data), url: props.url }}>
      <header class="page-header">
        <h1>{title}</h1>
        <p class="lede">{explanation(data)}</p>
        <p class="top-freshness">{data.refreshedAt === null ? t('site.topComputing') : t('site.topAsOf', { time: formatTimestamp(data.refreshedAt) })}</p>
      </header>
      <nav class="tabs" aria-label={t('site.topLists')}>
        {TOP_LISTS.map((l) => (
          <a href={link({ list: l })} aria-current={l === list ? 'page' : undefined}>
            {t(LIST_NAMES[l].tab)}
          </a>
        ))}
      </nav>
      <form class="top-filters" action={paths.top()} method="get">
        {list === DEFAULT_TOP_LIST ? null : <input type="hidden" name="list" value={list} />}
        <FilterPicker label={t('site.topYear')} name="year" choices={choices.years} value={filters.year} kind="year" />{' '}
        <NetworkPicker choices={choices.networks} value={filters.network} /> <button type="submit">{t('site.filter')}</button>
      </form>
      {data.entries.length === 0 ? (
        <p class="empty">{t('site.topEmpty')}</p>
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
                <a href={href}>{e.title ?? t('common.untitledEpisode', { number: e.episodeNumber })}</a>{' '}
                <span class="show-facts">
                  {[
                    <a href={paths.show(e.show.slug)}>{e.show.title}</a>,
                    t('site.topWhere', { season: e.seasonNumber, episode: e.episodeNumber }),
                    e.show.network,
                    formatYear(e.airDate ?? null),
                  ]
                    .filter(Boolean)
                    .flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}
                </span>{' '}
                <span class="top-numbers">
                  {t('site.topNumbers', { fanScore: formatDecimalText(e.fanScore), average: formatDecimalText(e.average), count: e.votes })}
                  {e.divisiveness === null ? '' : t('site.topDivisiveness', { share: e.divisiveness })}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <PrevNextPager page={page} hasNext={data.hasNext} href={(n) => link({ page: n })} label={t('site.topPages')} />
      <p class="top-count">{data.entries.length === 0 ? null : t('site.topCount', { count: data.entries.length })}</p>
    </Layout>
  );
}
