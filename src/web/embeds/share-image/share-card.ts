/**
 * What a show's or a season's share image says, taken from the same data its page is built from:
 * the best episodes by fan score with the numbers the ranking shows, and every episode's score
 * for the heatmap. Also the image's alternative text, which the page's og:image:alt repeats.
 */
import type { SeasonPageData, ShowPageData } from '../../../ranking/rankings.service.js';
import type { EpisodeScore } from '../../../ranking/episode-scores.js';
import type { ShareCard } from './share-svg.js';

/** The image's text alternative for a show, or one of its seasons. */
export function shareImageAlt(showTitle: string, season?: number): string {
  const subject = season === undefined ? showTitle : `${showTitle} season ${season}`;
  return `${subject}: the best episodes by fans' score, and a heatmap of every episode's score.`;
}

type Ranking = ShowPageData['ranking'];

function topOf(ranking: Ranking): ShareCard['top'] {
  return ranking.ranked.map((e) => ({
    rank: e.rank,
    code: `S${e.seasonNumber}E${e.episodeNumber}`,
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
  return { title: data.show.title, subtitle: 'Every episode, ranked by fans', top: topOf(data.ranking), grid: gridOf(data.scores) };
}

export function seasonCard(data: SeasonPageData): ShareCard {
  return {
    title: data.show.title,
    subtitle: `Season ${data.season.number}, ranked by fans`,
    top: topOf(data.ranking),
    grid: gridOf(data.scores),
  };
}
