/**
 * The typeface share images are set in: Source Sans 3 (SIL Open Font License), read from the
 * `source-sans` npm package by path. resvg reads TrueType and OpenType files only (the WOFF and
 * WOFF2 files of the @fontsource packages load as nothing), and system fonts are never consulted,
 * so an image looks the same on a fresh machine with no fonts installed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packageRoot = dirname(createRequire(import.meta.url).resolve('source-sans/package.json'));

/** The family name the SVG asks for, as the font files declare it. */
export const SHARE_FONT_FAMILY = 'Source Sans 3';

/** The regular and bold faces: the only weights an image uses. */
export const SHARE_FONT_FILES: readonly string[] = ['SourceSans3-Regular.ttf', 'SourceSans3-Bold.ttf'].map((file) => join(packageRoot, 'TTF', file));
