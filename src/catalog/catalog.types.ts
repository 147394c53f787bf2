/** The catalogue as the rest of the app sees it: camelCase, no database types. */
import { t } from '../i18n/translate.js';
import type { AlternateTitle } from './alternate-titles.js';

export interface Show {
  id: number;
  slug: string;
  title: string;
  synopsis: string;
  network: string | null;
  status: string | null;
  /** `YYYY-MM-DD`, or null when unknown. */
  lastUpdated: string | null;
  /** Its other titles (migration 0025), when the reader asked for them (a page's show). */
  titles?: AlternateTitle[];
}

export interface Season {
  id: number;
  showId: number;
  number: number;
}

export interface WatchLink {
  provider: string;
  url: string;
  /**
   * The countries where it works (ISO 3166-1 alpha-2, upper case; src/shared/countries.ts); absent
   * or empty: everywhere, or not known. Read from the database only where there are some.
   */
  countries?: string[];
}

/** The ids behind an episode's public address. */
export interface EpisodeRef {
  episodeId: number;
  seasonId: number;
  showId: number;
}

/** Enough of an episode to link to it: its numbers and its title (null when unknown). */
export interface EpisodeLink {
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
}

export interface EpisodeDetails {
  directors: string[];
  watchLinks: WatchLink[];
}

export interface Episode extends EpisodeDetails {
  id: number;
  seasonId: number;
  seasonNumber: number;
  number: number;
  /** Null when the title is unknown; pages show "Episode N" instead. */
  title: string | null;
  airDate: string | null;
  synopsis: string | null;
}

/**
 * The name a page shows for an episode, falling back to its number when the title is unknown, in
 * the language in force (src/i18n/context.ts): called while a page is built, never stored.
 */
export function episodeTitle(episode: Pick<Episode, 'title' | 'number'>): string {
  return episode.title ?? t('common.untitledEpisode', { number: episode.number });
}

/** An episode as stored, with what an import compares and an export writes. */
export interface StoredEpisode extends EpisodeDetails {
  id: number;
  number: number;
  title: string | null;
  airDate: string | null;
  synopsis: string | null;
  baseline: { count: number; sum: number } | null;
}

export interface NewShowInput {
  slug: string;
  title: string;
  synopsis?: string;
  network?: string | null;
  status?: string | null;
  lastUpdated?: string | null;
}

export interface NewEpisodeInput {
  seasonId: number;
  number: number;
  title?: string | null;
  airDate?: string | null;
  synopsis?: string | null;
  directors?: string[];
  watchLinks?: WatchLink[];
}
