/**
 * Every episode of a show (or a season) with its shown numbers, in air order (season, then
 * episode): what the heatmap and the trend chart draw. Built from the standings the ranking
 * already read, with the ranking's own formatting, so a cell can never disagree with the list.
 */
import { episodeTitle } from '../catalog/catalog.types.js';
import { formatAverage, formatFanScore, type Prior } from './ranking.js';
import type { EpisodeStanding } from './standings.repository.js';

export interface EpisodeScore {
  id: number;
  seasonNumber: number;
  episodeNumber: number;
  /** The title as pages show it ("Episode 4" for an untitled episode). */
  title: string;
  votes: number;
  /** S / n with two decimals, null without votes. */
  average: string | null;
  /** The fan score with two decimals, null without votes. */
  fanScore: string | null;
}

/** The episodes' numbers under the show's prior; `episodes` must already be in air order. */
export function episodeScores(episodes: readonly EpisodeStanding[], prior: Prior): EpisodeScore[] {
  return episodes.map((e) => ({
    id: e.id,
    seasonNumber: e.seasonNumber,
    episodeNumber: e.episodeNumber,
    title: episodeTitle({ title: e.title, number: e.episodeNumber }),
    votes: e.count,
    average: formatAverage(e),
    fanScore: formatFanScore(e, prior),
  }));
}
