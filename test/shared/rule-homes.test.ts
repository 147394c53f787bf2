/**
 * One home per rule: numbers that were once retyped across src/ (and then disagreed, as the status
 * filter's 50 characters did with the catalogue's 100) are stated in one file each. A search for
 * the number finds that file only; everything else imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|tsx|js)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** The files under src/ whose text matches `pattern`. */
const filesMatching = (pattern: RegExp) =>
  sources(SRC)
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(SRC, file))
    .sort();

describe('rules stated once', () => {
  it('bounds numbers in URLs (pages, seasons, episodes) in src/shared/paging.ts alone', () => {
    expect(filesMatching(/\b100_?000\b/)).toEqual(['shared/paging.ts']);
  });

  it('takes every slug limit from the catalogue’s rules', () => {
    // The slug is 100 characters (catalog-rules.ts LIMITS.slug); schemas use http/schemas.ts.
    expect(filesMatching(/minLength: 1, maxLength: 100\b/)).toEqual([]);
  });

  it('leaves the rating scale to src/votes/rating-scale.ts, in the client script too', () => {
    expect(filesMatching(/\[1, 2, 3, 4, 5, 6, 7, 8, 9, 10\]|\[1, 10\]|!== 10\b/)).toEqual([]);
  });
});
