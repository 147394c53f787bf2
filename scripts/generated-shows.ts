/**
 * Shows generated for pictures and sweeps at scale: forty seasons, one season of a hundred
 * episodes, one of a thousand. Their tallies are repeatable pseudo-random scatter around a curve
 * (no invented votes reach the demo: they are imported as baseline tallies into throwaway
 * databases). Used by the README's screenshots (scripts/screenshots.ts), the page screenshots
 * (scripts/page-screenshots.ts) and the axe sweep (test/e2e/axe-sweep.test.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { parseCatalogFile } from '../src/importers/catalog-format.js';
import { importCatalog } from '../src/importers/catalog-import.js';
import { storeOf } from '../src/repositories.js';

export const FORTY_SEASONS_SHOW = 'forty-seasons';
export const THOUSAND_EPISODES_SHOW = 'thousand-nights';
export const HUNDRED_EPISODE_SEASON_SHOW = 'hundred-days';

/** A repeatable pseudo-random number in [0, 1) from an integer. */
function noise(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * An imported tally whose average follows `mean` with some scatter; null leaves the episode
 * unrated (the newest episodes, as a running show has them).
 */
function tally(mean: number, seed: number): { count: number; sum: number } {
  const count = 20 + Math.floor(noise(seed) * 80);
  const average = Math.min(10, Math.max(1, mean + (noise(seed + 1) - 0.5) * 1.6));
  return { count, sum: Math.round(average * count) };
}

function episode(number: number, mean: number | null, seed: number) {
  return {
    number,
    title: `Chapter ${number}`,
    airDate: null,
    synopsis: '',
    directors: [],
    watchLinks: [],
    baseline: mean === null ? null : tally(mean, seed),
  };
}

function show(slug: string, title: string, synopsis: string, seasons: Array<{ number: number; episodes: ReturnType<typeof episode>[] }>) {
  return { slug, title, synopsis, network: 'Example Network', status: 'Running', lastUpdated: '2026-11-01', seasons };
}

/** Forty seasons of 10 to 26 episodes: a strong start, a slump in the middle, a late revival. */
export function fortySeasons() {
  return show(
    FORTY_SEASONS_SHOW,
    'Forty Seasons',
    'A long-running show generated for the README screenshots.',
    Array.from({ length: 40 }, (_, s) => {
      const length = 10 + Math.floor(noise(s * 7) * 17);
      const seasonMean = 8.6 - 2.4 * Math.sin((Math.PI * s) / 39) + (s > 30 ? (s - 30) * 0.12 : 0);
      return {
        number: s + 1,
        episodes: Array.from({ length }, (_, e) => {
          // The last season is still airing: its last few episodes have no votes yet.
          const unrated = s === 39 && e >= length - 4;
          return episode(e + 1, unrated ? null : seasonMean + (e / length - 0.5) * 0.6, s * 1000 + e);
        }),
      };
    }),
  );
}

/** One season of a thousand episodes, slowly declining, with a few unrated at the end. */
export function thousandEpisodes() {
  return show(THOUSAND_EPISODES_SHOW, 'A Thousand Nights', 'A single 1000-episode season generated for the README screenshots.', [
    {
      number: 1,
      episodes: Array.from({ length: 1000 }, (_, e) => episode(e + 1, e >= 990 ? null : 8.8 - (e / 1000) * 2 + Math.sin(e / 60) * 0.5, 50_000 + e)),
    },
  ]);
}

/** A first season of a hundred episodes, then a short second one still airing: a long season beside a usual one. */
export function hundredEpisodeSeason() {
  return show(HUNDRED_EPISODE_SEASON_SHOW, 'A Hundred Days', 'A 100-episode season and a short one, generated for the page screenshots.', [
    { number: 1, episodes: Array.from({ length: 100 }, (_, e) => episode(e + 1, 7.4 + Math.sin(e / 9) * 1.1, 70_000 + e)) },
    { number: 2, episodes: Array.from({ length: 12 }, (_, e) => episode(e + 1, e >= 10 ? null : 8.1 - e * 0.1, 71_000 + e)) },
  ]);
}

/** Imports the shows through the catalogue importer, their tallies as imported votes. */
export async function importGeneratedShows(db: Kysely<Database>, shows: ReadonlyArray<ReturnType<typeof show>>): Promise<void> {
  await importCatalog(storeOf(db), parseCatalogFile({ format: 'epirank-catalog', version: 1, shows }, 'generated shows'));
}
