/**
 * How wide a run of text is in the share image's typeface, read from the same font files resvg
 * draws with: each character's advance width from the font's `cmap` (character to glyph) and
 * `hmtx` (glyph to advance) tables, in font units scaled by `head.unitsPerEm`. Counting characters
 * cannot tell "Illi" from "WMWM" (Source Sans draws the second more than three times as wide), and
 * the card's layout wraps and shrinks titles on these numbers.
 *
 * Kerning is left out: resvg applies the font's pair adjustments, which in Source Sans 3 are
 * small and mostly tighten, so the sum of advances is a near estimate; the layout keeps a margin
 * (see share-text-fit.ts) and a test checks the drawn text against resvg's own bounding boxes.
 * A character Source Sans lacks is measured in the fallback face resvg draws it with
 * (share-font.ts), and one no face has as Source Sans's missing-glyph box (glyph 0), which is what
 * resvg draws then. A font collection (.ttc) is read at its first face, the one resvg picks by
 * family too for Noto Sans CJK (JP).
 */
import { readFileSync } from 'node:fs';
import { SHARE_FALLBACK_FONT_FILE, SHARE_FONT_FILES } from './share-font.js';

/** The advance of every character a face maps, in ems. */
interface FaceWidths {
  advances: Map<number, number>;
  missing: number;
}

/** Where a font's table directory starts: the file's start, or a collection's first face's. */
function faceStart(font: Buffer): number {
  return font.toString('latin1', 0, 4) === 'ttcf' ? font.readUInt32BE(12) : 0;
}

/** A table's offset from the file's start (a collection's faces' offsets count from there too). */
function table(font: Buffer, tag: string): number {
  const start = faceStart(font);
  const count = font.readUInt16BE(start + 4);
  for (let i = 0; i < count; i++) {
    const record = start + 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`The share image's font has no ${tag} table.`);
}

/** Character → glyph id, from the Unicode subtable (format 12 when present, else format 4). */
function characterMap(font: Buffer): Map<number, number> {
  const cmap = table(font, 'cmap');
  const subtables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    subtables.set(`${font.readUInt16BE(record)}/${font.readUInt16BE(record + 2)}`, cmap + font.readUInt32BE(record + 4));
  }
  const glyphs = new Map<number, number>();
  const full = subtables.get('3/10') ?? subtables.get('0/4');
  if (full !== undefined && font.readUInt16BE(full) === 12) {
    for (let g = 0; g < font.readUInt32BE(full + 12); g++) {
      const group = full + 16 + g * 12;
      const [start, end, glyph] = [font.readUInt32BE(group), font.readUInt32BE(group + 4), font.readUInt32BE(group + 8)];
      for (let c = start; c <= end; c++) glyphs.set(c, glyph + c - start);
    }
    return glyphs;
  }
  const basic = subtables.get('3/1') ?? subtables.get('0/3');
  if (basic === undefined || font.readUInt16BE(basic) !== 4) throw new Error("The share image's font has no Unicode character map.");
  const segments = font.readUInt16BE(basic + 6) / 2;
  const ends = basic + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [font.readUInt16BE(starts + s * 2), font.readUInt16BE(ends + s * 2)];
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph = (c + delta) & 0xffff;
      if (rangeOffset !== 0) {
        const raw = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(c, glyph);
    }
  }
  return glyphs;
}

function readFace(file: string): FaceWidths {
  const font = readFileSync(file);
  const unitsPerEm = font.readUInt16BE(table(font, 'head') + 18);
  const metricCount = font.readUInt16BE(table(font, 'hhea') + 34);
  const hmtx = table(font, 'hmtx');
  // Glyphs past the last full metric share its advance (the monospaced tail the format allows).
  const advanceOf = (glyph: number) => font.readUInt16BE(hmtx + Math.min(glyph, metricCount - 1) * 4) / unitsPerEm;
  const advances = new Map<number, number>();
  for (const [character, glyph] of characterMap(font)) advances.set(character, advanceOf(glyph));
  return { advances, missing: advanceOf(0) };
}

let faces: { regular: FaceWidths; bold: FaceWidths; fallback: FaceWidths | undefined } | undefined;

/** The faces' widths, read from the font files on first use (a few milliseconds, or a few dozen for a CJK face, once per process). */
function loadedFaces() {
  if (!faces) {
    const [regular, bold] = SHARE_FONT_FILES.map(readFace);
    faces = { regular: regular!, bold: bold!, fallback: SHARE_FALLBACK_FONT_FILE ? readFace(SHARE_FALLBACK_FONT_FILE) : undefined };
  }
  return faces;
}

/** The width in pixels of `text` set on one line at `size` pixels, bold or regular. */
export function textWidth(text: string, size: number, bold = false): number {
  const { fallback, ...latin } = loadedFaces();
  const face = bold ? latin.bold : latin.regular;
  let ems = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    ems += face.advances.get(code) ?? fallback?.advances.get(code) ?? face.missing;
  }
  return ems * size;
}

/** Whether every character of `text` has a glyph in a face the image is drawn with (white space aside). */
export function canDraw(text: string): boolean {
  const { regular, fallback } = loadedFaces();
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (!/\s/.test(character) && !regular.advances.has(code) && !fallback?.advances.has(code)) return false;
  }
  return true;
}
