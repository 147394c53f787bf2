/**
 * The spoiler horizon on a page: the form that sets it ("I've watched up to S2E5"), the banner
 * that says it is on with the control that turns it off, and the place an episode after it keeps
 * in a list with nothing but its numbers.
 */
import { paths } from '../../../shared/paths.js';
import { horizonLabel, maskedText, type Horizon } from '../../../shared/spoiler-horizon.js';
import { Fragment, h } from '../jsx.js';
import { placeOfCard, RankLine } from './episode-card.js';

void Fragment;

/**
 * "I've watched up to…": posts to the show's horizon route, which remembers it and comes back to
 * `returnTo` (the page's own path without `upto`) with it. Pre-filled with the current horizon.
 */
export function HorizonForm(props: { showSlug: string; returnTo: string; horizon?: Horizon | null | undefined }) {
  return (
    <form method="post" action={paths.horizon(props.showSlug)} class="horizon-form" aria-label="Spoiler horizon: the last episode you have watched">
      <label>
        Season <input type="number" name="season" min="1" max="9999" required value={props.horizon?.season} />
      </label>
      <label>
        Episode <input type="number" name="episode" min="1" max="9999" required value={props.horizon?.episode} />
      </label>
      <input type="hidden" name="return" value={props.returnTo} />
      <button type="submit">Hide spoilers after this</button>
    </form>
  );
}

/** Says which episodes are hidden, with the control that shows everything again (on this page and for the show). */
export function HorizonBanner(props: { showSlug: string; horizon: Horizon | null | undefined; returnTo: string }) {
  if (!props.horizon) return null;
  return (
    <form method="post" action={paths.horizon(props.showSlug)} class="horizon-banner">
      <p>Spoilers hidden after {horizonLabel(props.horizon)}</p>
      <input type="hidden" name="clear" value="1" />
      <input type="hidden" name="return" value={props.returnTo} />
      <button type="submit">Show everything</button>
    </form>
  );
}

/**
 * An episode after the horizon, in its place in a ranking: its rank and numbers (which give
 * nothing away), and no title, synopsis, score, credits or rating control. It keeps the card's
 * anchor and episode id, so links and the voting script still find its place.
 */
export function MaskedEpisode(props: { episode: { id: number; seasonNumber: number; episodeNumber: number; rank?: number }; horizon: Horizon }) {
  const { episode } = props;
  return (
    <article class="episode masked-episode" {...placeOfCard(episode)}>
      <RankLine rank={episode.rank} />
      <p class="masked">
        S{episode.seasonNumber}E{episode.episodeNumber} · {maskedText(props.horizon)}
      </p>
    </article>
  );
}

/**
 * An entry of a list that spans shows (search results, `/top`) for an episode after the visitor's
 * horizon: its show and numbers, linking to its masked page, and "Hidden: after S2E5". Not
 * MaskedEpisode, a ranking's card, whose anchor would repeat across shows in such a list.
 */
export function MaskedPlace(props: { showTitle: string; seasonNumber: number; episodeNumber: number; href: string; horizon: Horizon }) {
  return (
    <>
      <a href={props.href}>
        {props.showTitle}, season {props.seasonNumber}, episode {props.episodeNumber}
      </a>{' '}
      <span class="masked">{maskedText(props.horizon)}</span>
    </>
  );
}

/** A live ranking page's horizon: the banner naming it (with its way back), then the form that sets it. */
export function HorizonControls(props: { showSlug: string; horizon: Horizon | null | undefined; returnTo: string }) {
  return (
    <>
      <HorizonBanner showSlug={props.showSlug} horizon={props.horizon} returnTo={props.returnTo} />
      <HorizonForm showSlug={props.showSlug} returnTo={props.returnTo} horizon={props.horizon} />
    </>
  );
}
