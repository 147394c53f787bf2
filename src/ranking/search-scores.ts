/**
 * The numbers a search result shows beside its votes (issue 25): an episode's fan score and
 * average, as its ranking shows them, and a show's mean. Computed from the tallies the results'
 * own query reads (src/catalog/search.repository.ts), formatted by the ranking's one formatter.
 */
import type { SearchRow } from '../catalog/search.repository.js';
import { formatAverage, formatFanScore } from './ranking.js';
import { formatDecimalText } from '../i18n/format.js';
import { t } from '../i18n/translate.js';

export interface SearchScores {
  /** An episode's fan score; null for a show, and for an episode or show without votes. */
  fanScore: string | null;
  /** An episode's average or a show's mean; null without votes. */
  average: string | null;
}

export function searchScores(row: SearchRow, priorVotes: number): SearchScores {
  const tally = { count: row.votes, sum: row.sum };
  if (row.kind === 'show') return { fanScore: null, average: formatAverage(tally) };
  return {
    fanScore: formatFanScore(tally, { showCount: row.show.count, showSum: row.show.sum, priorVotes }),
    average: formatAverage(tally),
  };
}

/** "fan score 8.40 · average 8.60", "average 7.90", or nothing: the words a result line shows, in the visitor's language. */
export function scoreWords(scores: SearchScores): string[] {
  return [
    scores.fanScore === null ? null : t('site.searchFanScore', { score: formatDecimalText(scores.fanScore) }),
    scores.average === null ? null : t('site.searchAverage', { average: formatDecimalText(scores.average) }),
  ].filter((w): w is string => w !== null);
}
