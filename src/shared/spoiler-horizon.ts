/**
 * A fan's spoiler horizon for one show: the last episode they have watched ("up to S2E5").
 * Pages hide the titles, synopses and scores of every episode after it. It travels in a link as
 * `?upto=2x5` (so such pages stay cacheable by address) and is remembered per show in a cookie.
 * This file is its one home: the parameter, the text forms, the order, and the cookie's format.
 */
import { t } from '../i18n/translate.js';

/** The last episode watched, by season and episode number. */
export interface Horizon {
  season: number;
  episode: number;
}

/** The query parameter that carries a horizon in a link. */
export const UPTO_PARAM = 'upto';

/** The cookie that remembers one horizon per show (by slug). */
export const HORIZON_COOKIE = 'epirank_horizons';

/** Browsers keep about 4 KB per cookie; past this the oldest horizons are forgotten first. */
export const HORIZON_COOKIE_MAX_BYTES = 3800;

/** The highest season or episode number a horizon names (four digits, as NUMBER reads them). */
export const MAX_HORIZON_NUMBER = 9999;

const NUMBER = '([1-9][0-9]{0,3})';
/** "2x5" as links write it; "S2E5" (any case) as people type it. */
const TEXT_FORMS = [new RegExp(`^${NUMBER}x${NUMBER}$`), new RegExp(`^s${NUMBER}e${NUMBER}$`, 'i')];

/** The horizon a link or form names, or null when the text names none. */
export function parseHorizon(text: string | undefined): Horizon | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  for (const form of TEXT_FORMS) {
    const match = form.exec(trimmed);
    if (match) return { season: Number(match[1]), episode: Number(match[2]) };
  }
  return null;
}

/** The link form: "2x5". */
export function horizonParam(horizon: Horizon): string {
  return `${horizon.season}x${horizon.episode}`;
}

/** The form people read, in the language in force: "S2E5" ("T2E5" in Spanish). Links use horizonParam. */
export function horizonLabel(horizon: Horizon): string {
  return t('ranking.episodeCode', { season: horizon.season, episode: horizon.episode });
}

/** True when the episode comes after the horizon, so its title, synopsis and scores are hidden. */
export function isBeyondHorizon(horizon: Horizon | null | undefined, episode: { seasonNumber: number; episodeNumber: number }): boolean {
  if (!horizon) return false;
  return episode.seasonNumber > horizon.season || (episode.seasonNumber === horizon.season && episode.episodeNumber > horizon.episode);
}

/**
 * The horizon, among a visitor's (by show slug), that hides this episode of that show; null when
 * none does. Lists spanning many shows (search, `/top`, the home page) ask it of every entry.
 */
export function horizonHiding(
  horizons: ReadonlyMap<string, Horizon> | undefined,
  showSlug: string,
  episode: { seasonNumber: number; episodeNumber: number },
): Horizon | null {
  const horizon = horizons?.get(showSlug);
  return horizon && isBeyondHorizon(horizon, episode) ? horizon : null;
}

/** What a masked episode says instead of its title, on pages and in the API: "Hidden: after S2E5". */
export function maskedText(horizon: Horizon): string {
  return t('ranking.maskedText', { place: horizonLabel(horizon) });
}

/** True when a whole season comes after the horizon. */
export function isSeasonBeyondHorizon(horizon: Horizon | null | undefined, seasonNumber: number): boolean {
  return !!horizon && seasonNumber > horizon.season;
}

/** The cookie's value read back: slug → horizon, oldest first. Anything malformed is skipped. */
export function readHorizonCookie(value: string | undefined): Map<string, Horizon> {
  const horizons = new Map<string, Horizon>();
  if (!value) return horizons;
  for (const entry of value.split('|')) {
    const at = entry.lastIndexOf(':');
    if (at <= 0) continue;
    const horizon = parseHorizon(entry.slice(at + 1));
    const slug = decodeSlug(entry.slice(0, at));
    if (horizon && slug) horizons.set(slug, horizon);
  }
  return horizons;
}

function decodeSlug(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // A hand-edited cookie with a broken escape names no show.
  }
}

/**
 * The cookie's value after setting (or, with null, forgetting) one show's horizon. The show just
 * set becomes the newest; the oldest are dropped while the value is over HORIZON_COOKIE_MAX_BYTES.
 */
export function writeHorizonCookie(current: Map<string, Horizon>, slug: string, horizon: Horizon | null): string {
  const next = new Map(current);
  next.delete(slug);
  if (horizon) next.set(slug, horizon);
  const entries = [...next].map(([s, h]) => `${encodeURIComponent(s)}:${horizonParam(h)}`);
  while (entries.length > 0 && entries.join('|').length > HORIZON_COOKIE_MAX_BYTES) entries.shift();
  return entries.join('|');
}

/** A season as the horizon picker offers it: its number and how many episodes it has. */
export interface HorizonSeason {
  number: number;
  episodeCount: number;
}

/**
 * Up to this many episodes the picker lists every one ("S1E5") in one select: an element and about
 * 40 bytes each on every show and season page. A longer show gets a select of seasons and an
 * episode number instead, so its pages stay within their weight (a few hundred elements; the
 * Lighthouse budget of issue 25 covers a 100-episode season and a 1,000-episode show).
 */
export const HORIZON_PICKER_MAX_EPISODES = 60;

/** True when the show is short enough for the picker to list every episode. */
export function listsEveryEpisode(seasons: readonly HorizonSeason[]): boolean {
  return seasons.reduce((n, s) => n + s.episodeCount, 0) <= HORIZON_PICKER_MAX_EPISODES;
}

/** Why a horizon names no episode of the show (a sentence for the 400 page), or null when it names one. */
export function horizonProblem(horizon: Horizon, seasons: readonly HorizonSeason[], showTitle: string): string | null {
  const season = seasons.find((s) => s.number === horizon.season);
  if (!season || season.episodeCount === 0) return t('ranking.horizonNoSeason', { show: showTitle, season: horizon.season });
  if (horizon.episode > season.episodeCount) {
    return t('ranking.horizonNoEpisode', { show: showTitle, season: horizon.season, count: season.episodeCount, episode: horizon.episode });
  }
  return null;
}
