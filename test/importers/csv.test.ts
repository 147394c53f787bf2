/**
 * The CSV reader on its own: how text splits into rows and fields (the parser was rewritten to
 * cut fields out in runs), and a file of 100,000 seasons, the shape that once made grouping
 * rows into seasons quadratic. Speed itself is measured by bench/csv.ts, not asserted here.
 */
import { says } from '../../src/shared/errors.js';
import { describe, expect, it } from 'vitest';
import { CatalogFormatError } from '../../src/importers/catalog-format.js';
import { catalogFromCsv, parseCsv } from '../../src/importers/csv.js';

const fieldsOf = (text: string) => parseCsv(text, 'test.csv').map((row) => row.fields);

describe('splitting CSV text', () => {
  it.each([
    ['bare fields', 'a,b,c', [['a', 'b', 'c']]],
    ['empty fields', 'a,,c,', [['a', '', 'c', '']]],
    ['a quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['a doubled quote inside quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['an empty quoted field', '"",x', [['', 'x']]],
    ['a quote inside a bare field, which is text', 'a"b,c', [['a"b', 'c']]],
    ['text after a closing quote, which joins the field', '"ab"cd,e', [['abcd', 'e']]],
    ['a quoted line break', '"one\ntwo",x', [['one\ntwo', 'x']]],
    [
      'CRLF, CR and LF line ends',
      'a,b\r\nc,d\re,f\ng,h',
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
        ['g', 'h'],
      ],
    ],
    ['blank lines, which are skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['a byte-order mark, which is not data', '\ufeffshow,season', [['show', 'season']]],
    ['text that is not ASCII', 'Orbit Café,"日本, ok"', [['Orbit Café', '日本, ok']]],
  ])('reads %s', (_name, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected);
  });

  it('numbers each row by the line it starts on, counting line breaks inside quotes', () => {
    const rows = parseCsv('a,b\n"x\ny\nz",1\n\nlast,2', 'test.csv');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 6]);
  });

  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    expect(() => parseCsv('a,b\n"open,1\nmore', 'test.csv')).toThrow(new CatalogFormatError('test.csv', [says('errors.catalogueCsvUnclosed', { line: 2 })]));
    expect(() => parseCsv('a,b\n"open,1\nmore', 'test.csv')).toThrow('test.csv: line 2: a quoted field is never closed');
  });
});

describe('a CSV of 100,000 seasons', () => {
  it('groups every row into its season, in the order the seasons first appear', () => {
    const SEASONS = 100_000;
    const lines = ['show,show_title,season,episode,title'];
    // Seasons counted down, each with its first episode; then a second episode for a few of them,
    // far from their first, which must join the season already made.
    for (let n = SEASONS; n >= 1; n--) lines.push(`long-show,${n === SEASONS ? 'Long Show' : ''},${n},1,Episode ${n}.1`);
    for (const n of [SEASONS, 50_000, 1]) lines.push(`long-show,,${n},2,Episode ${n}.2`);
    const file = catalogFromCsv(lines.join('\n'), 'long.csv');

    expect(file.shows).toHaveLength(1);
    const [show] = file.shows;
    expect(show!.title).toBe('Long Show');
    expect(show!.seasons).toHaveLength(SEASONS);
    expect(show!.seasons.every((season, i) => season.number === SEASONS - i)).toBe(true);
    const titles = (number: number) => show!.seasons[SEASONS - number]!.episodes.map((e) => e.title);
    expect(titles(SEASONS)).toEqual([`Episode ${SEASONS}.1`, `Episode ${SEASONS}.2`]);
    expect(titles(50_000)).toEqual(['Episode 50000.1', 'Episode 50000.2']);
    expect(titles(1)).toEqual(['Episode 1.1', 'Episode 1.2']);
    expect(titles(2)).toEqual(['Episode 2.1']);
    expect(show!.seasons.reduce((sum, season) => sum + season.episodes.length, 0)).toBe(SEASONS + 3);
  });
});
