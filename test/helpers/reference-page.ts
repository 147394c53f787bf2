/**
 * The facts of the reference page ("The BEST episodes of Kaleido Star season 1") that the demo
 * reproduces: each entry's rank, title, average, vote count, season, episode and air date. They are
 * kept as a fixture in the repository, so the tests need nothing beside the clone;
 * `npm run check:reference` (run by .ci/run) compares the fixture with the page in ../shared/seed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REFERENCE_FIXTURE = fileURLToPath(new URL('../fixtures/reference/kaleido-star-season-1.json', import.meta.url));

export interface ReferenceEntry {
  rank: number;
  title: string;
  average: string;
  votes: number;
  season: number;
  episode: number;
  aired: string;
}

/** Every ranked entry, in the page's order, from the fixture. */
export function referenceEntries(): ReferenceEntry[] {
  return JSON.parse(readFileSync(REFERENCE_FIXTURE, 'utf8')) as ReferenceEntry[];
}

/** Reads the ranked entries out of the reference page's text. */
export function parseReferencePage(text: string): ReferenceEntry[] {
  const pattern = /\nstar\n(\d+\.\d\d)\n(\d+) votes\n\n#(\d+) - (.+)\n\nSeason (\d+) - Episode (\d+) - Aired (\S+)/g;
  return [...text.matchAll(pattern)].map((m) => ({
    rank: Number(m[3]),
    title: m[4]!,
    average: m[1]!,
    votes: Number(m[2]),
    season: Number(m[5]),
    episode: Number(m[6]),
    aired: m[7]!,
  }));
}
