import type { SortOrder } from '../../ranking/ranking.js';
import type { RankingScope } from '../../ranking/rankings.service.js';
import { RATING_RANGE_TEXT, RATINGS } from '../../votes/rating-scale.js';
import { h } from '../jsx.js';
import { episodeAnchor, paths } from '../paths.js';

/**
 * Rate pressed with no number chosen, without JavaScript: the form route sends the browser back
 * with this query parameter naming the episode's anchor, and that episode's form says what is missing.
 */
export const CHOOSE_RATING_PARAM = 'choose-rating';

export const CHOOSE_RATING_MESSAGE = `Choose a rating from ${RATING_RANGE_TEXT}, then press Rate.`;

/** The page to go back to, asking the episode at `anchor` for a rating, and landing on it. */
export function chooseRatingPath(returnPath: string, anchor: string): string {
  // Appended, never re-parsed: the return path has been checked as a path on this site as it is.
  return `${returnPath}${returnPath.includes('?') ? '&' : '?'}${CHOOSE_RATING_PARAM}=${anchor}#${anchor}`;
}

/** What every vote form on a page shares: where to come back to and which ranking the page shows. */
export interface VotePageContext {
  showSlug: string;
  /** The current page's path and query, to return to after a vote without JavaScript. */
  returnTo: string;
  sort: SortOrder;
  scope: RankingScope;
  /** The visitor's own ratings by episode id (empty for a visitor who never voted). */
  yourRatings: ReadonlyMap<number, number>;
  /** The anchor of the episode whose Rate was pressed with no rating chosen (CHOOSE_RATING_PARAM). */
  chooseRating?: string | undefined;
}

/**
 * A radio group of ratings 1–10 with Rate and Remove buttons: a plain form that works without
 * JavaScript. The voting script sends it in the background instead and updates the page.
 */
export function VoteForm(props: {
  context: VotePageContext;
  episode: { id: number; seasonNumber: number; episodeNumber: number; displayTitle: string };
}) {
  const { context, episode } = props;
  const current = context.yourRatings.get(episode.id);
  const action = `${paths.episode(context.showSlug, episode.seasonNumber, episode.episodeNumber)}/rating`;
  const askedToChoose = context.chooseRating === episodeAnchor(episode.seasonNumber, episode.episodeNumber);
  return (
    <form class="vote-form" method="post" action={action} data-episode-id={episode.id}>
      <input type="hidden" name="return" value={context.returnTo} />
      <input type="hidden" name="sort" value={context.sort} />
      <input type="hidden" name="scope" value={context.scope} />
      <fieldset>
        <legend>
          Your rating<span class="visually-hidden"> of {episode.displayTitle}</span>
        </legend>
        <div class="rating-scale">
          {RATINGS.map((rating) => (
            <label class="rating-option">
              <input type="radio" name="rating" value={rating} checked={current === rating} />
              <span>{rating}</span>
            </label>
          ))}
        </div>
        <div class="vote-actions">
          <button type="submit" name="action" value="rate" class="vote-submit">
            {current === undefined ? 'Rate' : 'Change rating'}
          </button>
          <button type="submit" name="action" value="withdraw" class="vote-withdraw" hidden={current === undefined}>
            Remove my rating
          </button>
        </div>
        <p class={askedToChoose ? 'vote-status vote-problem' : 'vote-status'} role="status" aria-live="polite">
          {askedToChoose ? CHOOSE_RATING_MESSAGE : current === undefined ? '' : `You rated it ${current}.`}
        </p>
      </fieldset>
    </form>
  );
}
