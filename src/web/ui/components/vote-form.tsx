/**
 * The rating control. On a ranking each card carries one "Rate" link; the ten rating buttons are
 * drawn only in the card being rated (ten buttons in every card made a 26-episode page 1,700
 * elements). Without JavaScript the link reloads the page with that card open (RATE_PARAM) and one
 * press of a number votes; with JavaScript the script opens the same buttons in place, cloned from
 * the form a ranking renders once into a <template> (VoteFormTemplate), so the form is written here
 * only. The episode page, which has one episode, shows its buttons open.
 */
import type { SortOrder } from '../../../shared/sort-orders.js';
import type { RankingScope } from '../../../ranking/rankings.service.js';
import { MAX_RATING, MIN_RATING, RATINGS } from '../../../votes/rating-scale.js';
import { t, tParts } from '../../../i18n/translate.js';
import { type Html, h } from '../jsx.js';
import { episodeAnchor, paths } from '../../../shared/paths.js';

/** Names the card whose rating buttons are drawn open, without JavaScript. */
export const RATE_PARAM = 'rate';

/**
 * A form posted with no rating (a hand-made request, or a page from before the rating buttons): the
 * form route sends the browser back with this query parameter naming the episode's anchor, and
 * that card opens saying what is missing.
 */
export const CHOOSE_RATING_PARAM = 'choose-rating';

/** What that card says (and the 400 a script's vote with no rating gets), in the language in force. */
export function chooseRatingMessage(): string {
  return t('ranking.chooseRating', { min: MIN_RATING, max: MAX_RATING });
}

/**
 * A rating recorded but held for review (votes/network-allowance.ts), without JavaScript: the form
 * route sends the browser back with this parameter naming the episode's anchor, and that card
 * opens saying the rating awaits review.
 */
export const HELD_PARAM = 'held';

/** `returnPath` with one more query parameter, landing on the episode at `anchor`. */
function withParam(returnPath: string, name: string, anchor: string): string {
  // Appended, never re-parsed: the return path has been checked as a path on this site as it is.
  return `${returnPath}${returnPath.includes('?') ? '&' : '?'}${name}=${anchor}#${anchor}`;
}

/** The page to go back to, asking the episode at `anchor` for a rating, and landing on it. */
export function chooseRatingPath(returnPath: string, anchor: string): string {
  return withParam(returnPath, CHOOSE_RATING_PARAM, anchor);
}

/** The page to go back to after a held rating, telling the episode at `anchor` so. */
export function heldRatingPath(returnPath: string, anchor: string): string {
  return withParam(returnPath, HELD_PARAM, anchor);
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
  /** The anchor of the card whose rating buttons are open (RATE_PARAM). */
  open?: string | undefined;
  /** The anchor of the episode whose form was posted with no rating (CHOOSE_RATING_PARAM). */
  chooseRating?: string | undefined;
  /** The anchor of the episode whose rating was just held for review (HELD_PARAM). */
  held?: string | undefined;
}

interface VotedEpisode {
  id: number;
  seasonNumber: number;
  episodeNumber: number;
  displayTitle: string;
}

const ratingPath = (context: VotePageContext, episode: VotedEpisode) =>
  `${paths.episode(context.showSlug, episode.seasonNumber, episode.episodeNumber)}/rating`;

/** What a ranking's card carries: its open rating buttons, or the one link that opens them. */
export function VoteControl(props: { context: VotePageContext; episode: VotedEpisode }) {
  const { context, episode } = props;
  const anchor = episodeAnchor(episode.seasonNumber, episode.episodeNumber);
  if (context.open === anchor || context.chooseRating === anchor || context.held === anchor) return <VoteForm context={context} episode={episode} />;
  const current = context.yourRatings.get(episode.id);
  const label = current === undefined ? t('ranking.rate') : t('ranking.yourRatingIs', { rating: current });
  return (
    <a
      class="vote-open"
      href={withParam(context.returnTo, RATE_PARAM, anchor)}
      rel="nofollow"
      aria-label={
        current === undefined
          ? t('ranking.rateTitle', { title: episode.displayTitle })
          : t('ranking.changeRating', { rating: current, title: episode.displayTitle })
      }
      data-action={ratingPath(context, episode)}
      data-title={episode.displayTitle}
      data-rating={current}
    >
      {label}
    </a>
  );
}

/**
 * Ten rating buttons, one press votes, with "Remove my rating": a plain form that works without
 * JavaScript. The voting script sends it in the background instead and updates the page.
 */
export function VoteForm(props: { context: VotePageContext; episode: VotedEpisode }) {
  const { context, episode } = props;
  const current = context.yourRatings.get(episode.id);
  const anchor = episodeAnchor(episode.seasonNumber, episode.episodeNumber);
  const askedToChoose = context.chooseRating === anchor;
  // Only right after the vote: the page is the voter's own then, never a cached one.
  const held = !askedToChoose && context.held === anchor && current !== undefined;
  return (
    <VoteFormMarkup
      action={ratingPath(context, episode)}
      episodeId={episode.id}
      returnTo={context.returnTo}
      title={episode.displayTitle}
      current={current}
      problem={askedToChoose}
      status={
        askedToChoose
          ? chooseRatingMessage()
          : current === undefined
            ? ''
            : held
              ? t('ranking.youRatedItHeld', { rating: current, held: t('ranking.heldRating') })
              : t('ranking.youRatedIt', { rating: current })
      }
    />
  );
}

/** The id of the <template> a ranking carries for the voting script (site.js clones its form). */
export const VOTE_FORM_TEMPLATE_ID = 'vote-form-template';

/**
 * The vote form with nothing of any episode or voter in it, for the voting script to clone when a
 * card's rating buttons open in place: it fills in the action, the title, the return path and the
 * voter's rating. The same for every visitor, so a cached page can carry it.
 */
export function VoteFormTemplate() {
  return (
    <template id={VOTE_FORM_TEMPLATE_ID}>
      <VoteFormMarkup action="" returnTo="" title="" current={undefined} problem={false} status="" />
    </template>
  );
}

function VoteFormMarkup(props: {
  action: string;
  episodeId?: number;
  returnTo: string;
  title: string;
  current: number | undefined;
  problem: boolean;
  status: string;
}) {
  const { current } = props;
  return (
    <form class="vote-form" method="post" action={props.action} data-episode-id={props.episodeId}>
      <input type="hidden" name="return" value={props.returnTo} />
      <fieldset>
        <legend>{tParts<Html>('ranking.yourRatingLegend', { title: props.title, hidden: (chunks) => <span class="visually-hidden">{chunks}</span> })}</legend>
        <div class="rating-scale">
          {RATINGS.map((rating) => (
            <button type="submit" name="rating" value={rating} class="rating-option" aria-pressed={current === rating ? 'true' : 'false'}>
              {rating}
            </button>
          ))}
        </div>
        <button type="submit" name="action" value="withdraw" class="vote-withdraw" hidden={current === undefined}>
          {t('ranking.removeRating')}
        </button>
        <p class={props.problem ? 'vote-status vote-problem' : 'vote-status'} role="status" aria-live="polite">
          {props.status}
        </p>
      </fieldset>
    </form>
  );
}
