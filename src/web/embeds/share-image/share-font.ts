/**
 * The typefaces share images are set in. Source Sans 3 (SIL Open Font License), read from the
 * `source-sans` npm package by path, draws Latin, Greek and Cyrillic: an image in English or
 * Spanish looks the same on a fresh machine with no fonts installed. resvg reads TrueType and
 * OpenType files only (the WOFF and WOFF2 files of the @fontsource packages load as nothing), and
 * the system's fonts are never searched as a whole, so what is drawn never depends on what else a
 * machine happens to have.
 *
 * Source Sans has no Japanese (kana, kanji). No npm package ships a Japanese TrueType face small
 * enough to depend on, so the image borrows one from the system when one of Debian's Japanese font
 * packages is installed (`apt install fonts-noto-cjk`, or the smaller fonts-ipafont-gothic or
 * fonts-vlgothic: docs/pages.md), looked for at the paths those packages install to. resvg falls
 * back to it for each character Source Sans lacks. Without one, share-words.ts draws the image's
 * own words in English for a language whose script nothing here can draw, and a title in such a
 * script is drawn as the missing-glyph boxes resvg shows (never an error).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packageRoot = dirname(createRequire(import.meta.url).resolve('source-sans/package.json'));

/** The family name the SVG asks for, as the font files declare it. */
export const SHARE_FONT_FAMILY = 'Source Sans 3';

/** The regular and bold faces: the only weights an image uses. */
export const SHARE_FONT_FILES: readonly string[] = ['SourceSans3-Regular.ttf', 'SourceSans3-Bold.ttf'].map((file) => join(packageRoot, 'TTF', file));

/** Where Debian's Japanese font packages put a sans-serif regular face, the fullest first. */
export const JAPANESE_FONT_CANDIDATES: readonly string[] = [
  // fonts-noto-cjk: a collection whose first face is Noto Sans CJK JP.
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  // fonts-ipafont-gothic
  '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf',
  // fonts-vlgothic
  '/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf',
];

/** The face for characters Source Sans lacks: the first candidate installed, or none (checked once, at start). */
export const SHARE_FALLBACK_FONT_FILE: string | undefined = JAPANESE_FONT_CANDIDATES.find((file) => existsSync(file));

/** Every file resvg loads: Source Sans, then the fallback face when there is one. */
export const SHARE_RENDER_FONT_FILES: readonly string[] = SHARE_FALLBACK_FONT_FILE ? [...SHARE_FONT_FILES, SHARE_FALLBACK_FONT_FILE] : SHARE_FONT_FILES;
