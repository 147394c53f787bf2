import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The reference page ("The BEST episodes of Kaleido Star season 1") that the demo reproduces. */
export const REFERENCE_PAGE = fileURLToPath(
  new URL('../../../shared/seed/best-episodes-kaleido-star-season-1.txt', import.meta.url),
);

export interface ReferenceEntry {
  rank: number;
  title: string;
  average: string;
  votes: number;
  season: number;
  episode: number;
  aired: string;
}

/** Reads every ranked entry, in the page's order. */
export function referenceEntries(): ReferenceEntry[] {
  if (!existsSync(REFERENCE_PAGE)) {
    throw new Error(
      `The reference page is not at ${REFERENCE_PAGE}. These tests compare the demo with it: ` +
        'check the repository out beside the project\'s shared/ folder (as CI does).',
    );
  }
  const text = readFileSync(REFERENCE_PAGE, 'utf8');
  const pattern = /\nstar\n(\d+\.\d\d)\n(\d+) votes\n\n#(\d+) - (.+)\n\nSeason (\d+) - Episode (\d+) - Aired (\S+)/g;
  return [...text.matchAll(pattern)].map((m) => ({
    average: m[1]!,
    votes: Number(m[2]),
    rank: Number(m[3]),
    title: m[4]!,
    season: Number(m[5]),
    episode: Number(m[6]),
    aired: m[7]!,
  }));
}
