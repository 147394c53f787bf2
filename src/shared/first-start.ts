/**
 * What a new operator is told on a site with no shows: `epirank serve` only loads the demo into a
 * database it creates itself, so a database made by `epirank migrate` starts empty. The server's
 * log line and the home page's empty state say the same thing from here.
 */

/** The commands that fill an empty catalogue, as an operator types them. */
export const FILL_CATALOGUE_COMMANDS = { demo: 'epirank demo', import: 'epirank import <file>' } as const;

/** Where the catalogue file format is described, relative to the repository. */
export const CATALOGUE_FORMAT_DOC = 'docs/catalogue-format.md';

/** One line for the server's log when it starts on an empty catalogue. */
export const EMPTY_CATALOGUE_HINT = `no shows yet: run \`${FILL_CATALOGUE_COMMANDS.demo}\` to load the demo catalogue, or \`${FILL_CATALOGUE_COMMANDS.import}\` to import your own (${CATALOGUE_FORMAT_DOC})`;

/** "Loaded 1 show, 2 seasons, 51 episodes.": what `epirank demo` loaded, counted. */
export function describeLoadedCatalogue(counts: { shows: number; seasons: number; episodes: number }): string {
  const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  return `Loaded ${count(counts.shows, 'show')}, ${count(counts.seasons, 'season')}, ${count(counts.episodes, 'episode')}.`;
}
