/**
 * Wording the site's general pages (the front page, /shows, /top, /search) share: a show's facts
 * line, a show's status in the visitor's language, and the numbers a rating range is written with.
 * Each is said once here so that the pages say it alike in every language.
 */
import { formatCount } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { MAX_RATING, MIN_RATING } from '../../../votes/rating-scale.js';

/** The rating scale's ends for a message's `{min}` and `{max}`, as the language writes numbers. */
export const ratingRange = () => ({ min: formatCount(MIN_RATING), max: formatCount(MAX_RATING) });

/**
 * A show's status in the visitor's language: the statuses the TVmaze import writes ("Running",
 * "Ended") are translated; any other is the catalogue's own text and stays as stored.
 */
export const showStatus = (status: string | null | undefined) => (status ? t('site.showStatus', { status }) : null);

/** "TV Tokyo · Ended · 51 episodes · 181 votes": what a show card or list line says of a show; parts without a value are left out. */
export function showFacts(show: { network?: string | null; status?: string | null }, episodeCount: number, votes: number, withStatus = true): string {
  return [show.network, withStatus ? showStatus(show.status) : null, t('site.episodes', { count: episodeCount }), t('common.votes', { count: votes })]
    .filter(Boolean)
    .join(' · ');
}
