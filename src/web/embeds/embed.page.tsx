/**
 * The pages other sites may frame (/embed/...): a show's heatmap and a season's ranking, with no
 * header, search or footer, only a "View on Epirank" link. Every link opens in a new tab (the
 * document's <base target="_blank">), so a click never replaces the host page's frame with ours;
 * only the heatmap's measure switch stays in the frame, on the embed's own address.
 */
import type { SeasonPageData, ShowPageData } from '../../ranking/rankings.service.js';
import type { HeatmapMeasure } from '../../shared/heatmap-measures.js';
import type { HeatmapScale } from '../../shared/heatmap-scales.js';
import { paths } from '../../shared/paths.js';
import { assetUrl } from '../ui/assets.routes.js';
import { Heatmap, type HeatmapView } from '../ui/charts/heatmap.js';
import { currentLanguage } from '../../i18n/context.js';
import { formatCount, formatDecimalText } from '../../i18n/format.js';
import { languageOf } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { h, type Child, type Html } from '../ui/jsx.js';
import { ColumnHeads } from '../ui/components/column-heads.js';
import { DocumentBasics } from '../ui/layout.js';

/** How many of a season's episodes its embed lists: a compact box, the rest on the full page. */
export const EMBED_SEASON_EPISODES = 10;

/** The bare document an embed renders into, light or dark as the reader's system prefers. */
function EmbedDocument(props: { title: string; pageUrl: string; children?: Child }): Html {
  const language = languageOf(currentLanguage())!;
  return (
    <html lang={language.tag} dir={language.dir}>
      <head>
        <DocumentBasics title={props.title} />
        {/* The full page is the one to index; the embed only repeats part of it. */}
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={props.pageUrl} />
        <base target="_blank" />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <link rel="stylesheet" href={assetUrl('embed.css')} />
      </head>
      <body class="embed">
        <main>
          {props.children}
          <p class="embed-credit">
            <a href={props.pageUrl} target="_blank" rel="noopener">
              {t('embeds.viewOnSite')}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** A show's heatmap, as its page draws it, in the measure and colour scale the embed's own switches chose. */
export function EmbedHeatmapPage(props: { data: ShowPageData; pageUrl: string; measure: HeatmapMeasure; scale?: HeatmapScale }): Html {
  const { show, scores } = props.data;
  const switchLink = (view: HeatmapView) => ({ href: paths.embedHeatmap(show.slug, view.measure, view.scale), target: '_self' as const });
  return (
    <EmbedDocument title={t('embeds.heatmapTitle', { show: show.title })} pageUrl={props.pageUrl}>
      <h1 class="embed-title">{show.title}</h1>
      <Heatmap showSlug={show.slug} scores={scores} measure={props.measure} scale={props.scale} switchLink={switchLink} />
    </EmbedDocument>
  );
}

/** A season's best episodes by fan score, in a compact table. */
export function EmbedSeasonPage(props: { data: SeasonPageData; pageUrl: string }): Html {
  const { show, season, ranking, totals } = props.data;
  const more = ranking.page.rankedTotal - ranking.ranked.length;
  return (
    <EmbedDocument title={t('embeds.seasonTitle', { show: show.title, season: season.number })} pageUrl={props.pageUrl}>
      <h1 class="embed-title">{t('embeds.seasonHeading', { show: show.title, season: season.number })}</h1>
      <p class="embed-summary">
        {totals.average === null ? t('embeds.noVotes') : t('embeds.seasonSummary', { average: formatDecimalText(totals.average), votes: totals.votes })}
      </p>
      {ranking.ranked.length === 0 ? null : (
        <table class="embed-ranking">
          <ColumnHeads columns={[t('embeds.rankColumn'), t('embeds.episodeColumn'), t('embeds.scoreColumn'), t('embeds.votesColumn')]} />
          <tbody>
            {ranking.ranked.map((e) => (
              <tr>
                <td>{formatCount(e.rank)}</td>
                <th scope="row">
                  <a href={paths.episode(show.slug, e.seasonNumber, e.episodeNumber)}>
                    <span class="embed-number">{t('embeds.episodeNumber', { number: e.episodeNumber })}</span> {e.displayTitle}
                  </a>
                </th>
                <td class="embed-score">{e.fanScore === null ? null : formatDecimalText(e.fanScore)}</td>
                <td>{formatCount(e.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 ? <p class="embed-more">{t('embeds.more', { count: more })}</p> : null}
    </EmbedDocument>
  );
}
