/**
 * The spoiler horizon on a page: the form that sets it ("I've watched up to S2E5"), the banner
 * that says it is on with the control that turns it off, and the place an episode after it keeps
 * in a list with nothing but its numbers.
 */
import { paths } from '../../../shared/paths.js';
import { type Horizon, horizonLabel, horizonParam, type HorizonSeason, listsEveryEpisode, maskedText, UPTO_PARAM } from '../../../shared/spoiler-horizon.js';
import { t } from '../../../i18n/translate.js';
import { Fragment, h } from '../jsx.js';
import { placeOfCard, RankLine } from './episode-card.js';

void Fragment;

/**
 * "Watched up to…": a picker of the show's real episodes that posts to the show's horizon route,
 * which remembers the choice and comes back to `returnTo` (the page's own path without `upto`).
 * A show of up to HORIZON_PICKER_MAX_EPISODES lists every episode by its numbers alone (a title
 * after the horizon would be the spoiler the picker exists to hide), grouped by season; a longer
 * one picks a season and types an episode number, which the route checks against the season.
 * Pre-filled with the current horizon; nothing at all for a show without episodes.
 */
export function HorizonForm(props: { showSlug: string; returnTo: string; horizon?: Horizon | null | undefined; seasons: readonly HorizonSeason[] }) {
  const seasons = props.seasons.filter((s) => s.episodeCount > 0);
  if (seasons.length === 0) return null;
  return (
    <form method="post" action={paths.horizon(props.showSlug)} class="horizon-form" aria-label={t('ranking.horizonFormLabel')}>
      {listsEveryEpisode(seasons) ? <EveryEpisode seasons={seasons} horizon={props.horizon} /> : <SeasonAndNumber seasons={seasons} horizon={props.horizon} />}
      <input type="hidden" name="return" value={props.returnTo} />
      <button type="submit" class="button">
        {t('ranking.horizonSubmit')}
      </button>
    </form>
  );
}

/** One select of every episode, a group per season: "S1E5" posted as `upto=1x5`. */
function EveryEpisode(props: { seasons: readonly HorizonSeason[]; horizon: Horizon | null | undefined }) {
  const chosen = props.horizon ? horizonParam(props.horizon) : '';
  return (
    <>
      <label for="horizon-upto">{t('ranking.watchedUpTo')}</label>
      <select id="horizon-upto" name={UPTO_PARAM} required>
        <option value="" selected={chosen === ''}>
          {t('ranking.chooseEpisode')}
        </option>
        {props.seasons.map((season) => (
          <optgroup label={t('ranking.seasonNumber', { season: season.number })}>
            {Array.from({ length: season.episodeCount }, (_, i) => {
              const value = horizonParam({ season: season.number, episode: i + 1 });
              return (
                <option value={value} selected={value === chosen}>
                  {horizonLabel({ season: season.number, episode: i + 1 })}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </>
  );
}

/** A long show: a select of its seasons (with their sizes) and the episode's number. */
function SeasonAndNumber(props: { seasons: readonly HorizonSeason[]; horizon: Horizon | null | undefined }) {
  const longest = Math.max(...props.seasons.map((s) => s.episodeCount));
  return (
    <>
      <label for="horizon-season">{t('ranking.watchedUpToSeason')}</label>
      <select id="horizon-season" name="season" required>
        {props.seasons.map((season) => (
          <option value={String(season.number)} selected={season.number === props.horizon?.season}>
            {t('ranking.horizonSeasonOption', { season: season.number, count: season.episodeCount })}
          </option>
        ))}
      </select>
      <label for="horizon-episode">{t('ranking.horizonEpisode')}</label>
      <input
        id="horizon-episode"
        class="horizon-episode"
        type="number"
        name="episode"
        min="1"
        max={String(longest)}
        required
        inputmode="numeric"
        value={props.horizon?.episode}
      />
    </>
  );
}

/** Says which episodes are hidden, with the control that shows everything again (on this page and for the show). */
export function HorizonBanner(props: { showSlug: string; horizon: Horizon | null | undefined; returnTo: string }) {
  if (!props.horizon) return null;
  return (
    <form method="post" action={paths.horizon(props.showSlug)} class="horizon-banner">
      <p>{t('ranking.spoilersHiddenAfter', { place: horizonLabel(props.horizon) })}</p>
      <input type="hidden" name="clear" value="1" />
      <input type="hidden" name="return" value={props.returnTo} />
      <button type="submit" class="button-secondary">
        {t('ranking.showEverything')}
      </button>
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
        {horizonLabel({ season: episode.seasonNumber, episode: episode.episodeNumber })} · {maskedText(props.horizon)}
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
      <a href={props.href}>{t('ranking.maskedPlaceInList', { show: props.showTitle, season: props.seasonNumber, episode: props.episodeNumber })}</a>{' '}
      <span class="masked">{maskedText(props.horizon)}</span>
    </>
  );
}

/**
 * A live ranking page's horizon: the banner naming it (with its way back), then the picker that
 * sets it. `seasons` are the show's seasons with their numbers of episodes (HorizonSeason).
 */
export function HorizonControls(props: { showSlug: string; horizon: Horizon | null | undefined; returnTo: string; seasons: readonly HorizonSeason[] }) {
  return (
    <>
      <HorizonBanner showSlug={props.showSlug} horizon={props.horizon} returnTo={props.returnTo} />
      <HorizonForm showSlug={props.showSlug} returnTo={props.returnTo} horizon={props.horizon} seasons={props.seasons} />
    </>
  );
}
