import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogFormatError } from '../../src/importers/catalog-format.js';
import { parseCatalogText, type ImportFormat } from '../../src/importers/read-catalog.js';
import { signedInAs } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const fixtureText = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');

/** What reading a file does: a catalogue, or a refusal with sentences. Anything else is a bug. */
function outcome(text: string, source: string, format?: ImportFormat): 'accepted' | string[] {
  try {
    parseCatalogText(text, source, format);
    return 'accepted';
  } catch (error) {
    if (error instanceof CatalogFormatError) return error.problems;
    throw new Error(`${source}: ${(error as Error).stack}`);
  }
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** Values that do not belong anywhere in particular: wrong types, huge and odd numbers, deep nesting. */
const ODD_VALUES = ['null', '1e300', '-1', '1.5', '0', '""', '"x"', 'true', '[]', '{}', '[null]', '{"a":1}', nested(5000), '"' + 'y'.repeat(30000) + '"'];

/** Every JSON path in a value, as a list of keys. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

/** The file's text with the value at `path` swapped for `odd` (raw JSON text). */
function spoiled(original: unknown, path: Array<string | number>, odd: string): string {
  const marker = '"@@odd-value@@"';
  const copy = structuredClone(original) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = '@@odd-value@@';
  const text = JSON.stringify(copy);
  if (!text.includes(marker)) throw new Error('the marker was not written');
  return text.replace(marker, () => odd);
}

describe('odd files are refused with sentences, never a crash', () => {
  it.each(['orbit-cafe.json', 'harbor-lights.tvmaze.json'])('%s with every value in turn replaced by a wrong type, a huge number or deep nesting', (name) => {
    const original = JSON.parse(fixtureText(name));
    let refused = 0;
    for (const path of paths(original)) {
      for (const odd of ODD_VALUES) {
        const result = outcome(spoiled(original, path, odd), name);
        if (result === 'accepted') continue;
        refused++;
        expect(result.length, `${path.join('/')} = ${odd.slice(0, 20)}`).toBeGreaterThan(0);
        for (const problem of result) expect(problem).toMatch(/^(\/|line \d)/);
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('a TVmaze show with a null episode or an updated time of 1e300 names the place', () => {
    const show = JSON.parse(fixtureText('harbor-lights.tvmaze.json'));
    show._embedded.episodes.splice(1, 0, null);
    show.updated = 1e300;
    expect(outcome(JSON.stringify(show), 'show.json')).toEqual([
      '/updated: the number 1e+300 is not a time (seconds since 1970)',
      '/_embedded/episodes/1: expected an episode object, found null',
    ]);
    const twice = JSON.parse(fixtureText('harbor-lights.tvmaze.json'));
    twice._embedded.episodes.push({ ...twice._embedded.episodes[0] }, { season: 1, number: 3, airdate: '2019-02-30' });
    expect(outcome(JSON.stringify(twice), 'show.json')).toEqual([
      '/_embedded/episodes/4: season 1 episode 1 already appears at /_embedded/episodes/0',
      '/_embedded/episodes/5/airdate: "2019-02-30" is not a date (YYYY-MM-DD)',
    ]);
  });

  it('odd JSON as a whole: deep nesting, huge numbers, not an object', () => {
    for (const text of [
      nested(100_000),
      '{"shows":' + nested(100_000) + '}',
      '1e999999',
      '"text"',
      'null',
      '{"shows": [{"slug": "a", "title": "A", "seasons": [{"number": 1e999}]}]}',
    ]) {
      const result = outcome(text, 'odd.json');
      expect(result, text.slice(0, 30)).not.toBe('accepted');
      expect((result as string[])[0]).toMatch(/^(\/|is )/);
    }
  });

  it('odd CSV: bad quoting and wrong columns', () => {
    const header = 'show,show_title,season,episode,title';
    const cases: Array<[string, RegExp]> = [
      [`${header}\norbit-cafe,Orbit,1,1,"never closed\n`, /^line 2: a quoted field is never closed/],
      [`${header}\norbit-cafe,Orbit,1,1,x,extra\n`, /^line 2: 6 fields where the header has 5/],
      [`${header}\norbit-cafe,Orbit,1\n`, /^line 2: 3 fields where the header has 5/],
      [`show,season,episode,colour\norbit-cafe,1,1,red\n`, /^line 1: unknown column "colour"/],
      [`show_title,title\nOrbit,x\n`, /^line 1: the required column "show" is missing/],
      [`${header}\norbit-cafe,Orbit,1,99999999999999999999,x\n`, /^line 2, column episode: /],
      ['', /^(line 1|the file is empty)/],
    ];
    for (const [text, expected] of cases) {
      const result = outcome(text, 'odd.csv');
      expect(result, text).not.toBe('accepted');
      expect((result as string[])[0], text).toMatch(expected);
    }
  });
});

describe('CSV under another name, and a show title that changes part way', () => {
  it('a CSV named .txt is read as CSV; JSON that fails says how to name a CSV', () => {
    const csv = fixtureText('orbit-cafe.csv');
    expect(parseCatalogText(csv, 'orbit-cafe.txt')).toEqual(parseCatalogText(csv, 'orbit-cafe.csv'));
    const [problem] = outcome('show;season;episode\norbit-cafe;1;1\n', 'semicolons.txt') as string[];
    expect(problem).toMatch(/^is not valid JSON: .*If it is a CSV file, name it \.csv \(or choose the CSV format\)/);
  });

  it('a later row giving the show another title is an error naming the line', () => {
    const text = 'show,show_title,season,episode\norbit-cafe,Orbit Café,1,1\norbit-cafe,,1,2\norbit-cafe,Orbit Cafe,1,3\n';
    expect(outcome(text, 'orbit.csv')).toEqual([
      'line 4, column show_title: "Orbit Cafe" differs from "Orbit Café", the title of show "orbit-cafe" on its first row',
    ]);
  });
});

describe('the upload form answers odd files with 400 and a sentence', () => {
  const context = useTestApp();
  const upload = async (cookie: string, name: string, content: string) => {
    const boundary = '----epirank-odd-boundary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\n1\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return context.app.inject({
      method: 'POST',
      url: '/admin/import',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'sec-fetch-site': 'same-origin', cookie },
    });
  };

  it.each([
    ['null-episode.json', JSON.stringify({ id: 1, name: 'Odd', updated: 1e300, _embedded: { episodes: [null] } })],
    ['deep.json', '{"shows":' + nested(50_000) + '}'],
    ['huge.json', '{"shows":[{"slug":"a","title":"A","seasons":[{"number":1,"episodes":[{"number":1,"baseline":{"count":1e300,"sum":1e300}}]}]}]}'],
    ['types.json', '{"shows":[{"slug":1,"title":[],"seasons":{}}]}'],
    ['quotes.csv', 'show,show_title,season,episode\n"orbit-cafe,Orbit,1,1\n'],
    ['columns.csv', 'show,show_title,season,episode\norbit-cafe\n'],
  ])('%s', async (name, content) => {
    const editor = await signedInAs(context.app, context.database, 'editor');
    const response = await upload(editor, name, content);
    expect(response.statusCode).toBe(400);
    const problems = parsePage(response.body)('li')
      .toArray()
      .map((li) => parsePage('')(li).text());
    expect(problems.join('\n')).toMatch(/(\/|line \d)[^\n]*: [a-z"0-9]/);
  });
});
