/**
 * What a show's or a season's share image says, taken from the same data its page is built from:
 * the best episodes by fan score with the numbers the ranking shows, and every episode's score
 * for the heatmap, worded in the request's language (share-words.ts). Also the image's alternative
 * text, which the page's og:image:alt repeats.
 */
import type { SeasonPageData, ShowPageData } from '../../../ranking/rankings.service.js';
import type { EpisodeScore } from '../../../ranking/episode-scores.js';
import { t } from '../../../i18n/translate.js';
import type { ShareCard } from './share-svg.js';
import { shareWords } from './share-words.js';

/** The image's text alternative for a show, or one of its seasons, in the language in force. */
export function shareImageAlt(showTitle: string, season?: number): string {
  return season === undefined ? t('embeds.shareAltShow', { show: showTitle }) : t('embeds.shareAltSeason', { show: showTitle, season });
}

type Ranking = ShowPageData['ranking'];

function topOf(ranking: Ranking): ShareCard['top'] {
  return ranking.ranked.map((e) => ({
    rank: e.rank,
    code: shareWords('charts.episodeCode', { season: e.seasonNumber, episode: e.episodeNumber }),
    title: e.displayTitle,
    // A ranked episode has votes, so it has a fan score.
    score: e.fanScore ?? '',
  }));
}

/** One heatmap row per season, in air order (the scores come in air order already). */
function gridOf(scores: readonly EpisodeScore[]): ShareCard['grid'] {
  const rows: ShareCard['grid'] = [];
  for (const e of scores) {
    let row = rows[rows.length - 1];
    if (row?.season !== e.seasonNumber) rows.push((row = { season: e.seasonNumber, scores: [] }));
    row.scores.push(e.fanScore);
  }
  return rows;
}

export function showCard(data: ShowPageData): ShareCard {
  return { title: data.show.title, subtitle: shareWords('embeds.shareShowSubtitle'), top: topOf(data.ranking), grid: gridOf(data.scores) };
}

export function seasonCard(data: SeasonPageData): ShareCard {
  return {
    title: data.show.title,
    subtitle: shareWords('embeds.shareSeasonSubtitle', { season: data.season.number }),
    top: topOf(data.ranking),
    grid: gridOf(data.scores),
  };
}
