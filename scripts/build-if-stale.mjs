// Runs before `npm start` (the `prestart` script): rebuilds dist/ when a source is newer than the
// last build, so that `git pull && npm start` serves the pulled code rather than dist/ as built at
// install (issue 25). It stays quiet and quick when dist/ is current (one stat per source file,
// stopping at the first newer one), and does nothing where src/ is absent, as in a package that
// ships only dist/. A plain .mjs because it must run before anything is compiled and without the
// dev dependencies (tsx) that a production install leaves out; `npm run build` needs only
// typescript, which is a dependency.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a build reads: the sources and the compiler settings. */
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/copy-assets.mjs'];
/** Written by every build (tsc re-emits every module), so its time is the time of the last build. */
const builtMarker = 'dist/cli.js';

/**
 * Why `root`'s dist/ needs a rebuild, or null when it does not: no src/ (nothing to build from)
 * and a marker newer than every input both give null.
 * @param {string} root
 * @returns {string | null}
 */
export function staleReason(root) {
  if (!existsSync(join(root, 'src'))) return null;
  const marker = join(root, builtMarker);
  if (!existsSync(marker)) return `${builtMarker} is missing`;
  const builtAt = statSync(marker).mtimeMs;
  for (const input of inputs) {
    const newer = firstNewer(join(root, input), builtAt);
    if (newer !== null) return `${relative(root, newer)} changed after the last build`;
  }
  return null;
}

/**
 * The first file at or under `path` modified after `time`, or null.
 * @param {string} path
 * @param {number} time
 * @returns {string | null}
 */
function firstNewer(path, time) {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > time ? path : null;
  for (const entry of readdirSync(path)) {
    const newer = firstNewer(join(path, entry), time);
    if (newer !== null) return newer;
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const reason = staleReason(root);
  if (reason !== null) {
    console.log(`Rebuilding dist/ before starting: ${reason}.`);
    // npm sets npm_execpath for its scripts; the same npm then runs the build.
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'run', '-s', 'build'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell: true });
    process.exit(result.status ?? 1);
  }
}
