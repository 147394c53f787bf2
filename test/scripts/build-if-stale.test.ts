// The staleness check behind `npm start`'s prestart (scripts/build-if-stale.mjs): a temporary
// checkout whose files get chosen modification times, so the verdict depends on no real clock.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from '../../scripts/build-if-stale.mjs';

const built = new Date('2025-03-01T12:00:00Z');
const before = new Date('2025-02-01T12:00:00Z');
const after = new Date('2025-03-02T12:00:00Z');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'epirank-stale-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, modified: Date): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, modified, modified);
}

describe('staleReason', () => {
  it('is null when every source is older than the last build', () => {
    file('src/cli.ts', before);
    file('src/web/pages/season.tsx', before);
    file('tsconfig.json', before);
    file('dist/cli.js', built);
    expect(staleReason(root)).toBeNull();
  });

  it('names a nested source changed after the build, as a git pull leaves it', () => {
    file('src/cli.ts', before);
    file('src/web/pages/season.tsx', after);
    file('dist/cli.js', built);
    expect(staleReason(root)).toBe(`${join('src', 'web', 'pages', 'season.tsx')} changed after the last build`);
  });

  it('counts the compiler settings as sources', () => {
    file('src/cli.ts', before);
    file('tsconfig.build.json', after);
    file('dist/cli.js', built);
    expect(staleReason(root)).toBe('tsconfig.build.json changed after the last build');
  });

  it('asks for a build when dist/ was never built', () => {
    file('src/cli.ts', before);
    expect(staleReason(root)).toBe('dist/cli.js is missing');
  });

  it('builds nothing where src/ is absent, as in an install that ships only dist/', () => {
    file('dist/cli.js', before);
    file('tsconfig.json', after);
    expect(staleReason(root)).toBeNull();
  });
});
